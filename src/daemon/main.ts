/**
 * The daemon process: one per project. Binds the project's socket (single instance), replays
 * the mailbox, serves clients, compacts the log, and exits when idle or asked to.
 *
 * Usage (spawned by connectOrSpawn): node daemon.mjs --project <dir>
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { endpointFor } from '../client/endpoint.ts';
import { ensurePrivateDir } from '../client/private-dir.ts';
import { ensureSelfIgnoring, legacyMailboxes, locateProject } from '../client/project.ts';
import { PROTOCOL_VERSION, VERSION } from '../protocol/version.ts';
import { Broker } from './broker.ts';
import { readConfig } from './config.ts';
import type { DaemonContext } from './context.ts';
import { handlers } from './handlers/index.ts';
import type { LogEntry } from './log-entries.ts';
import { JsonlMailboxLog } from './mailbox-log.ts';
import { PendingMarkers } from './pending-markers.ts';
import { ConnectionServer } from './server.ts';
import { bindExclusive } from './single-instance.ts';
import { takeOverLegacyMailboxes } from './takeover.ts';
import { startFederation, type FederationRuntime } from './federation/start.ts';

/** The log file is capped: past this size it is rotated to `<log>.1` (one generation kept). */
const LOG_CAP_BYTES = 5 * 1024 * 1024;
const LOG_CHECK_MS = 10 * 60_000;
/** Compact once the log holds this many more lines than a fresh snapshot would (and at least this many). */
const COMPACT_MIN_LINES = 5000;
/** Retention is applied this often even when nothing is written. */
const RETENTION_CHECK_MS = 60 * 60_000;
/** Claim TTLs are checked this often: an expired claim is announced within a second. */
const CLAIM_SWEEP_MS = 1000;
/** After a restart every session reconnects; give them this much more than the usual grace. */
const RESTART_GRACE_EXTRA_MS = 5000;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { project: { type: 'string' } }, strict: true });
  if (!values.project) throw new Error('usage: daemon --project <dir>');
  const location = locateProject(values.project);
  const root = location.busRoot;
  const mailboxPath = location.mailboxPath;
  const config = readConfig(process.env);
  const endpoint = endpointFor(root);
  ensurePrivateDir(endpoint.dir);
  rotateIfOver(endpoint.logPath);
  const dest = pino.destination({ dest: endpoint.logPath, append: true, sync: true, mkdir: true });
  const logger = pino({ base: { pid: process.pid, role: 'daemon' } }, dest);

  const startedAt = Date.now();
  const broker = new Broker(config.retention);
  const log = new JsonlMailboxLog(mailboxPath, config.fsync);
  let linesSinceCompact = 0;
  let shuttingDown = false;
  let lastActivity = Date.now();
  let pendingWrites = 0;

  /** Set once the mailbox is replayed (federation needs the log's position); see startFederation. */
  let federation: FederationRuntime | undefined;
  const netServer = net.createServer();
  const markers = new PendingMarkers(endpoint.dir, (err) => logger.warn({ err: err.message }, 'pending marker not written'));
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
    },
    async persist(entries: LogEntry[]) {
      if (entries.length === 0) return;
      pendingWrites += 1;
      try {
        await log.append(entries);
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
      if (change.entries.some((e) => e.type === 'claim' || e.type === 'release')) federation?.claimsChanged();
      ctx.accept(change.records);
    },
    accept(records) {
      if (records.length === 0) return;
      for (const r of records) broker.accept(r);
      federation?.onAccepted(records);
      for (const s of broker.sessionList()) {
        if (records.some((r) => broker.isFor(r, s))) markers.set(s, true);
      }
      server.notifyWake(records);
    },
    pendingChanged(session) {
      markers.set(session, broker.pendingCount(session) > 0);
    },
    shutdown: (reason) => void stop(reason, 0),
  };

  /** A live session without a connection past the grace period has left: end its claims. */
  function checkGone(sessionId: string, graceMs: number): void {
    setTimeout(() => {
      const session = broker.sessionById(sessionId);
      if (!session || session.connections > 0 || broker.claims.heldBy(session.id).length === 0) return;
      ctx.commit(broker.endSession(session, Date.now(), 'its session is gone')).catch((err: Error) => {
        logger.warn({ err: err.message, session: session.id }, 'could not record the end of a gone session');
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
    try {
      const dropped = broker.applyRetention(Date.now());
      log.compact([...broker.snapshot(Date.now()), ...(federation?.snapshotEntries() ?? [])]);
      logger.info({ dropped, kept: broker.messageCount, lastSeq: broker.lastSeq }, 'mailbox compacted');
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'compaction failed; the log keeps growing until it succeeds');
    }
  }

  async function stop(reason: string, code: number): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ reason }, 'daemon stopping');
    // Unlink first: once the server is closed, another daemon may take the path over.
    try {
      if (process.platform !== 'win32') fs.unlinkSync(endpoint.socketPath);
    } catch {
      // Already gone.
    }
    netServer.close();
    server.closeAll();
    federation?.stop();
    log.close();
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

  netServer.on('connection', (socket) => {
    if (shuttingDown) {
      socket.destroy();
      return;
    }
    server.attach(socket);
  });

  const outcome = await bindExclusive(netServer, endpoint.socketPath, endpoint.lockPath);
  if (outcome === 'already-running') {
    logger.info({ socket: endpoint.socketPath }, 'another daemon already serves this project; exiting');
    dest.flushSync();
    process.exit(0);
  }
  try {
    fs.chmodSync(endpoint.socketPath, 0o600);
  } catch {
    // Named pipes have no mode.
  }

  // Replay before the first connection is read: clients that connected meanwhile wait in the backlog.
  const replayStart = Date.now();
  if (!location.inGit) prepareSelfIgnoring(location.mailboxDir, logger);
  try {
    for (const r of takeOverLegacyMailboxes(mailboxPath, legacyMailboxes(location))) {
      logger.info({ ...r, to: mailboxPath }, 'took over a mailbox from the old location');
    }
  } catch (err) {
    logger.error({ err: (err as Error).message }, 'taking over the old mailbox failed; it stays where it is');
  }
  const replayed = log.replay();
  for (const w of replayed.warnings.slice(0, 50)) logger.warn({ line: w.line, mailbox: mailboxPath }, `mailbox replay: ${w.reason}`);
  if (replayed.warnings.length > 50) logger.warn({ more: replayed.warnings.length - 50 }, 'mailbox replay: more warnings not shown');
  broker.restore(replayed.state);
  // Before retention can drop a message: the outbox is found among the retained messages.
  federation = startFederation(ctx, location, replayed.state.federation);
  const dropped = broker.applyRetention(Date.now());
  const snapshotLines = broker.sessionList().length * 2 + broker.messageCount + 1;
  if (dropped > 0 || replayed.warnings.length > 0 || replayed.lines > snapshotLines + COMPACT_MIN_LINES) compact();
  logger.info(
    { root, socket: endpoint.socketPath, mailbox: mailboxPath, version: VERSION, lastSeq: broker.lastSeq, messages: broker.messageCount, replayMs: Date.now() - replayStart },
    'daemon started',
  );

  for (const s of broker.sessionList()) ctx.pendingChanged(s);
  // Claims outlive a restart; their holders have until the grace period to reconnect.
  for (const s of broker.sessionList()) {
    if (broker.claims.heldBy(s.id).length > 0) checkGone(s.id, config.graceMs + RESTART_GRACE_EXTRA_MS);
  }
  setInterval(() => {
    const change = broker.expireClaims(Date.now());
    if (change.records.length > 0) ctx.commit(change).catch((err: Error) => logger.warn({ err: err.message }, 'could not record expired claims'));
  }, CLAIM_SWEEP_MS).unref();

  const idleCheckMs = Math.max(20, Math.min(config.idleMs / 4, 60_000));
  setInterval(() => {
    if (server.connectionCount === 0 && pendingWrites === 0 && Date.now() - lastActivity >= config.idleMs) void stop('idle', 0);
  }, idleCheckMs).unref();
  setInterval(() => rotateIfOver(endpoint.logPath, dest), LOG_CHECK_MS).unref();
  setInterval(() => {
    if (broker.applyRetention(Date.now()) > 0) compact();
  }, RETENTION_CHECK_MS).unref();
  // The server keeps the process alive; the timers above do not.
}

function prepareSelfIgnoring(dir: string, logger: { warn(o: object, m: string): void }): void {
  try {
    ensureSelfIgnoring(dir);
  } catch (err) {
    // A read-only project: the mailbox cannot be written either, and broadcasts will say so.
    logger.warn({ err: (err as Error).message, dir }, 'could not write the mailbox folder .gitignore');
  }
}

function rotateIfOver(logPath: string, dest?: { reopen(): void }): void {
  try {
    if (fs.statSync(logPath).size <= LOG_CAP_BYTES) return;
    fs.renameSync(logPath, `${logPath}.1`);
    dest?.reopen();
  } catch {
    // No log yet.
  }
}

main().catch((err: Error) => {
  // stdio goes to the log file: this is what a failed start quotes.
  process.stderr.write(`session-bus daemon failed to start: ${err.message}\n`);
  process.exit(1);
});
