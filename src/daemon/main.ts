/**
 * The daemon process: one per project. Binds the project's socket (single instance), owns the
 * mailbox (its lock), replays it into a daemon made by createDaemon (daemon.ts), serves clients,
 * and exits when idle or asked to.
 *
 * Usage (spawned by connectOrSpawn): node daemon.js --project <dir> [--replace-older-than <version>]
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import { parseArgs } from 'node:util';
import { endpointFor } from '../place/endpoint.ts';
import { ensurePrivateDir } from '../place/private-dir.ts';
import { legacyMailboxes, locateProject } from '../place/project.ts';
import { PROTOCOL_VERSION, VERSION } from '../protocol/version.ts';
import type { Session } from './broker.ts';
import { readConfig } from '../place/config.ts';
import { settingsFor } from '../place/settings.ts';
import { COMPACT_MIN_LINES, createDaemon } from './daemon.ts';
import { JsonlMailboxLog } from './mailbox-log.ts';
import { SessionMarkers } from './session-markers.ts';
import { collectWhenQuiet, LOCK_WAIT_MS, logReplayWarnings, openDaemonLog, prepareSelfIgnoring, removeLeftovers, replaceOlder, REPLACE_TIMEOUT_MS, rotateIfOver, signalToRebind, takeOverOldMailboxes } from './start-steps.ts';
import { SocketKeeper } from './socket-keeper.ts';
import { LockLost, MailboxLock } from './mailbox-lock.ts';
import { startFederation } from './federation/start.ts';
import { loadParamSchemas } from './schema-loader.ts';
import { testOnlyMs } from '../place/test-timing.ts';

const LOG_CHECK_MS = 10 * 60_000;
/** Markers of Claude processes that ended are removed this often (a session's end is not always told). */
const MARKER_SWEEP_MS = 5 * 60_000;
/** After this many messages, a quiet daemon runs a full GC (see collectWhenQuiet). */
const IDLE_GC_AFTER_MESSAGES = 1000;
const IDLE_GC_QUIET_MS = 2000;
/**
 * The parameter schemas (zod) load on the first request that needs them, so a daemon started
 * for a `send` answers it without them; and this long after the start in any case, while the
 * files this daemon came from are surely still there (a plugin update may replace them later).
 */
const SCHEMA_PRELOAD_MS = 1000;
/** After a restart every session reconnects; give them this much more than the usual grace. */
const RESTART_GRACE_EXTRA_MS = 5000;

/**
 * RESTART_GRACE_EXTRA_MS, or SESSION_BUS_RESTART_GRACE_EXTRA_MS: for tests only, not a setting
 * (`config` does not list it), so a test of what a restart keeps and ends need not wait out 5 s.
 */
function restartGraceExtraMs(env: NodeJS.ProcessEnv): number {
  return testOnlyMs(env, 'SESSION_BUS_RESTART_GRACE_EXTRA_MS') ?? RESTART_GRACE_EXTRA_MS;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { project: { type: 'string' }, 'replace-older-than': { type: 'string' } }, strict: true });
  if (!values.project) throw new Error('usage: daemon --project <dir>');
  const location = locateProject(values.project);
  const root = location.busRoot;
  const mailboxPath = location.mailboxPath;
  // The bus's settings file, whoever started this daemon: an environment variable still wins.
  const settings = settingsFor(location.mailboxDir, process.env);
  Object.assign(process.env, settings.env);
  const config = readConfig(process.env);
  const endpoint = endpointFor(root);
  ensurePrivateDir(endpoint.dir);
  const { logger, dest } = openDaemonLog(endpoint.logPath);

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
  let shuttingDown = false;
  // Markers look sessions up by pid: the broker exists once the daemon does (below).
  const markers = new SessionMarkers(endpoint.dir, (pid) => daemon.broker.sessionOfPid(pid), (err) => logger.warn({ err: err.message }, 'session marker not written'));
  const daemon = createDaemon({
    store: log,
    clock: Date.now,
    logger,
    info: { pid: process.pid, version: VERSION, protocol: PROTOCOL_VERSION, root, startedAt: Date.now(), socketPath: endpoint.socketPath, logPath: endpoint.logPath, mailboxPath, settings: settings.report },
    config,
    markers,
    onStop: (reason, code) => void stop(reason, code),
  });
  const { broker, server } = daemon;

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
    await daemon.ctx.federation.stop();
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
  const replayed = daemon.replay();
  for (const socket of held) if (!socket.destroyed) server.attach(socket);
  held = undefined;
  logReplayWarnings(replayed.warnings, mailboxPath, logger);
  // Before retention can drop a message: the outbox is found among the retained messages.
  daemon.setFederation(await startFederation(daemon.ctx, location, broker.federationPosition, process.env, (port) => daemon.setFederation(port)));
  const dropped = broker.applyRetention(Date.now());
  const snapshotLines = broker.sessionList().length * 2 + broker.messageCount + 1;
  if (dropped > 0 || replayed.warnings.length > 0 || replayed.lines > snapshotLines + COMPACT_MIN_LINES) daemon.compact();
  logger.info(
    { root, socket: endpoint.socketPath, mailbox: mailboxPath, version: VERSION, lastSeq: broker.lastSeq, messages: broker.messageCount, replayMs: Date.now() - replayStart },
    'daemon started',
  );

  const swept = markers.sweep();
  if (swept > 0) logger.info({ removed: swept }, 'removed the markers of Claude processes that are gone');
  daemon.start(restartGraceExtraMs(process.env));
  setTimeout(() => {
    loadParamSchemas().catch((err: Error) => logger.error({ err: err.message }, 'the parameter schemas could not be loaded; requests that need them fail until the daemon restarts'));
  }, SCHEMA_PRELOAD_MS).unref();
  setInterval(() => rotateIfOver(endpoint.logPath, dest), LOG_CHECK_MS).unref();
  setInterval(() => markers.sweep(), MARKER_SWEEP_MS).unref();
  collectWhenQuiet(IDLE_GC_QUIET_MS, () => {
    if (daemon.accepted() < IDLE_GC_AFTER_MESSAGES || Date.now() - daemon.lastActivity() < IDLE_GC_QUIET_MS) return false;
    daemon.resetAccepted();
    return true;
  });
  // The server keeps the process alive; the timers above do not.
}

main().catch((err: Error) => {
  // stdio goes to the log file: this is what a failed start quotes.
  process.stderr.write(`session-bus daemon failed to start: ${err.message}\n`);
  process.exit(1);
});
