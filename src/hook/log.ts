/**
 * Hooks never print on failure (the host would show it, or block the prompt on exit 2), so they
 * say why in the daemon's log file, in the same JSON-lines shape pino writes.
 */
import { appendFileSync } from 'node:fs';

export function hookLog(logPath: string | undefined, level: 'info' | 'warn', msg: string, extra: Record<string, unknown> = {}): void {
  if (!logPath) return;
  try {
    const line = JSON.stringify({ level: level === 'warn' ? 40 : 30, time: Date.now(), pid: process.pid, role: 'hook', ...extra, msg });
    appendFileSync(logPath, line + '\n', { mode: 0o600 });
  } catch {
    // Nowhere left to say it.
  }
}
