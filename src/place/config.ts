/**
 * The daemon's settings, from the environment. A bad value is a clear start-up error, not a
 * silent default.
 */

/** `interval`: fdatasync at most every 200 ms; `always`: before acknowledging (see mailbox-log.ts). */
export type FsyncPolicy = 'interval' | 'always';

export interface Retention {
  /** Keep at most this many messages. */
  maxCount: number;
  /** Drop messages older than this. */
  maxAgeMs: number;
}

/** Defaults: a working week of chatter, bounded so replay and memory stay small. */
export const DEFAULT_RETENTION: Retention = { maxCount: 10_000, maxAgeMs: 7 * 24 * 3600_000 };

export interface DaemonConfig {
  /** Exit after this long with no connections and nothing pending. */
  idleMs: number;
  fsync: FsyncPolicy;
  retention: Retention;
  /** A live session whose connection is gone this long has left: its claims end. */
  graceMs: number;
}

/** Long enough for an MCP server to reconnect after a daemon restart or a blip, short enough that a crashed session's claims do not block others for long. */
export const DEFAULT_GRACE_MS = 5000;

/** Half an hour: long enough to outlive a coffee break between sessions, short enough not to linger for days. */
export const DEFAULT_IDLE_MS = 30 * 60_000;

/**
 * The longest delay a Node timer takes: a longer one fires after 1 ms (with a warning), so a
 * grace or idle time set "very long" would end claims or the daemon at once.
 */
export const TIMER_MAX_MS = 2 ** 31 - 1;

export function readConfig(env: NodeJS.ProcessEnv): DaemonConfig {
  const fsync = env.SESSION_BUS_FSYNC || 'interval';
  if (fsync !== 'interval' && fsync !== 'always') {
    throw new Error(`SESSION_BUS_FSYNC must be "interval" or "always", not ${JSON.stringify(fsync)}`);
  }
  return {
    idleMs: timerMs(env, 'SESSION_BUS_IDLE_MS', DEFAULT_IDLE_MS),
    graceMs: timerMs(env, 'SESSION_BUS_GRACE_MS', DEFAULT_GRACE_MS),
    fsync,
    retention: {
      maxCount: wholeCount(env, 'SESSION_BUS_RETAIN_COUNT', DEFAULT_RETENTION.maxCount),
      maxAgeMs: positive(env, 'SESSION_BUS_RETAIN_DAYS', DEFAULT_RETENTION.maxAgeMs / 86_400_000) * 86_400_000,
    },
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return n;
}

/** A delay a timer is set to. */
function timerMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const n = positive(env, name, fallback);
  if (n > TIMER_MAX_MS) throw new Error(`${name} must be at most ${TIMER_MAX_MS} ms (about 24 days), not ${JSON.stringify(env[name])}`);
  return n;
}

/** A count of things kept: the retention drops by whole messages. */
function wholeCount(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const n = positive(env, name, fallback);
  if (!Number.isInteger(n)) throw new Error(`${name} must be a whole number ≥ 1, not ${JSON.stringify(env[name])}`);
  return n;
}
