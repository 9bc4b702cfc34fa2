/**
 * Starting the daemon: the same node binary, detached, stdio to the daemon's log (never the
 * caller's pipes: an MCP server's stdout is its protocol, a hook's pipes are the host's), unref'd
 * so the caller can exit while the daemon lives on.
 */
import { closeSync, constants, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Endpoint } from '../place/endpoint.ts';
import { ensurePrivateDir } from '../place/private-dir.ts';
import type { ProjectLocation } from '../place/project.ts';
import { settingsFor } from '../place/settings.ts';

/** The daemon entry: beside the running bundle, one up from a chunk of one (plugin/dist/chunks), or the built one when running from source. */
export async function daemonEntry(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.SESSION_BUS_DAEMON_ENTRY) return env.SESSION_BUS_DAEMON_ENTRY;
  const here = await ownDir();
  const candidates = [join(here, 'daemon.js'), join(here, '..', 'daemon.js'), resolve(here, '../../plugin/dist/daemon.js')];
  for (const c of candidates) if (existsSync(c)) return c;
  return candidates[0]!;
}

/**
 * A small young generation: the daemon's live data is small and steady, and V8's default lets
 * a burst of messages reserve tens of megabytes that stay resident long after. `gc` lets a quiet
 * daemon give a burst's memory back (daemon/main.ts). See the memory rows of `npm run bench`.
 */
export const DAEMON_NODE_FLAGS = ['--max-semi-space-size=1', '--expose-gc'];

/**
 * One malloc arena (glibc; other C libraries ignore it): the daemon's JavaScript runs on one
 * thread, and the arenas its helper threads (GC, file I/O) get kept about 4 MB resident after a
 * burst. A value the user set is kept.
 *
 * NODE_EXTRA_CA_CERTS makes Node read and parse that file before any code runs (the whole
 * system bundle, where it is set to that: about 45 ms of a 100 ms start on the development
 * machine). The daemon uses TLS only to federate: one that cannot (`federates` false: no NATS
 * URL in the environment or the bus's settings file, which the daemon reads only at start)
 * starts without it.
 */
export function daemonEnv(env: NodeJS.ProcessEnv, federates = true): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = env.MALLOC_ARENA_MAX === undefined ? { ...env, MALLOC_ARENA_MAX: '1' } : { ...env };
  if (!federates) delete out.NODE_EXTRA_CA_CERTS;
  return out;
}

/** Whether a daemon started now for this bus may federate (and so may need NODE_EXTRA_CA_CERTS). */
export function mayFederate(location: ProjectLocation, env: NodeJS.ProcessEnv): boolean {
  try {
    return (settingsFor(location.mailboxDir, env).env.SESSION_BUS_NATS_URL ?? '').trim() !== '';
  } catch {
    // An unreadable settings file: the daemon says why; start it as it always was.
    return true;
  }
}

/** The CommonJS hook bundle has __dirname; ES modules have import.meta.url. */
async function ownDir(): Promise<string> {
  if (typeof __dirname === 'string') return __dirname;
  const { fileURLToPath } = await import('node:url');
  return dirname(fileURLToPath(import.meta.url));
}

export interface SpawnOptions {
  /** A client of this version found an older daemon running: the new daemon replaces it. */
  replaceOlderThan?: string;
}

/** A daemon started by this process: whether it has exited, and how (a failed start exits 1 at once). */
export interface Spawned {
  pid: number | undefined;
  exitCode(): number | null;
  /**
   * The socket dir it was started in is gone or made anew (a cleaner of /tmp removed it): a
   * start that failed then failed for that, and its log went with the dir.
   */
  lostItsDir(): boolean;
}

export async function spawnDaemon(
  location: ProjectLocation,
  endpoint: Endpoint,
  env: NodeJS.ProcessEnv = process.env,
  options: SpawnOptions = {},
): Promise<Spawned> {
  // Loaded only here: the hook starts on every prompt and almost never spawns; every module
  // it loads at start-up is paid on each prompt.
  const { spawn } = await import('node:child_process');
  const entry = await daemonEntry(env);
  const out = openLog(endpoint);
  const dir = statOrGone(endpoint.dir);
  try {
    const replace = options.replaceOlderThan ? ['--replace-older-than', options.replaceOlderThan] : [];
    const child = spawn(
      process.execPath,
      [...DAEMON_NODE_FLAGS, entry, '--project', location.projectDir, ...replace],
      { detached: true, stdio: ['ignore', out, out], env: daemonEnv(env, !env.NODE_EXTRA_CA_CERTS || mayFederate(location, env)), cwd: '/', windowsHide: true },
    );
    child.on('error', () => {
      // Reported by the caller's connect polling, which quotes the log.
    });
    child.unref();
    return { pid: child.pid, exitCode: () => child.exitCode, lostItsDir: () => dir === undefined || !sameFile(endpoint.dir, dir) };
  } finally {
    closeSync(out);
  }
}

/**
 * The daemon's log, opened for its stdio. The socket dir was checked to be ours; still, never
 * follow a link where the log goes, and make the dir again if it vanished since (a cleaner).
 */
function openLog(endpoint: Endpoint): number {
  const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;
  try {
    return openSync(endpoint.logPath, flags, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    ensurePrivateDir(endpoint.dir);
    return openSync(endpoint.logPath, flags, 0o600);
  }
}

function statOrGone(path: string): { dev: number; ino: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function sameFile(path: string, was: { dev: number; ino: number }): boolean {
  const now = statOrGone(path);
  return now !== undefined && now.dev === was.dev && now.ino === was.ino;
}

/** The last lines of the daemon's log, to quote when a start fails. */
export function tailLog(logPath: string, lines = 8): string {
  try {
    const text = readFileSync(logPath, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
