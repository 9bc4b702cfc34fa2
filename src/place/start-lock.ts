/**
 * The start lock beside the socket: an exclusive-create file holding the pid of the daemon that
 * checks for a stale socket and binds. The daemon and `doctor` read it the same way, so they
 * agree on when it is stale. A client's start claim beside it (client/start-claim.ts) is made
 * and read the same way too.
 */
import * as fs from 'node:fs';
import { isAlive } from './liveness.ts';

/** An empty lock may be one being written right now: give it this long before calling it stale. */
export const EMPTY_LOCK_STALE_MS = 1000;

/**
 * Makes the file, exclusively, holding this process's pid: true when made, false when it is there
 * already; any other failure is thrown. (The pid comes a moment after the create: readers take an
 * empty file for one being written.)
 */
export function createHoldingPid(path: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    fs.writeSync(fd, String(process.pid));
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/** The pid the lock holds, or undefined when it is empty, unreadable or gone. */
export function lockHolder(lockPath: string): number | undefined {
  try {
    const n = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
    return Number.isFinite(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** Left by a daemon that died holding it: its pid is gone, or it stayed empty too long. */
export function isStaleLock(lockPath: string, holder = lockHolder(lockPath)): boolean {
  return holder === undefined ? lockAgeMs(lockPath) > EMPTY_LOCK_STALE_MS : !isAlive(holder);
}

function lockAgeMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
