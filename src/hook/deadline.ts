/**
 * How long a hook waits for the broker before it goes on without the bus: SESSION_BUS_HOOK_TIMEOUT_MS,
 * else 2 s (the broker answers in about a millisecond; a cold start of the daemon takes a few
 * hundred). One reading for the prompt hooks and the guard's.
 */
import { TIMER_MAX_MS } from '../place/config.ts';

const DEFAULT_DEADLINE_MS = 2000;

/** A value that is no positive number takes the default; one past Node's timer limit (which would fire after 1 ms) is held to it. */
export function hookDeadlineMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SESSION_BUS_HOOK_TIMEOUT_MS);
  return n > 0 ? Math.min(n, TIMER_MAX_MS) : DEFAULT_DEADLINE_MS;
}
