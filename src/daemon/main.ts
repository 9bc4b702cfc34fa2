/**
 * The daemon process: one per project. Binds the project's socket (single instance), replays
 * the mailbox, serves clients, compacts the log, and exits when idle or asked to.
 *
 * Usage (spawned by connectOrSpawn): node daemon.mjs --project <dir> [--replace-older-than <version>]
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import { parseArgs } from 'node:util';
import { endpointFor } from '../place/endpoint.ts';
import { ensurePrivateDir } from '../place/private-dir.ts';
import { legacyMailboxes, locateProject } from '../place/project.ts';
import { BusError, ErrorCode } from '../protocol/errors.ts';
import { PROTOCOL_VERSION, VERSION } from '../protocol/version.ts';
import { Broker, type Session } from './broker.ts';
import { readConfig } from '../place/config.ts';
import { readSettingsFile, resolveSettings, settingsPath } from '../place/settings.ts';
import type { DaemonContext } from './context.ts';
import { handlers } from './handlers/index.ts';
import type { LogEntry } from '../place/mailbox-entries.ts';
import { createLane } from './lane.ts';
import { JsonlMailboxLog } from './mailbox-log.ts';
import { SessionMarkers } from './session-markers.ts';
import { ConnectionServer } from './server.ts';
import { collectWhenQuiet, LOCK_WAIT_MS, logReplayWarnings, openDaemonLog, prepareSelfIgnoring, removeLeftovers, replaceOlder, REPLACE_TIMEOUT_MS, rotateIfOver, signalToRebind, takeOverOldMailboxes } from './start-steps.ts';
import { SocketKeeper } from './socket-keeper.ts';
import { LockLost, MailboxLock } from './mailbox-lock.ts';
import { startFederation, type FederationRuntime } from './federation/start.ts';

const LOG_CHECK_MS = 10 * 60_000;
/** Compact once the log holds this many more lines than a fresh snapshot would (and at least this many). */
const COMPACT_MIN_LINES = 5000;
/** Retention is applied this often even when nothing is written. */
const RETENTION_CHECK_MS = 60 * 60_000;
/** Claim TTLs are checked this often: an expired claim is announced within a second. */
const CLAIM_SWEEP_MS = 1000;
/** Markers of Claude processes that ended are removed this often (a session's end is not always told). */
const MARKER_SWEEP_MS = 5 * 60_000;
/** After this many messages, a quiet daemon runs a full GC (see below). */
const IDLE_GC_AFTER_MESSAGES = 1000;
const IDLE_GC_QUIET_MS = 2000;
/** After a restart every session reconnects; give them this much more than the usual grace. */
const RESTART_GRACE_EXTRA_MS = 5000;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { project: { type: 'string' }, 'replace-older-than': { type: 'string' } }, strict: true });
  if (!values.project) throw new Error('usage: daemon --project <dir>');
  const location = locateProject(values.project);
  const root = location.busRoot;
  const mailboxPath = location.mailboxPath;
  // The bus's settings file, whoever started this daemon: an environment variable still wins.
  const settings = resolveSettings(process.env, readSettingsFile(settingsPath(location.mailboxDir)));
  Object.assign(process.env, settings.env);
  const config = readConfig(process.env);
  const endpoint = endpointFor(root);
  ensurePrivateDir(endpoint.dir);
  const { logger, dest } = openDaemonLog(endpoint.logPath);

  const startedAt = Date.now();
  const broker = new Broker(config.retention);
  /** Nothing is appended unless this daemon owns the mailbox, at that moment. */
  const lock = new MailboxLock(mailboxPath, endpoint.socketPath);
  const log = new JsonlMailboxLog(mailboxPath, config.fsync, fs, () => {
    try {
      lock.assertWritable();
    } catch (err) {
      if (err instanceof LockLost) void stop('another daemon owns the mailbox now', 1);
      throw err;
    }
  });
  let linesSinceCompact = 0;
  let shuttingDown = false;
  let lastActivity = Date.now();
  let pendingWrites = 0;
  let acceptedSinceGc = 0;

  /** Set once the mailbox is replayed (federation needs the log's position); see startFederation. */
  let federation: FederationRuntime | undefined;
  const markers = new SessionMarkers(endpoint.dir, (pid) => broker.sessionOfPid(pid), (err) => logger.warn({ err: err.message }, 'session marker not written'));
  let server: ConnectionServer;
  const ctx: DaemonContext = {
    broker,
    logger,
    now: () => Date.now(),
    info: {
      pid: process.pid,
      version: VERSION,
      protocol: PROTOCOL_VERSION,
      root,
      startedAt,
      socketPath: endpoint.socketPath,
      logPath: endpoint.logPath,
      mailboxPath: mailboxPath,
      settings: settings.report,
    },
    async persist(entries: LogEntry[]) {
      if (entries.length === 0) return;
      pendingWrites += 1;
      try {
        await log.append(entries);
      } catch (err) {
        // Disk full, a read-only folder: the caller's change did not happen, and says so clearly.
        const e = err as NodeJS.ErrnoException;
        throw new BusError(ErrorCode.LogWriteFailed, { cause: e.code ?? e.message, path: mailboxPath });
      } finally {
        pendingWrites -= 1;
      }
      linesSinceCompact += entries.length;
      if (linesSinceCompact > Math.max(COMPACT_MIN_LINES, broker.messageCount)) {
        linesSinceCompact = 0;
        setImmediate(compact);
      }
    },
    federationStatus: () => federation?.status() ?? { state: 'off', outbox: 0, inboundPending: 0, received: 0, claimsLocalOnly: false, warnings: [], hosts: [] },
    async commit(change) {
      await ctx.persist([...change.entries, ...change.records.map((r) => ({ type: 'msg' as const, ...r }))]);
      broker.apply(change.entries);
      if (change.entries.some((e) => e.type === 'claim' || e.type === 'release')) federation?.claimsChanged();
      ctx.accept(change.records);
    },
    accept(records) {
      if (records.length === 0) return;
      acceptedSinceGc += records.length;
      for (const r of records) broker.accept(r);
      federation?.onAccepted(records);
      for (const s of broker.sessionList()) {
        if (records.some((r) => broker.isFor(r, s))) markers.pending(s, true);
      }
      server.notifyWake(records);
      server.notifyWatchers(records);
    },
    pendingChanged(session) {
      markers.pending(session, broker.pendingCount(session) > 0);
    },
    liveChanged(pid, on) {
      markers.live(pid, on);
    },
    serially: createLane(),
    shutdown: (reason) => void stop(reason, 0),
  };

  /** A live session without a connection past the grace period has left: end its claims. */
  function checkGone(sessionId: string, graceMs: number): void {
    setTimeout(() => {
      const session = broker.sessionById(sessionId);
      if (!session || session.connections > 0 || broker.claims.heldBy(session.id).length === 0) return;
      ctx.serially(() => ctx.commit(broker.endSession(session, Date.now(), 'its session is gone'))).catch((err: Error) => {
        logger.warn({ err: err.message, session: session.id }, 'could not record the end of a gone session; trying again after the grace period');
        checkGone(sessionId, graceMs);
      });
      logger.info({ session: session.id, label: session.label }, 'session gone past the grace period; its claims ended');
    }, graceMs).unref();
  }
  server = new ConnectionServer(ctx, handlers, {
    onActivity: () => {
      lastActivity = Date.now();
    },
    onConnectionsChanged: () => {
      lastActivity = Date.now();
    },
    onSessionDisconnected: (session) => {
      if (session.connections === 0) checkGone(session.id, config.graceMs);
    },
  });

  function compact(): void {
    const dropped = broker.applyRetention(Date.now());
    log.compact([...broker.snapshot(Date.now()), ...(federation?.snapshotEntries() ?? [])]).then(
      () => logger.info({ dropped, kept: broker.messageCount, lastSeq: broker.lastSeq }, 'mailbox compacted'),
      (err: Error) => logger.warn({ err: err.message }, 'compaction failed; the log keeps growing until it succeeds'),
    );
  }

  async function stop(reason: string, code: number): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ reason }, 'daemon stopping');
    // Unlink first: once the server is closed, another daemon may take the path over. Only our
    // own socket file, though: a daemon replacing this one may have bound a new one there already.
    keeper.removeOwnSocket();
    // No server.close(): libuv would unlink the socket path on close, whoever's socket it is
    // by then. Nothing is accepted before the exit below, and the exit closes the listener.
    server.closeAll();
    markers.removeLive();
    federation?.stop();
    log.close();
    lock.release();
    dest.flushSync();
    process.exit(code);
  }

  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGHUP', () => void stop('SIGHUP', 0));
  process.on('uncaughtException', (err) => {
    logger.fatal({ err: err.stack ?? String(err) }, 'uncaught exception');
    void stop('crash', 1);
  });

  /** Connections made before the mailbox is owned and replayed wait here, unread. */
  let held: net.Socket[] | undefined = [];
  const keeper = new SocketKeeper(
    endpoint,
    () =>
      net.createServer((socket) => {
        if (shuttingDown) socket.destroy();
        else if (held) held.push(socket);
        else server.attach(socket);
      }),
    logger,
  );
  const replaceOlderThan = values['replace-older-than'];
  const outcome = await keeper.bind(replaceOlderThan ? (socketPath) => replaceOlder(socketPath, root, replaceOlderThan, logger) : undefined);
  if (outcome === 'already-running') {
    logger.info({ socket: endpoint.socketPath }, 'another daemon already serves this project; exiting');
    dest.flushSync();
    process.exit(0);
  }
  // One mailbox, one writer. A daemon being replaced lets go as it exits; one that lost its
  // socket path (a deleted socket dir, another SESSION_BUS_SOCKET_DIR) still owns the mailbox,
  // and this daemon hands the path back to it and goes.
  const locked = await lock.acquire(replaceOlderThan ? REPLACE_TIMEOUT_MS : LOCK_WAIT_MS);
  if (locked !== 'held' && 'unwritable' in locked) {
    // A read-only folder: reads are served; the first append that can make the lock takes it.
    logger.warn({ err: locked.unwritable, mailbox: mailboxPath }, 'cannot make the mailbox lock; serving reads, writes are refused until it can be made');
  } else if (locked !== 'held') {
    const owner = locked.heldBy;
    logger.warn({ owner, mailbox: mailboxPath }, 'another daemon owns this mailbox; handing the socket path back to it and exiting');
    keeper.removeOwnSocket();
    if (owner) signalToRebind(owner, endpoint.socketPath);
    dest.flushSync();
    process.exit(0);
  }
  lock.keepAlive(() => void stop('another daemon owns the mailbox now', 1));
  if (lock.isHeld()) removeLeftovers(mailboxPath, logger);
  keeper.onRebound = () => {
    rotateIfOver(endpoint.logPath, dest);
    markers.rewriteAll(broker.sessionList(), (s: Session) => broker.pendingCount(s) > 0);
  };
  keeper.watch((socketPath) => replaceOlder(socketPath, root, VERSION, logger));

  // Replay before the first connection is read: clients that connected meanwhile wait in the backlog.
  const replayStart = Date.now();
  if (!location.inGit) prepareSelfIgnoring(location.mailboxDir, logger);
  takeOverOldMailboxes(mailboxPath, legacyMailboxes(location), logger);
  const replayed = log.replay();
  for (const socket of held) if (!socket.destroyed) server.attach(socket);
  held = undefined;
  logReplayWarnings(replayed.warnings, mailboxPath, logger);
  broker.restore(replayed.state);
  // Before retention can drop a message: the outbox is found among the retained messages.
  federation = await startFederation(ctx, location, replayed.state.federation);
  const dropped = broker.applyRetention(Date.now());
  const snapshotLines = broker.sessionList().length * 2 + broker.messageCount + 1;
  if (dropped > 0 || replayed.warnings.length > 0 || replayed.lines > snapshotLines + COMPACT_MIN_LINES) compact();
  logger.info(
    { root, socket: endpoint.socketPath, mailbox: mailboxPath, version: VERSION, lastSeq: broker.lastSeq, messages: broker.messageCount, replayMs: Date.now() - replayStart },
    'daemon started',
  );

  const swept = markers.sweep();
  if (swept > 0) logger.info({ removed: swept }, 'removed the markers of Claude processes that are gone');
  for (const s of broker.sessionList()) ctx.pendingChanged(s);
  // Claims outlive a restart; their holders have until the grace period to reconnect.
  for (const s of broker.sessionList()) {
    if (broker.claims.heldBy(s.id).length > 0) checkGone(s.id, config.graceMs + RESTART_GRACE_EXTRA_MS);
  }
  setInterval(() => {
    // Kept until the end is recorded: a sweep whose commit fails leaves them for the next one.
    ctx.serially(async () => {
      const change = broker.expireClaims(Date.now());
      if (change.records.length > 0) await ctx.commit(change);
    }).catch((err: Error) => {
      logger.warn({ err: err.message }, 'could not record expired claims');
    });
  }, CLAIM_SWEEP_MS).unref();

  const idleCheckMs = Math.max(20, Math.min(config.idleMs / 4, 60_000));
  setInterval(() => {
    if (server.nonWatcherCount === 0 && pendingWrites === 0 && Date.now() - lastActivity >= config.idleMs) void stop('idle', 0);
  }, idleCheckMs).unref();
  setInterval(() => rotateIfOver(endpoint.logPath, dest), LOG_CHECK_MS).unref();
  setInterval(() => markers.sweep(), MARKER_SWEEP_MS).unref();
  collectWhenQuiet(IDLE_GC_QUIET_MS, () => {
    if (acceptedSinceGc < IDLE_GC_AFTER_MESSAGES || Date.now() - lastActivity < IDLE_GC_QUIET_MS) return false;
    acceptedSinceGc = 0;
    return true;
  });
  setInterval(() => {
    if (broker.applyRetention(Date.now()) > 0) compact();
  }, RETENTION_CHECK_MS).unref();
  // The server keeps the process alive; the timers above do not.
}

main().catch((err: Error) => {
  // stdio goes to the log file: this is what a failed start quotes.
  process.stderr.write(`session-bus daemon failed to start: ${err.message}\n`);
  process.exit(1);
});
