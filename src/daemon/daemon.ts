/**
 * The daemon without its process: the broker, the store it records to, the context handlers
 * get, the connection server, and the timers that sweep claims, apply retention and notice
 * idleness. main.ts gives it a real mailbox, clock, logger and sockets; tests can give it an
 * in-memory store and transport and run it in-process.
 */
import { endSessionClaims, expireClaims } from './claim-decisions.ts';
import { TIMER_MAX_MS, type Retention } from '../place/config.ts';
import type { LogEntry } from '../place/mailbox-entries.ts';
import { BusError, ErrorCode } from '../protocol/errors.ts';
import type { MessageRecord } from '../protocol/messages.ts';
import { Broker, type Session } from './broker.ts';
import type { DaemonContext, DaemonInfo, FederationPort, Logger } from './context.ts';
import { federationOff } from './federation/start.ts';
import { handlers } from './handlers/index.ts';
import { isName, literalPrefix } from './claims.ts';
import { guardMarkerText } from '../place/guard-marker.ts';
import { worktreeOf } from '../place/worktree-path.ts';
import { dirtyFiles } from './worktree-status.ts';
import { createLane } from './lane.ts';
import type { MailboxLog } from './mailbox-log.ts';
import type { HandlerTable } from './dispatch.ts';
import { ConnectionServer, type ServerOptions } from './server.ts';

/** Compact once the log holds this many more lines than a fresh snapshot would (and at least this many). */
export const COMPACT_MIN_LINES = 5000;
/** Claim TTLs are checked this often: an expired claim is announced within a second. */
const CLAIM_SWEEP_MS = 1000;
/** Retention is applied this often even when nothing is written. */
const RETENTION_CHECK_MS = 60 * 60_000;

/** Where a session's markers go (files beside the socket in the daemon; nothing in tests). */
export interface MarkerSink {
  pending(session: Session, on: boolean): void;
  live(pid: number, on: boolean): void;
  /** Guard markers of the live pids: there, with this content, where `contentFor` gives one. */
  guards(contentFor: (session: Session) => string | undefined): void;
}

export interface DaemonDeps {
  store: MailboxLog;
  clock: () => number;
  logger: Logger;
  info: DaemonInfo;
  config: { retention: Retention; graceMs: number; idleMs: number };
  markers?: MarkerSink;
  /** The wire's methods (tests swap one for a broken one); the real handlers by default. */
  handlers?: HandlerTable;
  server?: ServerOptions;
  /** The number of open connections changed (tests wait on it). */
  onConnectionsChanged?: (count: number) => void;
  /** Asked to stop (the `shutdown` method, idleness, a lost mailbox lock); main exits the process. */
  onStop: (reason: string, code: number) => void;
}

export interface Daemon {
  broker: Broker;
  ctx: DaemonContext;
  server: ConnectionServer;
  /** Replays the store into the broker (before the first connection is served). */
  replay(): { warnings: { line: number; reason: string }[]; lines: number };
  /** Federation, once started after the replay (a port that shares nothing until then). */
  setFederation(port: FederationPort): void;
  /** Rewrites the log as a snapshot of the state (and applies retention first). */
  compact(): void;
  /** After the replay: holders of claims get the grace period (plus `extraMs`) to come back; timers start. */
  start(extraGraceMs: number): void;
  /** Messages accepted since the last resetAccepted (a quiet daemon runs a GC after many). */
  accepted(): number;
  resetAccepted(): void;
  lastActivity(): number;
  /** Appends in flight: the daemon is not idle while one is. */
  pendingWrites(): number;
}

export function createDaemon(deps: DaemonDeps): Daemon {
  const { store, clock, logger, info, config } = deps;
  const markers: MarkerSink = deps.markers ?? { pending: () => undefined, live: () => undefined, guards: () => undefined };
  const broker = new Broker(config.retention);
  let federation: FederationPort = federationOff();
  let linesSinceCompact = 0;
  let pendingWrites = 0;
  let accepted = 0;
  let lastActivity = clock();

  const ctx: DaemonContext = {
    broker,
    logger,
    info,
    now: clock,
    get federation() {
      return federation;
    },
    async commit(change) {
      const entries = change.records.length === 0 ? change.entries : [...change.entries, ...change.records.map((r): LogEntry => ({ type: 'msg', ...r }))];
      if (entries.length === 0) return;
      pendingWrites += 1;
      try {
        await store.append(entries);
      } catch (err) {
        // Disk full, a read-only folder: the caller's change did not happen, and says so clearly.
        const e = err as NodeJS.ErrnoException;
        throw new BusError(ErrorCode.LogWriteFailed, { cause: e.code ?? e.message, path: info.mailboxPath });
      } finally {
        pendingWrites -= 1;
      }
      // A message entry's record is the stamped record itself: given to the same setter
      // (addMessage) the reducer gives a replayed one, without two more copies per message.
      broker.apply(change.entries);
      for (const r of change.records) broker.addMessage(r);
      linesSinceCompact += entries.length;
      if (linesSinceCompact > Math.max(COMPACT_MIN_LINES, broker.messageCount)) {
        linesSinceCompact = 0;
        setImmediate(compact);
      }
      if (change.entries.some((e) => e.type === 'claim' || e.type === 'release')) federation.claimsChanged();
      if (change.entries.some((e) => e.type === 'claim' || e.type === 'release' || e.type === 'touch' || e.type === 'settle')) refreshGuards();
      announce(change.records);
    },
    async sessionFor(who, options = {}) {
      const decide = () => broker.resolve(who, clock(), options.backfillMinutes, options.joinByPid);
      let { session, entries } = decide();
      if (entries.length > 0) {
        // Decided again in the lane, against what the last recorded change left.
        session = await ctx.serially(async () => {
          const again = decide();
          await ctx.commit({ entries: again.entries, records: [] });
          return broker.session(again.session.id)!;
        });
      }
      broker.touch(session, who.pid, clock());
      return session;
    },
    pendingChanged(session) {
      markers.pending(session, broker.pendingCount(session) > 0);
    },
    liveChanged(pid, on) {
      markers.live(pid, on);
      refreshGuards();
    },
    serially: createLane(),
    shutdown: (reason) => deps.onStop(reason, 0),
  };

  const server = new ConnectionServer(ctx, deps.handlers ?? handlers, {
    onActivity: () => {
      lastActivity = clock();
    },
    onConnectionsChanged: (count) => {
      lastActivity = clock();
      deps.onConnectionsChanged?.(count);
    },
    onSessionDisconnected: (session) => {
      if (session.connections === 0) checkGone(session.id, config.graceMs);
    },
  }, deps.server);

  /** Messages whose wakes and watcher notices go out at the end of this turn (see announce). */
  const noticesDue: MessageRecord[] = [];

  /**
   * Messages recorded and applied: federation told, markers set, subscribers woken. The wakes and
   * watcher notices go out after the current turn, so the sender's reply is not queued behind
   * one notice per session (a tick later for them; in order, as setImmediate keeps order).
   */
  function announce(records: MessageRecord[]): void {
    if (records.length === 0) return;
    accepted += records.length;
    federation.onAccepted(records);
    for (const s of broker.sessionList()) {
      if (records.some((r) => broker.isFor(r, s))) markers.pending(s, true);
    }
    if (noticesDue.length === 0) {
      setImmediate(() => {
        const due = noticesDue.splice(0);
        server.notifyWake(due);
        server.notifyWatchers(due);
      });
    }
    noticesDue.push(...records);
  }

  /**
   * A session's edits need the guard's look (and are recorded into its working set) while
   * another session is live here, or holds a path claim; alone, its hooks stay in the shell.
   * Its guard marker then lists what the others hold (place/guard-marker.ts): written here, in
   * the turn of the change, before its answer leaves.
   */
  function refreshGuards(): void {
    const paths = broker.claims.list(clock()).filter((c) => !isName(c.resource));
    const live = broker.peers();
    // Other hosts' claims change between our writes: every edit is asked about.
    const ask = federation.status().state !== 'off';
    markers.guards((s) => {
      if (!live.some((o) => o !== s) && !paths.some((c) => c.holder !== s.id)) return undefined;
      const claims = paths.filter((c) => c.holder !== s.id).map((c) => literalPrefix(c.resource));
      const editing = live.filter((o) => o !== s).flatMap((o) => [...(broker.workingSets.get(o.id)?.values() ?? [])].flatMap((files) => [...files.keys()]));
      return guardMarkerText({ ask, claims, editing });
    });
    if (live.length >= 2) for (const s of live) attributeLoneWork(s);
  }

  /** Sessions whose files changed while they were alone have been given them (once each). */
  const attributed = new Set<string>();
  /**
   * One look at a time, earliest-connected session first: each look sees what the one before
   * recorded, so files made before a newcomer came go to the session that was here, never to
   * the newcomer (whose working set would take them away when it left). Apart from the
   * commit lane: a slow git must not hold up registrations.
   */
  const lookInTurn = createLane();

  /**
   * A session that worked alone recorded nothing (its hooks stayed in the shell). Once it has
   * company, what its worktree holds uncommitted is taken as its working set, so a session that
   * joins later is protected from edits made before it came; files already in another session's
   * working set stay there.
   */
  function attributeLoneWork(s: Session): void {
    if (attributed.has(s.id) || !s.cwd) return;
    attributed.add(s.id);
    const tree = worktreeOf(s.cwd);
    lookInTurn(async () => {
      const dirty = await dirtyFiles(tree);
      const taken = new Set<string>();
      for (const trees of broker.workingSets.values()) for (const [t, files] of trees) if (t === tree) for (const p of files.keys()) taken.add(p);
      const paths = [...(dirty ?? [])].filter((p) => !taken.has(p));
      if (paths.length === 0) return;
      await ctx.commit({ entries: [{ type: 'touch', id: s.id, tree, paths, ts: clock() }], records: [] });
    }).catch((err: Error) => logger.warn({ err: err.message, session: s.id }, 'could not record what a session changed while alone'));
  }

  /**
   * A live session without a connection past the grace period has left: end its claims. The grace
   * (after a restart, the setting plus an extra) is held to Node's timer limit: past it, 1 ms.
   */
  function checkGone(sessionId: string, graceMs: number): void {
    setTimeout(() => {
      const session = broker.sessionById(sessionId);
      if (!session || session.connections > 0 || (broker.claims.heldBy(session.id).length === 0 && !broker.workingSets.has(session.id))) return;
      ctx.serially(() => ctx.commit(endSessionClaims(broker, session, clock(), 'its session is gone'))).catch((err: Error) => {
        logger.warn({ err: err.message, session: session.id }, 'could not record the end of a gone session; trying again after the grace period');
        checkGone(sessionId, graceMs);
      });
      logger.info({ session: session.id, label: session.label }, 'session gone past the grace period; its claims ended');
    }, Math.min(graceMs, TIMER_MAX_MS)).unref();
  }

  function compact(): void {
    const dropped = broker.applyRetention(clock());
    store.compact([...broker.snapshot(clock()), ...federation.snapshotEntries()]).then(
      () => logger.info({ dropped, kept: broker.messageCount, lastSeq: broker.lastSeq }, 'mailbox compacted'),
      (err: Error) => logger.warn({ err: err.message }, 'compaction failed; the log keeps growing until it succeeds'),
    );
  }

  function start(extraGraceMs: number): void {
    for (const s of broker.sessionList()) ctx.pendingChanged(s);
    // Claims outlive a restart; their holders have until the grace period to reconnect.
    for (const s of broker.sessionList()) {
      if (broker.claims.heldBy(s.id).length > 0 || broker.workingSets.has(s.id)) checkGone(s.id, config.graceMs + extraGraceMs);
    }
    setInterval(() => {
      // Kept until the end is recorded: a sweep whose commit fails leaves them for the next one.
      ctx.serially(async () => {
        const change = expireClaims(broker, clock());
        if (change.records.length > 0) await ctx.commit(change);
      }).catch((err: Error) => {
        logger.warn({ err: err.message }, 'could not record expired claims');
      });
    }, CLAIM_SWEEP_MS).unref();
    const idleCheckMs = Math.max(20, Math.min(config.idleMs / 4, 60_000));
    setInterval(() => {
      if (server.nonWatcherCount === 0 && pendingWrites === 0 && clock() - lastActivity >= config.idleMs) deps.onStop('idle', 0);
    }, idleCheckMs).unref();
    setInterval(() => {
      if (broker.applyRetention(clock()) > 0) compact();
    }, RETENTION_CHECK_MS).unref();
  }

  return {
    broker,
    ctx,
    server,
    replay: () => store.replayInto(broker),
    setFederation: (port) => {
      federation = port;
      // The guard markers say whether edits must always be asked about (other hosts' claims).
      refreshGuards();
    },
    compact,
    start,
    accepted: () => accepted,
    resetAccepted: () => {
      accepted = 0;
    },
    lastActivity: () => lastActivity,
    pendingWrites: () => pendingWrites,
  };
}
