/**
 * The broker: sessions, their delivered positions, fan-out, claims, retention. Pure logic — no
 * sockets, no files, no clock of its own — so every rule here is tested in-process.
 *
 * Its decisions change nothing: they return the entries a change needs. The caller makes them
 * durable, then `apply` hands them to the one reducer (place/apply-entry.ts), which calls the
 * setters below; replay calls the same setters from the same reducer. What is not recorded is
 * runtime only and changes outside it: connections, leases, last activity, how a session was
 * last reached. The retained messages and the session indexes are its parts.
 */
import type { DeliveryPath, MessageKind, MessageRecord, SessionIdentity, SessionStatus, WakePolicy, WorkingSetSummary } from '../protocol/messages.ts';
import { MAX_REMEMBERED_SESSIONS, MESSAGE_OVERHEAD_CHARS } from '../protocol/limits.ts';
import { ClaimTable } from './claims.ts';
import type { CursorEntry, FederationEntry, FederationPosition, LogEntry, SessionEntry } from '../place/mailbox-entries.ts';
import { cursorEntry, sessionEntry, sessionStatus, type Change, type ClaimOutcome, type ClaimsEnded, type PeekOptions, type PeekOutcome, type RecipientOutcome, type Session } from './broker-types.ts';
import { DEFAULT_RETENTION, type Retention } from '../place/config.ts';
import { applyEntry, foldFederation, type BusState, type WorkingSetState } from '../place/apply-entry.ts';
import { RetainedMessages } from './retained-messages.ts';
import { SessionRegistry } from './session-registry.ts';
import type { RecipientCandidate } from './recipients.ts';

export type { Change, ClaimOutcome, ClaimsEnded, PeekOptions, PeekOutcome, RecipientOutcome, Session };

export class Broker implements BusState {
  private readonly kept: RetainedMessages;
  private readonly registry = new SessionRegistry();
  readonly claims = new ClaimTable();
  /** Working sets: which files each session changed and has not committed (see TouchEntry). */
  readonly workingSets: WorkingSetState = new Map();
  /** Federation's position as the mailbox records it (read once, when federation starts). */
  federationPosition: FederationPosition | undefined;

  constructor(private readonly retention: Retention = DEFAULT_RETENTION) {
    this.kept = new RetainedMessages(retention);
  }

  get lastSeq(): number {
    return this.kept.lastSeq;
  }

  /** The last seq whose message is accepted (RetainedMessages.recordedSeq): what readers are answered up to. */
  get recordedSeq(): number {
    return this.kept.recordedSeq;
  }

  get messageCount(): number {
    return this.kept.count;
  }

  /** The retained messages, ascending seq: read-only (history, watchers). */
  retained(): readonly MessageRecord[] {
    return this.kept.list;
  }

  /** Recorded entries, through the one reducer: the only way recorded state changes. */
  apply(entries: readonly LogEntry[]): void {
    for (const e of entries) applyEntry(this, e);
  }

  addMessage(record: MessageRecord): void {
    this.kept.accept(record);
  }

  putSession(entry: SessionEntry): void {
    this.registry.put(entry, this.lastSeq);
  }

  setCursor(entry: CursorEntry): void {
    // Never past the last seq: a position past every seq would make the session deaf.
    this.registry.setCursor(entry.seq > this.lastSeq ? { ...entry, seq: this.lastSeq } : entry);
  }

  raiseSeq(lastSeq: number): void {
    this.kept.raiseSeq(lastSeq);
  }

  setFederation(entry: FederationEntry): void {
    this.federationPosition = foldFederation(this.federationPosition, entry);
  }

  /**
   * The session a caller speaks for, and the entries that would record it when it is new or
   * changed (SessionRegistry.resolve says how). Changes nothing.
   */
  resolve(who: SessionIdentity, now: number, backfillMinutes = 0, joinByPid = true): { session: Session; entries: LogEntry[] } {
    return this.registry.resolve(who, now, () => this.firstSightCursor(now, backfillMinutes), joinByPid);
  }

  /** A session by its key (its first id), as recorded. */
  session(key: string): Session | undefined {
    return this.registry.byKey(key);
  }

  /** The session was heard from now, running in `pid` (runtime only). */
  touch(session: Session, pid: number, now: number): void {
    this.registry.touch(session, pid, now);
  }

  /** Assigns the next seq. The seq is spent even if the append then fails: never reused. */
  stamp(origin: SessionIdentity, kind: MessageKind, text: string, now: number, to?: string[]): MessageRecord {
    const record: MessageRecord = {
      seq: this.kept.nextSeq(),
      ts: now,
      origin: { sessionId: origin.sessionId, pid: origin.pid },
      from: origin.label,
      kind,
      text,
    };
    if (to && to.length > 0) record.to = to;
    return record;
  }

  /** Retained messages with seq > `seq`, oldest first (federation's outbox after a restart). */
  messagesAfter(seq: number): MessageRecord[] {
    return this.kept.after(seq);
  }

  /**
   * What a session has not acknowledged yet, up to a character budget. Moves nothing: the
   * position moves only when the receiver acknowledges what it showed (ackEntry). The lease it
   * may take is runtime only.
   */
  peek(session: Session, now: number, options: PeekOptions = {}): PeekOutcome {
    const base = { session, cursor: session.cursor };
    if (session.lease && session.lease.until > now) {
      return { ...base, messages: [], remaining: this.pendingCount(session), upTo: session.cursor, busy: true };
    }
    session.lease = undefined;
    const budget = options.maxChars ?? Number.POSITIVE_INFINITY;
    const messages: MessageRecord[] = [];
    let used = 0;
    let upTo = session.cursor;
    let remaining = 0;
    const list = this.kept.list;
    for (let i = this.kept.indexAfter(session.cursor); i < list.length; i++) {
      const m = list[i]!;
      if (!this.isFor(m, session)) {
        if (remaining === 0) upTo = m.seq;
        continue;
      }
      const cost = m.text.length + MESSAGE_OVERHEAD_CHARS;
      if (remaining > 0 || (messages.length > 0 && used + cost > budget)) {
        remaining += 1;
        continue;
      }
      // The first message always goes, even over budget: a budget never stalls a session.
      messages.push(m);
      used += cost;
      upTo = m.seq;
    }
    if (messages.length > 0 && options.lease) session.lease = { upTo, until: now + options.lease.ms, owner: options.lease.owner };
    return { ...base, messages, remaining, upTo, busy: false };
  }

  /** The entry recording that a session was given everything up to `upTo`; undefined when it is there already. */
  ackEntry(session: Session, upTo: number, now: number): CursorEntry | undefined {
    // Never past the last seq: a position past every seq would make the session deaf.
    const seq = Math.min(upTo, this.lastSeq);
    if (seq <= session.cursor) return undefined;
    return { type: 'cursor', id: session.id, seq, ts: now };
  }

  /**
   * An acknowledgement made durable (or none needed), its position applied: a lease ends when the
   * ack covers it or comes from its holder (which showed no more than it acknowledged). Runtime only.
   */
  acked(session: Session, upTo: number, now: number, ack: { via?: DeliveryPath; delivered?: boolean; owner?: number } = {}): void {
    if (session.lease && (session.lease.upTo <= upTo || session.lease.owner === ack.owner)) session.lease = undefined;
    const { via, delivered } = ack;
    if (delivered && via) session.lastReached = { via, at: now };
    session.lastSeen = now;
  }

  /** A receiver's connection closed: batches it held and did not acknowledge go to the next one. */
  releaseLeases(owner: number, sessions: Iterable<Session>): void {
    for (const s of sessions) if (s.lease?.owner === owner) s.lease = undefined;
  }

  /** Should this new message wake the session through its host inbox, under its policy? */
  wakes(m: MessageRecord, session: Session, policy: WakePolicy): boolean {
    if (policy === 'none' || !this.isFor(m, session)) return false;
    if (policy === 'all') return true;
    return m.to !== undefined || m.kind === 'handoff';
  }

  /** The latest messages from other sessions, oldest first; the position does not move. */
  inbox(session: Session, limit: number): MessageRecord[] {
    const out: MessageRecord[] = [];
    const list = this.kept.list;
    for (let i = list.length - 1; i >= 0 && out.length < limit; i--) {
      const m = list[i]!;
      if (this.isFor(m, session)) out.push(m);
    }
    return out.reverse();
  }

  /** Pending messages for a session without handing them out. */
  pendingCount(session: Session): number {
    let n = 0;
    const list = this.kept.list;
    for (let i = this.kept.indexAfter(session.cursor); i < list.length; i++) {
      if (this.isFor(list[i]!, session)) n++;
    }
    return n;
  }

  connect(session: Session, now: number): void {
    this.registry.connect(session, now);
  }

  disconnect(session: Session, now: number): void {
    this.registry.disconnect(session, now);
  }

  /** Live sessions: an open MCP connection each. */
  peers(): Session[] {
    return this.registry.peers();
  }

  sessionById(id: string): Session | undefined {
    return this.registry.byAnyId(id);
  }

  sessionList(): Session[] {
    return this.registry.list();
  }

  /** The session a Claude pid runs now (its markers are this session's), if any. */
  sessionOfPid(pid: number): Session | undefined {
    return this.registry.ofPid(pid);
  }

  /** Direct-message recipients: each a label, short id, session id or branch of exactly one live peer, here or in `remote`. */
  resolveRecipients(sender: Session, tokens: string[], remote: readonly RecipientCandidate[] = []): RecipientOutcome {
    return this.registry.recipients(sender, tokens, remote);
  }

  /** Drops what falls out of the retention window; returns how many messages went. */
  applyRetention(now: number): number {
    const drop = this.kept.dropOld(now);
    const cutoff = now - this.retention.maxAgeMs;
    // Sessions unseen for the whole window are gone for good, and past the cap the ones seen
    // longest ago go too: forget them (never one connected or holding a claim).
    const forgettable = this.registry.list().filter((s) => s.connections === 0 && this.claims.heldBy(s.id).length === 0).sort((a, b) => a.lastSeen - b.lastSeen);
    let over = this.registry.size - MAX_REMEMBERED_SESSIONS;
    for (const s of forgettable) {
      if (s.lastSeen >= cutoff && over <= 0) break;
      this.registry.forget(s);
      this.workingSets.delete(s.id);
      over -= 1;
    }
    return drop;
  }

  /** Everything a compacted log must hold to rebuild this state. */
  snapshot(now: number): LogEntry[] {
    const entries: LogEntry[] = [{ type: 'meta', lastSeq: this.lastSeq, compactedAt: now }];
    for (const s of this.registry.list()) entries.push(sessionEntry(s), cursorEntry(s, s.lastSeen));
    for (const c of this.claims.list(now)) entries.push({ type: 'claim', ...c });
    for (const [id, trees] of this.workingSets) for (const [tree, files] of trees) for (const [path, ts] of files) entries.push({ type: 'touch', id, tree, paths: [path], ts });
    for (const m of this.kept.list) entries.push({ type: 'msg', ...m });
    return entries;
  }

  statusOf(session: Session): SessionStatus {
    const editing = this.editingOf(session);
    return { ...sessionStatus(session, this.pendingCount(session)), ...(editing ? { editing } : {}) };
  }

  /** A session's working set in short: how many files, and the first few (every worktree). */
  editingOf(session: Session): WorkingSetSummary | undefined {
    const trees = this.workingSets.get(session.id);
    if (!trees) return undefined;
    const paths = [...trees.values()].flatMap((files) => [...files.keys()]);
    return paths.length > 0 ? { count: paths.length, paths: paths.slice(0, 3) } : undefined;
  }

  /** A message is for a session unless the session sent it or it is addressed to others. */
  isFor(m: MessageRecord, session: Session): boolean {
    if (session.ids.has(m.origin.sessionId)) return false;
    if (m.to && !m.to.some((id) => session.ids.has(id))) return false;
    return true;
  }

  private firstSightCursor(now: number, backfillMinutes: number): number {
    return backfillMinutes <= 0 ? this.lastSeq : this.kept.seqBefore(now - backfillMinutes * 60_000);
  }
}
