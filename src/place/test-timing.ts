/**
 * Timers a test may shorten through the environment (SESSION_BUS_RESTART_GRACE_EXTRA_MS,
 * SESSION_BUS_FOLLOW_RETRY_MS, SESSION_BUS_FED_ACK_WAIT_MS, ...): not settings, so `config`
 * neither lists nor takes them, and a value that is no positive number is ignored.
 */
export function testOnlyMs(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  const ms = Number(raw);
  return raw && Number.isFinite(ms) && ms > 0 ? ms : undefined;
}
