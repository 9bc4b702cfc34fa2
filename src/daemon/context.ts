/**
 * What a handler gets: the broker, a way to make entries durable, the daemon's facts. Handlers
 * return data; the server turns it (or a thrown BusError) into a reply.
 */
import type { z } from 'zod';
import type { ClaimInfo, FederationHost, FederationStatus, MessageRecord, MethodName, Methods, SessionIdentity, SettingReport, WakePolicy } from '../protocol/messages.ts';
import type { LogEntry } from '../place/mailbox-entries.ts';
import type { Broker, Change, Session } from './broker.ts';
import type { Claim } from './claims.ts';

/** The part of a logger handlers use (pino in the daemon, a recorder in tests). */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface DaemonInfo {
  pid: number;
  version: string;
  protocol: number;
  root: string;
  startedAt: number;
  socketPath: string;
  logPath: string;
  mailboxPath: string;
  /** The settings in force and their sources. */
  settings?: SettingReport[];
}

/**
 * Federation (brokers on other hosts through NATS) as the daemon sees it: one port, for handlers
 * and the daemon's core alike. When it is off or refused, a port that shares nothing stands in
 * (federationOff), so no caller asks whether there is one.
 */
export interface FederationPort {
  /** Claims are shared with other hosts: `acquire` asks the shared bucket. */
  readonly sharesClaims: boolean;
  /**
   * Before a local claim is granted: refused if another host holds anything overlapping; granted
   * with a `warning` when the other hosts could not confirm it (local only).
   */
  acquire(claim: Claim): Promise<{ ok: true; warning?: string } | { ok: false; conflict: ClaimInfo }>;
  /** The claim `acquire` answered was decided here (committed or not): its shared entry follows the local claims from now on. */
  settled(resource: string): void;
  /** Claims held on other hosts (each with its `host`). */
  remoteClaims(now: number): ClaimInfo[];
  /** Other hosts present on the bus and their live sessions. */
  remoteHosts(): FederationHost[];
  /** Its state for `status` (also when off or refused). */
  status(): FederationStatus;
  /** Messages recorded here: to be published. */
  onAccepted(records: MessageRecord[]): void;
  /** Local claims changed: to be taken or released in the shared bucket. */
  claimsChanged(): void;
  /** Entries a compacted mailbox must keep (its position survives even while federation is off). */
  snapshotEntries(): LogEntry[];
  /** A graceful stop: bounded (it tells the other hosts this one is leaving). */
  stop(): Promise<void>;
}

export interface DaemonContext {
  broker: Broker;
  /** Federation: the NATS link when SESSION_BUS_NATS_URL is set and it could start, else a port that shares nothing. */
  readonly federation: FederationPort;
  info: DaemonInfo;
  logger: Logger;
  now(): number;
  /**
   * Records a change: its entries and messages are appended to the mailbox (resolved once they
   * would survive a daemon crash), then applied (Broker.apply, the one reducer), then announced:
   * markers set, push subscribers woken, watchers and federation told. A refused append changes
   * nothing.
   */
  commit(change: Change): Promise<void>;
  /**
   * The session a caller speaks for. A session seen for the first time (or with a new id, pid,
   * label or cwd) is recorded first, in the lane, so two first calls of one session record it
   * once. `backfillMinutes` sets where a new session's unread position starts.
   */
  sessionFor(who: SessionIdentity, options?: { backfillMinutes?: number; joinByPid?: boolean }): Promise<Session>;
  /**
   * Runs claim decisions one at a time, each with its commit: nothing is applied before the
   * mailbox has it, so the next decision must wait to read the state the last commit left.
   */
  serially<T>(fn: () => Promise<T>): Promise<T>;
  shutdown(reason: string): void;
  /** A session's pending messages may have changed (peek, ack): refresh its marker. */
  pendingChanged(session: Session): void;
  /** A live connection for this Claude pid opened or closed: its live marker follows. */
  liveChanged(pid: number, on: boolean): void;
}

/** One client connection as handlers see it. */
export interface ClientConnection {
  readonly id: number;
  /** The session a live registration made this connection stand for. */
  session?: Session;
  /** The Claude pid a live registration stands for. */
  livePid?: number;
  /** Which new messages to announce on this connection with a `wake` notification. */
  push?: WakePolicy;
  /**
   * A watcher (`subscribe`): the last seq when it subscribed. Every message accepted after it
   * comes as a `message` notification; those up to it were the history's to give (a message
   * applied just before the subscribe has its notice still due, and would come twice). Not a session.
   */
  watchingAfter?: number;
  /** Sessions whose batch this connection holds (peek): freed when it closes. */
  leased?: Set<Session>;
  /** The client has gone: nothing sent to it arrives. */
  readonly closed: boolean;
}

export interface Handler<M extends MethodName> {
  method: M;
  params: z.ZodType<Methods[M]['params']>;
  handle(ctx: DaemonContext, params: Methods[M]['params'], conn: ClientConnection): Promise<Methods[M]['result']> | Methods[M]['result'];
}

export function defineHandler<M extends MethodName>(h: Handler<M>): Handler<M> {
  return h;
}
