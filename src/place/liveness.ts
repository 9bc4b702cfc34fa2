/**
 * Is a process, or a daemon at a socket, still there? One answer for every process that asks
 * (client, daemon, hook, CLI), so `status`, `doctor` and a starting session agree.
 */
import * as fs from 'node:fs';

/**
 * Connect errnos that mean "no daemon serves this socket": nothing there (ENOENT), a socket left
 * by a dead daemon (ECONNREFUSED), a file that is no socket (ENOTSOCK), or a daemon dying as we
 * connected (ECONNRESET). Anything else (EACCES, EPERM: a sandbox) is a refusal, not absence.
 */
export const NOT_RUNNING_ERRNOS: ReadonlySet<string> = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK', 'ECONNRESET']);

/** A process with this pid exists (EPERM: it does, it is another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Alive and not a zombie: a daemon killed while its parent (init, in a container often a shell
 * that never reaps) has not collected it still answers kill(pid, 0), for a long time.
 */
export function isRunning(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    // No /proc (not Linux), or gone meanwhile.
    return isAlive(pid);
  }
}

/** Is this process a session-bus daemon? Where /proc cannot say, taken as yes (the heartbeat decides). */
export function isBusDaemon(pid: number): boolean {
  let cmd: string;
  try {
    cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ENOENT' || !fs.existsSync('/proc/self');
  }
  return /daemon[^\0]*\.m?js\0/.test(cmd) && cmd.includes('\0--project\0');
}
