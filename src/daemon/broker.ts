/**
 * The broker: sessions, their delivered positions, fan-out, retention. Pure logic — no sockets,
 * no files, no clock of its own — so every rule here is tested in-process. It returns the log
 * entries a change needs; the caller makes them durable before it answers a client.
 */
import type { DeliveryPath, MessageKind, MessageRecord, SessionIdentity, SessionStatus, WakePolicy } from '../protocol/messages.ts';
import { MESSAGE_KINDS, shortId } from '../protocol/messages.ts';
import { MAX_REMEMBERED_SESSIONS, MESSAGE_OVERHEAD_CHARS } from '../protocol/limits.ts';
import { ClaimTable, normalizeResource, type Claim } from './claims.ts';
import type { CursorEntry, LogEntry, RestoredState, SessionEntry } from '../place/mailbox-entries.ts';
import { DEFAULT_RETENTION, type Retention } from '../place/config.ts';

export interface Session {
  /** The id the session was first seen with: its key in the log. */
  id: string;
  /** Every session id it has had (the MCP server keeps its spawn id; hooks see /clear's new one). */
  ids: Set<string>;
  /** Claude Code process ids it has run in (a resumed session runs in a new process). */
  pids: Set<number>;
  label: string;
  cwd?: string;
  cursor: number;
  firstSeen: number;
  lastSeen: number;
  /** Open live connections (an MCP server's) standing for this session. */
  connections: number;
  /** When its current live connection began. */
  connectedSince?: number;
  lastReached?: { via: DeliveryPath; at: number };
  /**
   * A batch handed out and not yet acknowledged: until `until`, or until the connection `owner`
   * closes, no other receiver of this session is handed anything (the two would show it twice).
   * In memory only: a restarted daemon hands the batch out again unless its ack was recorded.
   */
  lease?: { upTo: number; until: number; owner: number };
}

/** A change to make durable: log entries plus announcements (stamped, accepted after the append). */
export interface Change {
  entries: LogEntry[];
  records: MessageRecord[];
}

/** Claims ended by a change: put back with `claims.set` if the change cannot be made durable. */
export type ClaimsEnded = Change & { ended: Claim[] };

export type ClaimOutcome = ({ ok: true; claim: Claim } | { ok: false; conflict: Claim }) & Change;

export type RecipientOutcome = { ok: true; ids: string[] } | { ok: false; recipient: string; peers: string[] };

export interface PeekOptions {
  maxChars?: number;
  backfillMinutes?: number;
  /** Hold the batch for this receiver (a connection id) for this long; no lease when absent. */
  lease?: { owner: number; ms: number };
}

export interface PeekOutcome {
  session: Session;
  messages: MessageRecord[];
  /** Messages still pending after these (over the budget, or held by another receiver). */
  remaining: number;
  /** The session's position now, and where an ack of this batch moves it. */
  cursor: number;
  upTo: number;
  /** Another receiver of this session holds a batch: nothing was handed out. */
  busy: boolean;
  /** Entries to make durable before the reply (a session seen for the first time). */
  entries: LogEntry[];
}

export class Broker {
  private seq = 0;
  /** Retained messages, ascending seq. */
  private messages: MessageRecord[] = [];
  /** Shared copies of origins (by session id, then pid) and labels: see share(). */
  private readonly origins = new Map<string, Map<number, MessageRecord['origin']>>();
  private readonly labels = new Map<string, string>();
  private sessions = new Map<string, Session>();
  /** Any id a session has had → the session. */
  private byId = new Map<string, Session>();
  /**
   * Claude pid → the session last seen running in it. A pid locates a session's markers and
   * nothing more: pids are reused, and a session is its session id.
   */
  private byPid = new Map<number, Session>();
  readonly claims = new ClaimTable();

  constructor(private readonly retention: Retention = DEFAULT_RETENTION) {}

  get lastSeq(): number {
    return this.seq;
  }

  get messageCount(): number {
    return this.messages.length;
  }

  /** The retained messages, ascending seq: read-only (history, watchers). */
  retained(): readonly MessageRecord[] {
    return this.messages;
  }

  restore(state: RestoredState): void {
    this.seq = state.lastSeq;
    this.messages = state.messages;
    for (const m of this.messages) this.share(m);
    this.sessions.clear();
    this.byId.clear();
    this.byPid.clear();
    for (const entry of state.sessions) {
      const cursor = state.cursors.get(entry.id);
      const session: Session = {
        id: entry.id,
        ids: new Set(entry.ids),
        pids: new Set(entry.pids),
        label: entry.label,
        cwd: entry.cwd,
        cursor: cursor?.seq ?? state.lastSeq,
        firstSeen: entry.firstSeen,
        lastSeen: cursor?.ts ?? entry.firstSeen,
        connections: 0,
      };
      this.sessions.set(session.id, session);
      for (const id of session.ids) this.byId.set(id, session);
      for (const pid of session.pids) {
        const before = this.byPid.get(pid);
        if (!before || before.lastSeen <= session.lastSeen) this.byPid.set(pid, session);
      }
    }
    this.claims.clear();
    for (const c of state.claims.values()) this.claims.set(c);
  }

  /**
   * Finds the session a caller speaks for, or creates it. A new session id from a Claude Code
   * process whose session is connected now (hooks after `/clear`; its MCP server keeps the first
   * id) joins that session, so its own earlier messages stay its own and its position carries
   * over. A pid whose session is not connected is a reused pid: a new session, not an old one.
   */
  resolve(who: SessionIdentity, now: number, backfillMinutes = 0): { session: Session; entries: LogEntry[] } {
    let session = this.byId.get(who.sessionId);
    let changed = false;
    if (!session && who.pid > 0) {
      const running = this.byPid.get(who.pid);
      session = running && running.connections > 0 ? running : undefined;
      if (session) {
        session.ids.add(who.sessionId);
        this.byId.set(who.sessionId, session);
        changed = true;
      }
    }
    if (!session) {
      session = {
        id: who.sessionId,
        ids: new Set([who.sessionId]),
        pids: new Set(who.pid > 0 ? [who.pid] : []),
        label: who.label,
        cwd: who.cwd,
        cursor: this.firstSightCursor(now, backfillMinutes),
        firstSeen: now,
        lastSeen: now,
        connections: 0,
      };
      this.sessions.set(session.id, session);
      this.byId.set(session.id, session);
      if (who.pid > 0) this.byPid.set(who.pid, session);
      return { session, entries: [sessionEntry(session), cursorEntry(session, now)] };
    }
    if (who.pid > 0 && !session.pids.has(who.pid)) {
      session.pids.add(who.pid);
      changed = true;
    }
    if (who.pid > 0) this.byPid.set(who.pid, session);
    // The label follows the session's first id: after /clear, hooks come with a new id (and so a
    // new short id in their label) while the MCP server keeps the first; one label, not two.
    if (who.sessionId === session.id && who.label && who.label !== session.label) {
      session.label = who.label;
      changed = true;
    }
    if (who.cwd && who.cwd !== session.cwd) {
      session.cwd = who.cwd;
      changed = true;
    }
    session.lastSeen = now;
    return { session, entries: changed ? [sessionEntry(session)] : [] };
  }

  /** Assigns the next seq. The seq is spent even if the append then fails: never reused. */
  stamp(origin: SessionIdentity, kind: MessageKind, text: string, now: number, to?: string[]): MessageRecord {
    this.seq += 1;
    const record: MessageRecord = {
      seq: this.seq,
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
    this.share(record);
    // The count limit holds as messages arrive (age is checked now and then): a burst cannot
    // grow memory past it. Trimmed in steps so a busy bus does not copy the array per message.
    const max = this.retention.maxCount;
    if (this.messages.length >= max + Math.max(100, Math.floor(max / 10))) this.messages = this.messages.slice(this.messages.length - max + 1);
    const last = this.messages[this.messages.length - 1];
    if (last && last.seq >= record.seq) {
      // Appends finish in seq order; this keeps the array sorted even if one ever does not.
      const at = this.indexAfter(record.seq);
      this.messages.splice(at, 0, record);
    } else {
      this.messages.push(record);
    }
  }

  /** Retained messages with seq > `seq`, oldest first (federation's outbox after a restart). */
  messagesAfter(seq: number): MessageRecord[] {
    return this.messages.slice(this.indexAfter(seq));
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
    for (let i = this.indexAfter(session.cursor); i < this.messages.length; i++) {
      const m = this.messages[i]!;
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
    const seq = Math.min(upTo, this.seq);
    if (seq <= session.cursor) return undefined;
    return { type: 'cursor', id: session.id, seq, ts: now };
  }

  /**
   * An acknowledgement made durable (or none needed): the position moves; a lease ends when the
   * ack covers it or comes from its holder (which showed no more than it acknowledged).
   */
  applyAck(session: Session, upTo: number, now: number, ack: { via?: DeliveryPath; delivered?: boolean; owner?: number } = {}): void {
    if (upTo > session.cursor) session.cursor = Math.min(upTo, this.seq);
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
    for (let i = this.messages.length - 1; i >= 0 && out.length < limit; i--) {
      const m = this.messages[i]!;
      if (this.isFor(m, session)) out.push(m);
    }
    return { messages: out.reverse(), entries };
  }

  /** Pending messages for a session without handing them out. */
  pendingCount(session: Session): number {
    let n = 0;
    for (let i = this.indexAfter(session.cursor); i < this.messages.length; i++) {
      if (this.isFor(this.messages[i]!, session)) n++;
    }
    return n;
  }

  connect(session: Session, now: number): void {
    if (session.connections === 0) session.connectedSince = now;
    session.connections += 1;
  }

  disconnect(session: Session, now: number): void {
    session.connections = Math.max(0, session.connections - 1);
    if (session.connections === 0) session.connectedSince = undefined;
    session.lastSeen = now;
  }

  /** Live sessions: an open MCP connection each. */
  peers(): Session[] {
    return this.sessionList()
      .filter((s) => s.connections > 0)
      .sort((a, b) => (a.connectedSince ?? 0) - (b.connectedSince ?? 0));
  }

  sessionById(id: string): Session | undefined {
    return this.byId.get(id);
  }

  /** Direct-message recipients: each a label, short id, session id or branch (as `log --from` takes) of exactly one live peer. */
  resolveRecipients(sender: Session, tokens: string[]): RecipientOutcome {
    const live = this.peers().filter((s) => s !== sender);
    const ids: string[] = [];
    for (const token of tokens) {
      const t = token.trim().replace(/^#/, '');
      const matches = live.filter((s) => s.label === t || shortId(s.id) === t || s.ids.has(t) || s.label.endsWith(`#${t}`) || s.label.startsWith(`${t}#`));
      if (matches.length !== 1) return { ok: false, recipient: token, peers: live.map((s) => s.label) };
      ids.push(matches[0]!.id);
    }
    return { ok: true, ids: [...new Set(ids)] };
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
    this.claims.set(claim);
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
      this.claims.delete(c.resource);
      entries.push({ type: 'release', resource: c.resource, holder: c.holder, ts: now });
      const holder = this.sessions.get(c.holder);
      const origin = { sessionId: c.holder, pid: holder ? lastPid(holder) : 0, label: c.label };
      records.push(this.stamp(origin, 'unlock', reason === 'released' ? `released ${c.resource}` : `${c.resource} is free: ${reason}`, now));
    }
    return { entries, records, ended: claims };
  }

  /** Drops what falls out of the retention window; returns how many messages went. */
  applyRetention(now: number): number {
    const cutoff = now - this.retention.maxAgeMs;
    let drop = Math.max(0, this.messages.length - this.retention.maxCount);
    while (drop < this.messages.length && this.messages[drop]!.ts < cutoff) drop++;
    if (drop > 0) this.messages = this.messages.slice(drop);
    // Sessions unseen for the whole window are gone for good, and past the cap the ones seen
    // longest ago go too: forget them (never one connected or holding a claim).
    const forgettable = [...this.sessions.values()].filter((s) => s.connections === 0 && this.claims.heldBy(s.id).length === 0).sort((a, b) => a.lastSeen - b.lastSeen);
    let over = this.sessions.size - MAX_REMEMBERED_SESSIONS;
    for (const s of forgettable) {
      if (s.lastSeen >= cutoff && over <= 0) break;
      this.forget(s);
      over -= 1;
    }
    return drop;
  }

  private forget(s: Session): void {
    this.sessions.delete(s.id);
    for (const id of s.ids) this.byId.delete(id);
    for (const pid of s.pids) if (this.byPid.get(pid) === s) this.byPid.delete(pid);
  }

  /** Everything a compacted log must hold to rebuild this state. */
  snapshot(now: number): LogEntry[] {
    const entries: LogEntry[] = [{ type: 'meta', lastSeq: this.seq, compactedAt: now }];
    for (const s of this.sessions.values()) entries.push(sessionEntry(s), cursorEntry(s, s.lastSeen));
    for (const c of this.claims.list(now)) entries.push({ type: 'claim', ...c });
    for (const m of this.messages) entries.push({ type: 'msg', ...m });
    return entries;
  }

  sessionList(): Session[] {
    return [...this.sessions.values()];
  }

  statusOf(session: Session): SessionStatus {
    return {
      sessionId: session.id,
      shortId: shortId(session.id),
      label: session.label,
      pid: lastPid(session),
      cwd: session.cwd,
      connected: session.connections > 0,
      queueDepth: this.pendingCount(session),
      cursor: session.cursor,
      firstSeen: session.firstSeen,
      lastSeen: session.lastSeen,
      ...(session.lastReached ? { lastReached: session.lastReached } : {}),
    };
  }

  /** The session a Claude pid runs now (its markers are this session's), if any. */
  sessionOfPid(pid: number): Session | undefined {
    return this.byPid.get(pid);
  }

  /** A message is for a session unless the session sent it or it is addressed to others. */
  isFor(m: MessageRecord, session: Session): boolean {
    if (session.ids.has(m.origin.sessionId)) return false;
    if (m.to && !m.to.some((id) => session.ids.has(id))) return false;
    return true;
  }

  private firstSightCursor(now: number, backfillMinutes: number): number {
    if (backfillMinutes <= 0) return this.seq;
    const since = now - backfillMinutes * 60_000;
    let lo = 0;
    let hi = this.messages.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.messages[mid]!.ts < since) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? (this.messages[0]?.seq ?? this.seq + 1) - 1 : this.messages[lo - 1]!.seq;
  }

  /**
   * Makes a message use the one copy of its origin, label and kind that earlier messages use:
   * a log of 100,000 messages from a few sessions holds a few copies, not 100,000. Sharing is
   * only a saving, so the pool is simply emptied when it grows large.
   */
  private share(m: MessageRecord): void {
    if (this.origins.size + this.labels.size > 10_000) {
      this.origins.clear();
      this.labels.clear();
    }
    let byPid = this.origins.get(m.origin.sessionId);
    if (!byPid) this.origins.set(m.origin.sessionId, (byPid = new Map()));
    const origin = byPid.get(m.origin.pid);
    if (origin) m.origin = origin;
    else byPid.set(m.origin.pid, m.origin);
    const from = this.labels.get(m.from);
    if (from !== undefined) m.from = from;
    else this.labels.set(m.from, m.from);
    m.kind = MESSAGE_KINDS.find((k) => k === m.kind) ?? m.kind;
  }

  /** Index of the first retained message with seq > `seq` (binary search: drain stays flat). */
  private indexAfter(seq: number): number {
    let lo = 0;
    let hi = this.messages.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.messages[mid]!.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function lastPid(s: Session): number {
  return [...s.pids].pop() ?? 0;
}

function sessionEntry(s: Session): SessionEntry {
  const entry: SessionEntry = { type: 'session', id: s.id, ids: [...s.ids], pids: [...s.pids], label: s.label, firstSeen: s.firstSeen };
  if (s.cwd) entry.cwd = s.cwd;
  return entry;
}

function cursorEntry(s: Session, now: number): CursorEntry {
  return { type: 'cursor', id: s.id, seq: s.cursor, ts: now };
}
