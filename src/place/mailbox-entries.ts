/**
 * What the mailbox holds, line by line. The log is the truth; the broker's queues and cursors
 * are derived from it on replay.
 */
import type { ClaimInfo, MessageRecord } from '../protocol/messages.ts';

/** A claim as the mailbox records it (the host is added only when shown across federation). */
export type Claim = Omit<ClaimInfo, 'host'>;

export type MessageEntry = { type: 'msg' } & MessageRecord;

/** A session as first seen, re-written whenever its ids, pids or label change (last one wins). */
export interface SessionEntry {
  type: 'session';
  id: string;
  ids: string[];
  pids: number[];
  label: string;
  cwd?: string;
  firstSeen: number;
}

/** A session's delivered position: every seq ≤ `seq` has been given to it or skipped. */
export interface CursorEntry {
  type: 'cursor';
  id: string;
  seq: number;
  ts: number;
}

/** First line of a compacted log: keeps seq monotonic when every message has been dropped. */
export interface MetaEntry {
  type: 'meta';
  lastSeq: number;
  compactedAt: number;
}

/** A claim taken or refreshed (last one for a resource wins until a release). */
export type ClaimEntry = { type: 'claim' } & Claim;

/** A claim ended: released, expired, or its holder gone. */
export interface ReleaseEntry {
  type: 'release';
  resource: string;
  holder: string;
  ts: number;
}

/**
 * Federation's durable position: every local message with seq ≤ `published` is confirmed by
 * JetStream (the outbox starts after it); `received` is, per other host, the seq up to which
 * everything was taken in (written at compaction, when the messages themselves may be dropped;
 * above it the `remoteId` of each retained message says what was taken in).
 */
export interface FederationEntry {
  type: 'fed';
  published: number;
  received?: Record<string, number>;
}

/**
 * Files a session changed and has not committed: paths relative to the worktree `tree` (its
 * absolute root), as Edit, Write, MultiEdit and NotebookEdit named them. Part of its working set.
 */
export interface TouchEntry {
  type: 'touch';
  id: string;
  tree: string;
  paths: string[];
  ts: number;
}

/** Files that left a session's working set: committed or discarded; all of them (no `paths`) when the session ended. */
export interface SettleEntry {
  type: 'settle';
  id: string;
  tree?: string;
  paths?: string[];
  ts: number;
}

export type LogEntry = MessageEntry | SessionEntry | CursorEntry | MetaEntry | ClaimEntry | ReleaseEntry | FederationEntry | TouchEntry | SettleEntry;

/** What a replay of the mailbox gives back: the broker restores from it. */
export interface RestoredState {
  lastSeq: number;
  messages: MessageRecord[];
  sessions: SessionEntry[];
  cursors: Map<string, CursorEntry>;
  claims: Map<string, Claim>;
  /** Working sets: session key → worktree → path → when it was last changed. */
  workingSets: Map<string, Map<string, Map<string, number>>>;
  /** Federation's position, when the log holds one (see FederationEntry). */
  federation?: FederationPosition;
}

export interface FederationPosition {
  /** Local seqs up to here are confirmed published; absent when the log never federated. */
  published?: number;
  /**
   * Per other host id, a floor: its seqs up to here were taken in (and may have left the log by
   * retention). Above it, the `remoteId`s of the retained messages say what was taken in.
   */
  received: Map<string, number>;
}
