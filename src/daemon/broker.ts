/**
 * The broker: sessions, their delivered positions, fan-out, retention. Pure logic — no sockets,
 * no files, no clock of its own — so every rule here is tested in-process. It returns the log
 * entries a change needs; the caller makes them durable before it answers a client. The retained
 * messages (retained-messages.ts) and the session indexes (session-registry.ts) are its parts.
 */
import type { DeliveryPath, MessageKind, MessageRecord, SessionIdentity, SessionStatus, WakePolicy } from '../protocol/messages.ts';
import { MAX_REMEMBERED_SESSIONS, MESSAGE_OVERHEAD_CHARS } from '../protocol/limits.ts';
import { ClaimTable, normalizeResource, type Claim } from './claims.ts';
import type { CursorEntry, LogEntry, RestoredState } from '../place/mailbox-entries.ts';
import { cursorEntry, lastPid, sessionEntry, sessionStatus, type Change, type ClaimOutcome, type ClaimsEnded, type PeekOptions, type PeekOutcome, type RecipientOutcome, type Session } from './broker-types.ts';
import { DEFAULT_RETENTION, type Retention } from '../place/config.ts';
import { applyClaimEntry } from '../place/apply-entry.ts';
import { RetainedMessages } from './retained-messages.ts';
import { SessionRegistry } from './session-registry.ts';

export type { Change, ClaimOutcome, ClaimsEnded, PeekOptions, PeekOutcome, RecipientOutcome, Session };

export class Broker {
  private readonly kept: RetainedMessages;
  private readonly registry = new SessionRegistry();
  readonly claims = new ClaimTable();

  constructor(private readonly retention: Retention = DEFAULT_RETENTION) {
    this.kept = new RetainedMessages(retention);
  }

  get lastSeq(): number {
    return this.kept.lastSeq;
  }

  get messageCount(): number {
    return this.kept.count;
  }

  /** The retained messages, ascending seq: read-only (history, watchers). */
  retained(): readonly MessageRecord[] {
    return this.kept.list;
  }

  restore(state: RestoredState): void {
    this.kept.restore(state.lastSeq, state.messages);
    this.registry.restore(state);
    this.claims.clear();
    for (const c of state.claims.values()) this.claims.put(c);
  }

  /** Finds or creates the session a caller speaks for (SessionRegistry.resolve says how). */
  resolve(who: SessionIdentity, now: number, backfillMinutes = 0, joinByPid = true): { session: Session; entries: LogEntry[] } {
    return this.registry.resolve(who, now, () => this.firstSightCursor(now, backfillMinutes), joinByPid);
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

  /** Adds a message made durable by the caller; from now on it is in every peer's queue. */
  accept(record: MessageRecord): void {
    this.kept.accept(record);
  }

  /** Retained messages with seq > `seq`, oldest first (federation's outbox after a restart). */
  messagesAfter(seq: number): MessageRecord[] {
    return this.kept.after(seq);
  }

  /**
   * What a session has not acknowledged yet, up to a character budget. Moves nothing: the
   * position moves only when the receiver acknowledges what it showed (ackEntry, applyAck).
   */
  peek(who: SessionIdentity, now: number, options: PeekOptions = {}): PeekOutcome {
    const { session, entries } = this.resolve(who, now, options.backfillMinutes);
    const base = { session, cursor: session.cursor, entries };
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
   * An acknowledgement made durable (or none needed): the position moves; a lease ends when the
   * ack covers it or comes from its holder (which showed no more than it acknowledged).
   */
  applyAck(session: Session, upTo: number, now: number, ack: { via?: DeliveryPath; delivered?: boolean; owner?: number } = {}): void {
    if (upTo > session.cursor) session.cursor = Math.min(upTo, this.lastSeq);
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
  inbox(who: SessionIdentity, now: number, limit: number): { messages: MessageRecord[]; entries: LogEntry[] } {
    const { session, entries } = this.resolve(who, now);
    const out: MessageRecord[] = [];
    const list = this.kept.list;
    for (let i = list.length - 1; i >= 0 && out.length < limit; i--) {
      const m = list[i]!;
      if (this.isFor(m, session)) out.push(m);
    }
    return { messages: out.reverse(), entries };
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

  /** Direct-message recipients: each a label, short id, session id or branch of exactly one live peer. */
  resolveRecipients(sender: Session, tokens: string[]): RecipientOutcome {
    return this.registry.recipients(sender, tokens);
  }

  /** Recorded entries change the claims here only: decisions return entries, so a refused change needs no undo. */
  apply(entries: readonly LogEntry[]): void {
    for (const e of entries) if (e.type === 'claim' || e.type === 'release') applyClaimEntry(this.claims, e);
  }

  /** Takes (or refreshes) a claim unless another session holds something overlapping. Announced as `lock`. */
  claim(who: SessionIdentity, resource: string, now: number, ttlMs?: number, note?: string): ClaimOutcome {
    const { session, entries } = this.resolve(who, now);
    const name = normalizeResource(resource);
    const conflict = this.claims.conflict(name, session.id, now);
    if (conflict) return { ok: false, conflict, entries, records: [] };
    const claim: Claim = { resource: name, holder: session.id, label: session.label, since: this.claims.get(name)?.since ?? now };
    if (ttlMs !== undefined) claim.expiresAt = now + ttlMs;
    if (note) claim.note = note;
    entries.push({ type: 'claim', ...claim });
    const text = `claimed ${name}${note ? ` (${note})` : ''}${ttlMs !== undefined ? ` for ${Math.round(ttlMs / 1000)}s` : ''}`;
    return { ok: true, claim, entries, records: [this.stamp(who, 'lock', text, now)] };
  }

  /** Ends the caller's claim on `resource`; undefined when it holds none there. Announced as `unlock`. */
  release(who: SessionIdentity, resource: string, now: number): (Change & { released: Claim }) | undefined {
    const { session, entries } = this.resolve(who, now);
    const name = normalizeResource(resource);
    const held = this.claims.get(name);
    if (!held || held.holder !== session.id) return undefined;
    return { released: held, ...this.endClaims([held], now, 'released', entries) };
  }

  /** The holder is gone (session ended, or its connection lost past the grace period): its claims end. */
  endSession(session: Session, now: number, reason: string): ClaimsEnded {
    return this.endClaims(this.claims.heldBy(session.id), now, reason, []);
  }

  expireClaims(now: number): ClaimsEnded {
    const gone = this.claims.list(Number.NEGATIVE_INFINITY).filter((c) => c.expiresAt !== undefined && c.expiresAt <= now);
    return this.endClaims(gone, now, 'expired', []);
  }

  private endClaims(claims: Claim[], now: number, reason: string, entries: LogEntry[]): ClaimsEnded {
    const records: MessageRecord[] = [];
    for (const c of claims) {
      entries.push({ type: 'release', resource: c.resource, holder: c.holder, ts: now });
      const holder = this.registry.byKey(c.holder);
      const origin = { sessionId: c.holder, pid: holder ? lastPid(holder) : 0, label: c.label };
      records.push(this.stamp(origin, 'unlock', reason === 'released' ? `released ${c.resource}` : `${c.resource} is free: ${reason}`, now));
    }
    return { entries, records, ended: claims };
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
      over -= 1;
    }
    return drop;
  }

  /** Everything a compacted log must hold to rebuild this state. */
  snapshot(now: number): LogEntry[] {
    const entries: LogEntry[] = [{ type: 'meta', lastSeq: this.lastSeq, compactedAt: now }];
    for (const s of this.registry.list()) entries.push(sessionEntry(s), cursorEntry(s, s.lastSeen));
    for (const c of this.claims.list(now)) entries.push({ type: 'claim', ...c });
    for (const m of this.kept.list) entries.push({ type: 'msg', ...m });
    return entries;
  }

  statusOf(session: Session): SessionStatus {
    return sessionStatus(session, this.pendingCount(session));
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
