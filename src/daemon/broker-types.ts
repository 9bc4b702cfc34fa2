/**
 * The broker's vocabulary: a session as the daemon holds it, the outcomes its decisions return
 * (the entries to record, the announcements to make), and the entries a session writes.
 */
import { shortId, type DeliveryPath, type MessageRecord, type SessionStatus } from '../protocol/messages.ts';
import type { Claim } from './claims.ts';
import type { CursorEntry, LogEntry, SessionEntry } from '../place/mailbox-entries.ts';

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

/** Claims a change ends once its entries are applied (Broker.apply). */
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
}

export function lastPid(s: Session): number {
  return [...s.pids].pop() ?? 0;
}

export function sessionEntry(s: Session): SessionEntry {
  const entry: SessionEntry = { type: 'session', id: s.id, ids: [...s.ids], pids: [...s.pids], label: s.label, firstSeen: s.firstSeen };
  if (s.cwd) entry.cwd = s.cwd;
  return entry;
}

export function cursorEntry(s: Session, now: number): CursorEntry {
  return { type: 'cursor', id: s.id, seq: s.cursor, ts: now };
}

/** A session as `status` reports it. */
export function sessionStatus(session: Session, queueDepth: number): SessionStatus {
  return {
    sessionId: session.id,
    shortId: shortId(session.id),
    label: session.label,
    pid: lastPid(session),
    cwd: session.cwd,
    connected: session.connections > 0,
    queueDepth,
    cursor: session.cursor,
    firstSeen: session.firstSeen,
    lastSeen: session.lastSeen,
    ...(session.lastReached ? { lastReached: session.lastReached } : {}),
  };
}
