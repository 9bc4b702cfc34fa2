/**
 * One mailbox, one writer: a daemon appends to a mailbox only while it holds the mailbox's lock
 * file (`<mailbox>.lock`, see place/mailbox-owner.ts), whatever happens to the socket dir.
 *
 * - Taken with an exclusive create. A lock left by a dead owner is taken over: dead means its
 *   pid is gone when the owner ran on this machine in this pid namespace, or its heartbeat (the
 *   file's mtime, touched every LOCK_HEARTBEAT_MS) is older than LOCK_STALE_MS — the only test
 *   that works across a dev container's pid namespace or another machine on a shared folder.
 * - A takeover runs under a mutex (`<lock>.d`, made with mkdir) so that two daemons that both
 *   found the lock stale cannot both take it.
 * - The owner checks the lock is still its own file (its inode) before each append and at each
 *   heartbeat; one that lost it (stalled past the stale limit and taken over) stops writing.
 */
import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { mailboxLockPath, ownPlace, readMailboxOwner, type MailboxOwner } from '../place/mailbox-owner.ts';
import { sleep } from '../place/sleep.ts';
import { isBusDaemon, isRunning } from '../place/liveness.ts';

/** How often the owner touches its lock. */
export const LOCK_HEARTBEAT_MS = 2000;
/** A lock untouched this long belongs to a daemon that is dead, stopped, or cut off. */
export const LOCK_STALE_MS = 10_000;
/** A takeover mutex older than this was left by a daemon killed mid-takeover. */
const MUTEX_STALE_MS = 5000;
const POLL_MS = 25;

/** `held`; or the live owner that holds it; or why this daemon cannot make the file (a read-only folder). */
export type LockOutcome = 'held' | { heldBy: MailboxOwner | undefined } | { unwritable: string };

export class MailboxLock {
  readonly path: string;
  private ino: number | undefined;
  /**
   * The lock file stays open while held: its inode cannot be freed and given to a new lock file
   * made by a daemon that took over (on ext4 the freed number comes back at once), so "the file at
   * the path has my inode" means it is mine.
   */
  private fd: number | undefined;
  /** Held once: a lock lost after that means another daemon writes now, and this one must stop. */
  private wasHeld = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    mailboxPath: string,
    private readonly socket: string,
  ) {
    this.path = mailboxLockPath(mailboxPath);
  }

  /**
   * Takes the lock, waiting up to `waitMs` for a live owner to let go (an older daemon being
   * replaced exits meanwhile). Otherwise reports who holds it, or why it cannot be made.
   */
  async acquire(waitMs: number): Promise<LockOutcome> {
    const until = Date.now() + waitMs;
    for (;;) {
      const r = this.take();
      if (r !== 'held-by-other') return r === 'held' ? 'held' : { unwritable: r };
      if (Date.now() >= until) return { heldBy: readMailboxOwner(this.path) };
      await sleep(POLL_MS);
    }
  }

  /**
   * Before every append: throws unless this daemon owns the mailbox now. One that never could
   * make the lock (a read-only folder that became writable) takes it here; one that lost it
   * does not get it back.
   */
  assertWritable(): void {
    if (this.isHeld()) return;
    if (this.wasHeld) throw new LockLost();
    const r = this.take();
    if (r === 'held') return;
    // Worded by the caller from `code` where there is one (EACCES, EROFS), else the message.
    throw r === 'held-by-other' ? new Error('another daemon owns the mailbox') : Object.assign(new Error(r), { code: r });
  }

  /** Still ours: the file at the path is the one we created. Cheap (one stat). */
  isHeld(): boolean {
    if (this.ino === undefined) return false;
    try {
      return fs.statSync(this.path).ino === this.ino;
    } catch {
      return false;
    }
  }

  get lost(): boolean {
    return this.wasHeld && !this.isHeld();
  }

  /** Touches the lock every heartbeat; `onLost` when it is not ours any more. */
  keepAlive(onLost: () => void): void {
    this.timer = setInterval(() => {
      if (this.lost) {
        onLost();
        return;
      }
      if (!this.isHeld()) return;
      try {
        const now = new Date();
        fs.utimesSync(this.path, now, now);
      } catch {
        // Checked again at the next beat.
      }
    }, LOCK_HEARTBEAT_MS);
    this.timer.unref();
  }

  release(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.isHeld()) fs.rmSync(this.path, { force: true });
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  /** One try: 'held', 'held-by-other', or the errno that stopped it. */
  private take(): 'held' | 'held-by-other' | string {
    for (let attempt = 0; attempt < 2; attempt++) {
      let made: { fd: number; ino: number } | undefined;
      try {
        fs.mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
        made = tryCreate(this.path, this.socket);
      } catch (err) {
        return (err as NodeJS.ErrnoException).code ?? String(err);
      }
      if (made !== undefined) {
        if (this.fd !== undefined) fs.closeSync(this.fd);
        this.fd = made.fd;
        this.ino = made.ino;
        this.wasHeld = true;
        return 'held';
      }
      if (!(isStale(this.path, readMailboxOwner(this.path)) && takeOver(this.path))) return 'held-by-other';
    }
    return 'held-by-other';
  }
}

/** The lock this daemon held is another daemon's now: it must not write again. */
export class LockLost extends Error {
  override name = 'LockLost';
  constructor() {
    super('another daemon took the mailbox over');
  }
}

function tryCreate(lockPath: string, socket: string): { fd: number; ino: number } | undefined {
  const { host, ns } = ownPlace();
  const record: MailboxOwner = { pid: process.pid, host, ns, socket, since: Date.now() };
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw err;
  }
  try {
    fs.writeSync(fd, JSON.stringify(record) + '\n');
    return { fd, ino: fs.fstatSync(fd).ino };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

/** Pure but for the clock and the process table: is this lock's owner gone? */
export function isStale(lockPath: string, owner: MailboxOwner | undefined): boolean {
  let age: number;
  try {
    // lstat: a planted symlink is judged (and removed) as itself, never through its target; a
    // lock that is no regular file (a FIFO, a link) was never a daemon's.
    const st = fs.lstatSync(lockPath);
    if (!st.isFile()) return true;
    age = Date.now() - st.mtimeMs;
  } catch {
    return false;
  }
  // An mtime far in the future (a planted file, a skewed clock) would never age: stale too.
  if (age > LOCK_STALE_MS || age < -LOCK_STALE_MS) return true;
  // Torn or tampered: judged by its age alone (above), with a moment for a writer mid-write.
  if (!owner) return age > 1000;
  const here = ownPlace();
  // Here, a pid that is gone, or now a program other than a session-bus daemon (reused), owns nothing.
  return owner.host === here.host && owner.ns === here.ns && !(isRunning(owner.pid) && isBusDaemon(owner.pid));
}

/** Removes a stale lock under the takeover mutex; false when another daemon is taking over. */
function takeOver(lockPath: string): boolean {
  const mutex = `${lockPath}.d`;
  try {
    fs.mkdirSync(mutex, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    try {
      // Left by a daemon killed mid-takeover, or planted (a file, say): cleared once old.
      const st = fs.lstatSync(mutex);
      const age = Math.abs(Date.now() - st.mtimeMs);
      if (age > MUTEX_STALE_MS || !st.isDirectory()) fs.rmSync(mutex, { recursive: true, force: true });
    } catch {
      // Gone meanwhile.
    }
    return false;
  }
  try {
    // Judged again under the mutex: another daemon may have taken over since we looked.
    if (isStale(lockPath, readMailboxOwner(lockPath))) fs.rmSync(lockPath, { force: true });
    return true;
  } finally {
    fs.rmdirSync(mutex);
  }
}
