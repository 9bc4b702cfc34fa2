/**
 * connectOrSpawn: reach the project's daemon, starting one if none runs, and shake hands.
 *
 * - Missing socket (ENOENT) or stale socket (ECONNREFUSED): spawn, then poll with backoff. Callers
 *   at the same moment leave the start to the first (start-claim.ts); where two start one all the
 *   same, the daemons settle it among themselves (the bind is the lock), and the extra ones exit.
 * - EACCES/EPERM: refused by the OS or a sandbox, not "not running": fail at once with a hint.
 * - Hello: an older daemon is replaced by ours, which the spawned daemon does itself under the
 *   start lock (so an older client reconnecting meanwhile cannot slip an older daemon in between
 *   and start a fight); a newer one is used when its protocol matches, else a clear error. Only
 *   ever older → newer, once per call, so versions never take turns.
 */
import { BusError, ErrorCode } from '../protocol/errors.ts';
import type { HelloResult } from '../protocol/messages.ts';
import { isOlderThan, PROTOCOL_VERSION, VERSION } from '../protocol/version.ts';
import { endpointFor, type Endpoint } from '../place/endpoint.ts';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { mailboxLockPath, readMailboxOwner } from '../place/mailbox-owner.ts';
import { NOT_RUNNING_ERRNOS } from '../place/liveness.ts';
import { sleep } from '../place/sleep.ts';
import { checkPrivateDir, ensurePrivateDir } from '../place/private-dir.ts';
import { locateProject, type ProjectLocation } from '../place/project.ts';
import { ConnectionError, RpcClient } from '../transport/rpc-client.ts';
import { spawnDaemon, tailLog, type Spawned } from './spawn.ts';
import { claimStart, recordStarting, releaseStart } from './start-claim.ts';

export interface ConnectOptions {
  env?: NodeJS.ProcessEnv;
  /** The project as the caller already located it (the hook has, for its log): not located twice. */
  location?: ProjectLocation;
  /** Give up after this long (the hook passes its short deadline). */
  timeoutMs?: number;
  /** Start a daemon when none runs. `status` passes false. */
  spawn?: boolean;
  /** Identify as this version (tests of version skew). */
  version?: string;
  protocol?: number;
}

export interface Connection {
  client: RpcClient;
  hello: HelloResult;
  endpoint: Endpoint;
  location: ProjectLocation;
}

export class StartError extends Error {
  override name = 'StartError';
}

/** The connection failed because no daemon serves the socket (see NOT_RUNNING_ERRNOS). */
export function isNotRunning(err: unknown): boolean {
  return err instanceof ConnectionError && err.code !== undefined && NOT_RUNNING_ERRNOS.has(err.code);
}

/** A daemon we started that does not serve after this long is started again (extra ones exit). */
const RESPAWN_AFTER_MS = 3000;

/** Starts that failed at once (a daemon that exited non-zero) before a client gives up and quotes the log. */
const MAX_FAILED_STARTS = 3;

/** Connects tried 1 ms apart once the socket of a daemon being started appeared (see SocketWatch). */
const QUICK_RETRIES = 10;

/** How long to wait for our daemon to take over from an older one before using the older one. */
const REPLACE_WAIT_MS = 3000;

export async function connectOrSpawn(projectDir: string, options: ConnectOptions = {}): Promise<Connection> {
  const env = options.env ?? process.env;
  const location = options.location ?? locateProject(projectDir);
  const endpoint = endpointFor(location.busRoot, env);
  ensurePrivateDir(endpoint.dir);
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const version = options.version ?? VERSION;
  const protocol = options.protocol ?? PROTOCOL_VERSION;
  /** When we last started a daemon: started again if nothing serves long after (it died, or lost its socket). */
  let spawnedAt: number | undefined;
  let spawned: Spawned | undefined;
  let failedStarts = 0;
  /** The older daemon ours is replacing, and until when we wait for that. */
  let replacing: { pid: number; until: number } | undefined;
  let delay = 5;
  /** Set once this call starts a daemon: wakes the poll below the moment the socket appears. */
  let appearing: SocketWatch | undefined;
  try {
    for (;;) {
      let client: RpcClient | undefined;
      try {
        client = await RpcClient.connect(endpoint.socketPath, Math.max(1, deadline - Date.now()));
      } catch (err) {
        const code = (err as ConnectionError).code;
        if (code === 'EACCES' || code === 'EPERM') {
          throw new StartError(
            `connecting to ${endpoint.socketPath} was refused (${code}). A sandbox may block Unix sockets: allow ${endpoint.dir}, or set SESSION_BUS_SOCKET_DIR to a directory the sandbox allows`,
          );
        }
        if (!code || !NOT_RUNNING_ERRNOS.has(code)) throw err;
        // The mailbox's owner may serve another path (another SESSION_BUS_SOCKET_DIR): ask the lock.
        client = await connectToOwner(location, endpoint);
        if (!client && options.spawn === false) throw err;
        // A daemon that could not start (a mailbox that is no regular file, a bad setting) says
        // why in its log at once: no point waiting for the deadline.
        if (!client && spawned && (spawned.exitCode() ?? 0) !== 0) {
          // Again, on a socket dir made anew. A start whose dir was removed under it (its log
          // went with it) failed for that, not for anything in the daemon: not counted, and the
          // deadline still bounds the tries.
          if (!spawned.lostItsDir() && ++failedStarts >= MAX_FAILED_STARTS) throw new StartError(`the session-bus daemon could not start. Last lines of ${endpoint.logPath}:\n${tailLog(endpoint.logPath)}`);
          spawned = undefined;
          spawnedAt = undefined;
          ensurePrivateDir(endpoint.dir);
        }
        if (!client && (spawnedAt === undefined || Date.now() - spawnedAt > RESPAWN_AFTER_MS)) {
          appearing ??= new SocketWatch(endpoint);
          // Unless another caller is starting one right now: then its socket is waited for.
          if (claimStart(endpoint.startingPath, RESPAWN_AFTER_MS)) {
            spawned = await spawnDaemon(location, endpoint, env).catch((err: unknown) => {
              recordStarting(endpoint.startingPath, undefined);
              throw err;
            });
            recordStarting(endpoint.startingPath, spawned.pid);
            spawnedAt = Date.now();
          }
        }
      }
      const hello = client
        ? await client.request('hello', { protocol, version, root: location.busRoot }, Math.max(1, deadline - Date.now())).catch((err: Error) => {
            client!.close();
            // A daemon killed as we connect resets the connection: as good as not running.
            if (err instanceof ConnectionError && err.code !== 'ETIMEDOUT' && options.spawn !== false) return undefined;
            throw err;
          })
        : undefined;
      if (client && hello) {
        if (hello.root !== location.busRoot) {
          client.close();
          throw new StartError(`the daemon at ${endpoint.socketPath} serves ${hello.root}, not ${location.busRoot} (hash collision?)`);
        }
        if (hello.protocol > protocol) {
          client.close();
          throw new BusError(ErrorCode.IncompatibleProtocol, {
            daemonVersion: hello.version,
            daemonProtocol: hello.protocol,
            clientVersion: version,
            clientProtocol: protocol,
          });
        }
        const older = isOlderThan(hello, protocol, version);
        // Any daemon but the older one being replaced is used as it is: once per call, never a fight.
        const waiting = replacing !== undefined && hello.pid === replacing.pid && Date.now() < replacing.until;
        if (!older || options.spawn === false || (replacing !== undefined && !waiting)) {
          releaseStart(endpoint.startingPath, spawned?.pid);
          return { client, hello, endpoint, location };
        }
        client.close();
        if (!replacing) {
          // An older daemon: start ours, which takes over from it under the start lock.
          appearing ??= new SocketWatch(endpoint);
          spawned = await spawnDaemon(location, endpoint, env, { replaceOlderThan: version });
          spawnedAt = Date.now();
          replacing = { pid: hello.pid, until: Math.min(deadline, Date.now() + REPLACE_WAIT_MS) };
        }
      }
      if (Date.now() >= deadline) {
        throw new StartError(
          `the session-bus daemon did not answer at ${endpoint.socketPath} in time. Last lines of ${endpoint.logPath}:\n${tailLog(endpoint.logPath)}`,
        );
      }
      const pause = Math.min(delay, Math.max(1, deadline - Date.now()));
      await (appearing ? appearing.pause(pause) : sleep(pause));
      // A fine poll: the daemon is usually up within a few hundred ms, and a coarse step would
      // add most of a step to every cold start. A refused connect to a Unix socket is cheap.
      delay = Math.min(delay * 2, 20);
    }
  } finally {
    appearing?.close();
  }
}

/**
 * The socket dir, watched while a daemon this client started comes up: its socket appearing
 * ends the poll's pause at once, instead of up to a step (20 ms) later. The file appears at the
 * daemon's bind, a moment before its listen, so a connect refused just after it is tried again
 * within a millisecond, a few times, before the poll's steps resume. Only a hint: where watching
 * fails (no inotify left, a dir made anew) the poll goes on as before.
 */
class SocketWatch {
  private watcher: FSWatcher | undefined;
  private appeared = false;
  /** Quick retries left after the socket appeared (between the daemon's bind and its listen). */
  private quick = 0;
  private wake: (() => void) | undefined;

  constructor(endpoint: Endpoint) {
    const name = basename(endpoint.socketPath);
    try {
      // Not persistent: the pause's timer keeps the process alive, the watch never does.
      this.watcher = watch(endpoint.dir, { persistent: false }, (_event, file) => {
        if (file !== name) return;
        this.appeared = true;
        this.wake?.();
      });
      this.watcher.on('error', () => this.close());
    } catch {
      this.watcher = undefined;
    }
  }

  /** Waits `ms`, or less if the socket appeared meanwhile (or since the last pause). */
  async pause(ms: number): Promise<void> {
    if (this.appeared) {
      this.appeared = false;
      this.quick = QUICK_RETRIES;
      return;
    }
    if (this.quick > 0) {
      this.quick--;
      return sleep(Math.min(ms, 1));
    }
    if (!this.watcher) return sleep(ms);
    const woken = new AbortController();
    this.wake = () => woken.abort();
    await sleep(ms, { signal: woken.signal });
    this.wake = undefined;
    if (this.appeared) {
      this.appeared = false;
      this.quick = QUICK_RETRIES;
    }
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.wake = undefined;
  }
}

/**
 * The daemon that owns the mailbox, when it serves a socket other than ours: the one path a
 * session whose environment names another socket dir can find it by. Only a socket in a private
 * dir of ours is trusted (the lock file is in the project, which anyone may have written).
 */
async function connectToOwner(location: ProjectLocation, endpoint: Endpoint): Promise<RpcClient | undefined> {
  const owner = readMailboxOwner(mailboxLockPath(location.mailboxPath));
  if (!owner || owner.socket === endpoint.socketPath || !owner.socket.endsWith(`${endpoint.hash}.sock`)) return undefined;
  try {
    checkPrivateDir(dirname(owner.socket));
    return await RpcClient.connect(owner.socket, 1000);
  } catch {
    return undefined;
  }
}

/** Connects to a running daemon only; never starts one (status, stop). */
export function connectExisting(projectDir: string, options: Omit<ConnectOptions, 'spawn'> = {}): Promise<Connection> {
  return connectOrSpawn(projectDir, { ...options, spawn: false, timeoutMs: options.timeoutMs ?? 2000 });
}

/**
 * A connection to the running daemon with no handshake, for a hook that asks one question and
 * must stay near a bare Node start (the collision guard): the socket dir is checked, no daemon
 * is started, and a daemon too old for the question answers "method not found", which the caller
 * takes as no answer. Anything but a plain connect goes the long way (connectExisting).
 */
export async function connectRunning(projectDir: string, timeoutMs: number, busRoot = locateProject(projectDir).busRoot): Promise<Pick<Connection, 'client'>> {
  const endpoint = endpointFor(busRoot);
  try {
    checkPrivateDir(endpoint.dir);
    return { client: await RpcClient.connect(endpoint.socketPath, timeoutMs) };
  } catch {
    return connectExisting(projectDir, { timeoutMs });
  }
}
