/**
 * Who is starting a bus's daemon right now: a file beside the socket (`<hash>.starting`) holding
 * the pid of the daemon being started. Callers that find no daemon at the same moment would each
 * start one, and all but one would load, lose the bind and exit, about 0.2 s of CPU each for
 * nothing. A session's SessionStart hook and its MCP server always start together, so every first
 * session on a project paid for two daemons. The first caller to create the file (exclusive
 * create) starts the daemon; the others wait for its socket.
 *
 * A claim stops holding once its daemon is no longer running, or once it is older than the
 * caller's respawn time (a start that hangs): the next caller then takes it over. This only saves
 * work: the daemons still settle any race among themselves by the bind (daemon/single-instance.ts).
 * The file is in the private socket dir, which only its owner can write.
 */
import { renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { isRunning } from '../place/liveness.ts';
// Read like the start lock beside it: a pid, or empty while being written.
import { createHoldingPid, EMPTY_LOCK_STALE_MS, lockHolder } from '../place/start-lock.ts';

/** How far ahead of this process's clock a claim's time may be and still be one made just now. */
const FUTURE_SLACK_MS = 1000;

/** True: this caller starts the daemon (and then records its pid). False: another caller is starting one. */
export function claimStart(path: string, holdsForMs: number): boolean {
  try {
    if (createHoldingPid(path)) return true;
    if (holds(path, holdsForMs)) return false;
    replace(path, process.pid);
  } catch {
    // No claim can be made (a read-only dir, a full disk): start one, as every caller did before;
    // the bind settles any race.
  }
  return true;
}

/**
 * The daemon this caller started: the claim now holds while it runs. Undefined: no daemon was
 * started (the spawn failed), and the claim goes, not to hold the others up while this caller lives.
 */
export function recordStarting(path: string, pid: number | undefined): void {
  if (pid !== undefined) {
    try {
      replace(path, pid);
      return;
    } catch {
      // One that cannot name the daemon goes: the claim only saves work, and without it another
      // caller may start a daemon too.
    }
  }
  try {
    unlinkSync(path);
  } catch {
    // Gone already.
  }
}

/** The daemon answered: the claim is done with, unless another caller's claim replaced it. */
export function releaseStart(path: string, pid: number | undefined): void {
  try {
    if (pid !== undefined && lockHolder(path) === pid) unlinkSync(path);
  } catch {
    // Gone already.
  }
}

function holds(path: string, holdsForMs: number): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(path).mtimeMs;
  } catch {
    return false;
  }
  // From the future (a clock set back) it would hold for as long as its pid runs. A few ms
  // ahead is only the file system's coarser clock: a claim made just now.
  if (age > holdsForMs || age < -FUTURE_SLACK_MS) return false;
  const pid = lockHolder(path);
  // Empty: being written right now (the create comes a moment before the pid).
  return pid === undefined ? age <= EMPTY_LOCK_STALE_MS : isRunning(pid);
}

/** Whole or not at all: a reader never sees a half-written pid. */
function replace(path: string, pid: number): void {
  const tmp = `${path}.${process.pid}`;
  try {
    writeFileSync(tmp, String(pid), { mode: 0o600, flag: 'w' });
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never made.
    }
    throw err;
  }
}
