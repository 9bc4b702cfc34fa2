/**
 * Where a project's daemon listens and logs. The directory comes from the uid, not TMPDIR:
 * sandboxes rewrite TMPDIR, and two callers of one project must find one socket.
 */
import { userInfo } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { MAX_SOCKET_PATH_BYTES } from '../protocol/limits.ts';
import { sha256Hex } from './sha256.ts';

export interface Endpoint {
  /** The private directory holding the socket, lock and log (Unix). */
  dir: string;
  /** Unix socket path, or a Windows named pipe. */
  socketPath: string;
  /** Held while a daemon checks for a stale socket and binds. */
  lockPath: string;
  /** Names the daemon a client is starting, so that callers at the same moment start one (client/start-claim.ts). */
  startingPath: string;
  /** The daemon's log (pino, capped). */
  logPath: string;
  hash: string;
}

export class EndpointError extends Error {
  override name = 'EndpointError';
  /** The problem and its fix apart (doctor shows them on two lines); the message is both. */
  constructor(
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${problem}. ${fix}`);
  }
}

export function socketDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.SESSION_BUS_SOCKET_DIR;
  if (override) {
    // Each process would find a relative one from its own folder: a hook, the CLI in a subfolder
    // and the MCP server would each make theirs (inside the working tree), not share one.
    if (!isAbsolute(override)) throw new EndpointError(`SESSION_BUS_SOCKET_DIR must be an absolute path, not ${JSON.stringify(override)}: each process would look for it from its own folder`, `Unset it for the default (${defaultSocketDir()}), or give an absolute path`);
    return resolve(override);
  }
  return defaultSocketDir();
}

function defaultSocketDir(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : userInfo().username;
  return join('/tmp', `session-bus-${uid}`);
}

/** Roots hashed in this process: a hook asks for its endpoint twice, and the hash is most of the cost. */
const hashed = new Map<string, string>();

export function hashRoot(root: string): string {
  let hash = hashed.get(root);
  if (hash === undefined) {
    hash = sha256Hex(root).slice(0, 16);
    if (hashed.size < 64) hashed.set(root, hash);
  }
  return hash;
}

/** `busRoot` must already be a real path: the hash is of that exact string. */
export function endpointFor(busRoot: string, env: NodeJS.ProcessEnv = process.env): Endpoint {
  const hash = hashRoot(busRoot);
  const dir = socketDir(env);
  const base = join(dir, hash);
  const endpoint: Endpoint = {
    dir,
    socketPath: `${base}.sock`,
    lockPath: `${base}.lock`,
    startingPath: `${base}.starting`,
    logPath: `${base}.log`,
    hash,
  };
  if (process.platform === 'win32') {
    const user = userInfo().username;
    endpoint.socketPath = `\\\\.\\pipe\\session-bus-${hashRoot(`${user}\0${busRoot}`)}`;
    return endpoint;
  }
  const bytes = Buffer.byteLength(endpoint.socketPath);
  if (bytes > MAX_SOCKET_PATH_BYTES) {
    throw new EndpointError(
      `socket path ${endpoint.socketPath} is ${bytes} bytes, over the ${MAX_SOCKET_PATH_BYTES}-byte limit of Unix sockets`,
      'Set SESSION_BUS_SOCKET_DIR to a shorter directory, e.g. SESSION_BUS_SOCKET_DIR=/tmp/sb',
    );
  }
  return endpoint;
}
