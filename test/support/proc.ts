/**
 * The one /proc scanner of the tests: which processes run what, read from their command lines.
 * Used by the project fixture (a project's daemons), the global teardown (daemons left behind)
 * and the hostile tests (daemons of copied plugin bundles). Linux only, as the suite is.
 */
import * as fs from 'node:fs';

/** A process's command line with its arguments joined by spaces; '' when it is gone. */
export function readCmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Pids of the processes whose command line contains every one of `needles`. */
export function pidsRunning(...needles: string[]): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = readCmdline(Number(entry));
    if (cmd && needles.every((n) => cmd.includes(n))) pids.push(Number(entry));
  }
  return pids;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Gone, or a zombie its parent has not reaped yet (a daemon spawned by a hook is reaped by init, in its own time). */
export function isDead(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return !isAlive(pid);
  }
}
