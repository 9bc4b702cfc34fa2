/**
 * The records and method shapes shared by every side. Plain types, no zod: the hook bundle
 * imports this file and must stay small. The daemon validates with the zod schemas in daemon/param-schemas.ts.
 */
import type { StatusResult, WorkingSetSummary } from './status.ts';

export * from './status.ts';

export const MESSAGE_KINDS = ['note', 'lock', 'unlock', 'handoff'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Who sent a message: the Claude Code session id and the Claude Code process id. */
export interface Origin {
  sessionId: string;
  pid: number;
}

/** One message as stored in the mailbox and delivered to peers. */
export interface MessageRecord {
  seq: number;
  /** Milliseconds since the epoch, when the daemon accepted it. */
  ts: number;
  origin: Origin;
  /** The sender's label, e.g. `main#3f2a1c` or `human:alice`. */
  from: string;
  kind: MessageKind;
  text: string;
  /** Session ids of the recipients of a direct message; absent for a broadcast. */
  to?: string[];
  /** Federation: the name of the host the message came from; absent for a message sent on this host. */
  host?: string;
  /** Federation: `<hostId>:<seq on that host>`, the message's id on the bus; absent for a local message. */
  remoteId?: string;
}

/** Who a client speaks for. `pid` is the Claude Code process (the host), not the client's own. */
export interface SessionIdentity {
  sessionId: string;
  pid: number;
  label: string;
  /** The directory the session works in (a worktree of the project). */
  cwd?: string;
}

export interface HelloParams {
  protocol: number;
  version: string;
  root: string;
}

export interface HelloResult {
  protocol: number;
  version: string;
  pid: number;
  root: string;
  startedAt: number;
}

export interface BroadcastParams extends SessionIdentity {
  text: string;
  kind?: MessageKind;
  /** A direct message: labels, short ids or session ids of live peers. */
  to?: string | string[];
}

export interface BroadcastResult {
  seq: number;
  from: string;
}

/** How a session was reached: pushed into its inbox, between tool calls, at a prompt, at its start. */
export const DELIVERY_PATHS = ['push', 'tool', 'prompt', 'start'] as const;
export type DeliveryPath = (typeof DELIVERY_PATHS)[number];

/** Which new messages wake a session through its host inbox (SESSION_BUS_WAKE). */
export const WAKE_POLICIES = ['direct', 'all', 'none'] as const;
export type WakePolicy = (typeof WAKE_POLICIES)[number];

export interface PeekParams extends SessionIdentity {
  /** Deliver at most this many characters of text (the hook's context budget). */
  maxChars?: number;
  /** On first sight, also deliver this many minutes of backlog. */
  backfillMinutes?: number;
  /**
   * Hold this batch for the caller for this long (ms), or until its connection closes: no other
   * receiver of the session is handed anything meanwhile. Default 10 s.
   */
  leaseMs?: number;
}

export interface PeekResult {
  messages: MessageRecord[];
  /** The session's position, and where acknowledging this batch moves it (`ack` with `upTo`). */
  cursor: number;
  upTo: number;
  /** Messages still pending after these (over the budget, or held by another receiver). */
  remaining: number;
  /** Another receiver of this session (its push, a hook) holds a batch now: nothing handed out. */
  busy?: boolean;
}

/** The receiver showed everything up to `upTo`: the position moves there. Idempotent by seq. */
export interface AckParams extends SessionIdentity {
  upTo: number;
  /** Which path delivered: recorded for status. */
  via?: DeliveryPath;
}

export interface AckResult {
  cursor: number;
}

/** peek + ack in one call, for readers that show nothing (tests, tools): the position moves before the reply. */
export interface DrainParams extends Omit<PeekParams, 'leaseMs'> {
  via?: DeliveryPath;
}

export interface DrainResult {
  messages: MessageRecord[];
  cursorBefore: number;
  cursor: number;
  remaining: number;
}

export interface InboxParams extends SessionIdentity {
  limit?: number;
}

export interface InboxResult {
  messages: MessageRecord[];
}

export interface RegisterParams extends SessionIdentity {
  /** A live registration: the connection stands for the session's presence until it closes. */
  live?: boolean;
  /** Send `wake` notifications on this connection for new messages that match the policy. */
  push?: WakePolicy;
}

export interface ClaimInfo {
  resource: string;
  /** The holder's session id (its key in the broker). */
  holder: string;
  label: string;
  since: number;
  /** Absolute expiry, ms since the epoch; absent: until released or the holder is gone. */
  expiresAt?: number;
  note?: string;
  /** Federation: the host of a claim held on another host; absent for a claim held here. */
  host?: string;
}

export interface ClaimParams extends SessionIdentity {
  resource: string;
  ttlSeconds?: number;
  note?: string;
}

export interface ReleaseParams extends SessionIdentity {
  resource: string;
}

/**
 * The collision guard asks before a tool edits files: which of these paths another session's
 * claim covers. `tool` names the edit for the record; with `record`, each holder is told who
 * wanted to edit what (a direct message, so it is also in the mailbox, `tail` and `log`).
 */
export interface CheckEditParams extends SessionIdentity {
  paths: string[];
  tool: string;
  record?: boolean;
}

export interface EditConflict {
  /** The file, relative to its worktree. */
  path: string;
  claim: ClaimInfo;
}

/** Another live session in the same worktree changed this file and has not committed it. */
export interface EditOverlap {
  path: string;
  label: string;
  editedAt: number;
}

export interface CheckEditResult {
  conflicts: EditConflict[];
  editing: EditOverlap[];
  /** The same path is changing in another worktree (another branch): no collision on disk. */
  elsewhere: EditOverlap[];
}

/** The other live sessions' working sets in the worktree holding `dir` (the git command guard). */
export interface WorkingSetsResult {
  /** The worktree's root (absolute, real); null outside the repository. */
  tree: string | null;
  /** Each other live session there with uncommitted files (checked with git just now). */
  others: { label: string; paths: string[]; editedAt: number }[];
  /** The asking session's own files there. */
  mine: string[];
}

/** An edit tool changed these files (PostToolUse): they join the session's working set. */
export interface RecordEditParams extends SessionIdentity {
  paths: string[];
  tool: string;
}

export interface PeerInfo {
  sessionId: string;
  shortId: string;
  label: string;
  cwd?: string;
  /** Connected since. */
  since: number;
  lastActivity: number;
  /** True for the session that asked. */
  you?: boolean;
  /** Federation: the host of a session on another host; absent for a session here. */
  host?: string;
  /** Its working set (files changed and not committed), when it has one. */
  editing?: WorkingSetSummary;
}

export interface BriefResult {
  peers: PeerInfo[];
  claims: ClaimInfo[];
  unread: number;
}

/**
 * A read of the retained messages (the feed, `session-bus log`). Read-only: it registers no
 * session and moves no position. Filters are applied by `selectHistory` (history.ts).
 */
export interface HistoryParams {
  /** Only messages accepted at or after this time (ms since the epoch). */
  sinceTs?: number;
  /** Only messages from these senders: a label, its branch part, its short id, or a session id. */
  from?: string[];
  kinds?: MessageKind[];
  /** Only messages whose text contains this, case-insensitive (a plain substring, no regex). */
  grep?: string;
  /** Only messages with a seq below this (paging backwards) ... */
  beforeSeq?: number;
  /** ... or above this (catching up after a reconnect). */
  afterSeq?: number;
  /** At most this many: the newest matches. */
  limit?: number;
}

export interface HistoryResult {
  /** Oldest first. */
  messages: MessageRecord[];
  /** Older matches exist that were left out (by `limit` or the reply's size cap): page with `beforeSeq`. */
  more: boolean;
  /**
   * The last seq whose message the mailbox has (to notice a reset mailbox, and to catch up from):
   * a seq stamped on a message still being written is above it, and a watcher is told of that
   * message once it is written.
   */
  lastSeq: number;
}

/** A watcher (`session-bus tail -f`): not a session. Gets the history asked for, then every accepted message. */
export type SubscribeParams = Pick<HistoryParams, 'afterSeq' | 'limit'>;

/** The notification a watcher receives for every accepted message: `{"method":"message","params":<MessageRecord>}`. */
export const MESSAGE_NOTIFICATION = 'message';

/** Method names and their parameter/result types: the single list of the wire's methods. */
export interface Methods {
  hello: { params: HelloParams; result: HelloResult };
  register: { params: RegisterParams; result: { cursor: number } };
  broadcast: { params: BroadcastParams; result: BroadcastResult };
  peek: { params: PeekParams; result: PeekResult };
  ack: { params: AckParams; result: AckResult };
  drain: { params: DrainParams; result: DrainResult };
  inbox: { params: InboxParams; result: InboxResult };
  status: { params: Record<string, never>; result: StatusResult };
  /** `warning`: granted on this host only (the other hosts could not confirm it): see claim-sync.ts. */
  claim: { params: ClaimParams; result: { claim: ClaimInfo; warning?: string } };
  release: { params: ReleaseParams; result: { released: ClaimInfo } };
  claims: { params: Record<string, never>; result: { claims: ClaimInfo[] } };
  checkEdit: { params: CheckEditParams; result: CheckEditResult };
  recordEdit: { params: RecordEditParams; result: { recorded: number } };
  workingSets: { params: SessionIdentity & { dir?: string }; result: WorkingSetsResult };
  peers: { params: { sessionId?: string }; result: { peers: PeerInfo[] } };
  end: { params: SessionIdentity & { reason?: string }; result: { released: string[] } };
  brief: { params: SessionIdentity & { backfillMinutes?: number }; result: BriefResult };
  shutdown: { params: { reason?: string }; result: { ok: true } };
  history: { params: HistoryParams; result: HistoryResult };
  subscribe: { params: SubscribeParams; result: HistoryResult };
}
export type MethodName = keyof Methods;

export function shortId(sessionId: string): string {
  if (sessionId.startsWith('human:')) return sessionId;
  return sessionId.replace(/-/g, '').slice(0, 6);
}
