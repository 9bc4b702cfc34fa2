/**
 * Hooks never print on failure (the host would show it, or block the prompt on exit 2), so they
 * say why in the daemon's log file, in the same JSON-lines shape pino writes — but only in a
 * socket dir that is verifiably ours (another user may have made `/tmp/session-bus-<uid>` first
 * and put a symlink where the log goes). Otherwise the line goes to the plugin's own data folder
 * (CLAUDE_PLUGIN_DATA), and failing that, nowhere.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkPrivateDir } from '../place/private-dir.ts';

export function hookLog(logPath: string | undefined, level: 'info' | 'warn', msg: string, extra: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level: level === 'warn' ? 40 : 30, time: Date.now(), pid: process.pid, role: 'hook', ...extra, msg }) + '\n';
  if (logPath && appendIn(logPath, line, checkPrivateDir)) return;
  const data = process.env.CLAUDE_PLUGIN_DATA;
  if (data) appendIn(join(data, 'hook.log'), line, ownDir);
}

/** Appends to a regular file of ours, never through a symlink, in a folder `check` accepts. */
function appendIn(file: string, line: string, check: (dir: string) => void): boolean {
  let fd: number | undefined;
  try {
    check(dirname(file));
    fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o600);
    const st = fstatSync(fd);
    if (!st.isFile() || st.uid !== process.getuid?.()) return false;
    writeSync(fd, line);
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The plugin's data folder may be 0755, but it must be ours and no symlink. */
function ownDir(dir: string): void {
  const st = lstatSync(dir);
  if (st.isSymbolicLink() || !st.isDirectory() || st.uid !== process.getuid?.()) throw new Error(`not a folder of ours: ${dir}`);
}
