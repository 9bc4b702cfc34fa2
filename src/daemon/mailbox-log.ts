/**
 * The mailbox: an append-only JSONL file, the durable truth behind the broker.
 *
 * Durability: `append` resolves only after its lines are written to the file (the kernel's page
 * cache), so a daemon killed with SIGKILL loses nothing it acknowledged. Appends that arrive in
 * the same event-loop turn are written together (group commit). fsync policy:
 *   - `interval` (default): fdatasync at most every FSYNC_INTERVAL_MS while there are unsynced
 *     writes; a power loss or kernel crash may lose the acknowledged messages of that last window.
 *   - `always`: fdatasync before acknowledging; a power loss loses nothing acknowledged.
 *
 * The file system is behind a seam (`FileOps`) so tests can inject ENOSPC.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { syncDirInBackground, wholeLinesEnd, writeAll, type FileOps } from './mailbox-io.ts';
import { replayInto, replayMailbox, type ReplayResult, type ReplayWarning } from '../place/mailbox-replay.ts';
import type { BusState } from '../place/apply-entry.ts';
import type { FsyncPolicy } from '../place/config.ts';
import type { LogEntry } from '../place/mailbox-entries.ts';

/** Bounds what a power loss can take under the `interval` policy, at the cost of one fdatasync per window. */
export const FSYNC_INTERVAL_MS = 200;

/**
 * Ends a line a failed write left behind: a NUL is not JSON whitespace, so even a line that lost
 * only its newline is skipped on replay instead of coming back as a refused message.
 */
const TORN_LINE_END = '\u0000\n';

/** Entries a compaction serialises between two turns of the event loop. */
const COMPACT_SLICE = 500;


/** The log behind a small interface: a distributed log can stand in for the file later. */
export interface MailboxLog {
  readonly path: string;
  replay(): ReplayResult;
  /** Replays straight into `state` through the one reducer (the daemon's broker). */
  replayInto(state: BusState): { warnings: ReplayWarning[]; lines: number };
  append(entries: LogEntry[]): Promise<void>;
  /** Atomically replaces the whole log with `entries` (and what is appended meanwhile). */
  compact(entries: LogEntry[]): Promise<void>;
  close(): void;
}

interface PendingAppend {
  data: string;
  resolve: () => void;
  reject: (err: Error) => void;
}

export class JsonlMailboxLog implements MailboxLog {
  private fd: number | undefined;
  private pending: PendingAppend[] = [];
  private scheduled = false;
  private dirty = false;
  private fsyncTimer: NodeJS.Timeout | undefined;
  /** A background fdatasync is running; an fd replaced meanwhile is closed when it ends. */
  private syncing = false;
  private retiredFd: number | undefined;
  /** A compaction waiting for its new file to reach the disk: appends meanwhile are copied to it too. */
  private compacting: { tmp: string; appended: Buffer[] } | undefined;
  /** Bytes of the open file that hold only whole, acknowledged lines. */
  private goodSize = 0;
  /** A failed write left bytes that could not be cut off: start the next write on a fresh line. */
  private needsNewline = false;

  constructor(
    readonly path: string,
    private readonly policy: FsyncPolicy = 'interval',
    private readonly ops: FileOps = fs,
    /** Throws when this process may not write the mailbox now (it lost the mailbox lock): checked before each write. */
    private readonly writeGuard: () => void = () => undefined,
  ) {}

  replay(): ReplayResult {
    return replayMailbox(this.path, (file) => this.ops.readFileSync(file) as Buffer);
  }

  replayInto(state: BusState): { warnings: ReplayWarning[]; lines: number } {
    return replayInto(state, this.path, (file) => this.ops.readFileSync(file) as Buffer);
  }

  append(entries: LogEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    let data = '';
    for (const e of entries) data += JSON.stringify(e) + '\n';
    return new Promise((resolve, reject) => {
      this.pending.push({ data, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not a microtask: every request read in this I/O phase joins the batch.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let data = this.needsNewline ? TORN_LINE_END : '';
    for (const p of batch) data += p.data;
    try {
      this.writeGuard();
      const fd = this.open();
      const buf = Buffer.from(data, 'utf8');
      writeAll(this.ops, fd, buf);
      if (this.policy === 'always') this.ops.fdatasyncSync(fd);
      else this.scheduleFsync();
      this.goodSize += buf.length;
      this.needsNewline = false;
      this.compacting?.appended.push(buf);
    } catch (err) {
      this.cutTornWrite();
      this.closeFd();
      for (const p of batch) p.reject(err as Error);
      return;
    }
    for (const p of batch) p.resolve();
  }

  /**
   * A write that failed part way (disk full) may have left whole lines of entries whose senders
   * are told they failed, or a line missing only its newline: cut the file back to what was
   * acknowledged, so a refused message never comes back on replay. If even that fails, the
   * next write first ends the torn line so that replay skips it as corrupt.
   */
  private cutTornWrite(): void {
    if (this.fd === undefined) return;
    try {
      this.ops.ftruncateSync(this.fd, this.goodSize);
    } catch {
      this.needsNewline = true;
    }
  }

  private scheduleFsync(): void {
    this.dirty = true;
    if (this.fsyncTimer) return;
    this.fsyncTimer = setTimeout(() => {
      this.fsyncTimer = undefined;
      this.syncInBackground();
    }, FSYNC_INTERVAL_MS);
    this.fsyncTimer.unref();
  }

  /**
   * The interval sync runs in libuv's thread pool: an fdatasync can take tens of milliseconds,
   * and on the event loop it would stall every client for that long.
   */
  private syncInBackground(): void {
    if (!this.dirty || this.fd === undefined || this.syncing) return;
    const fd = this.fd;
    this.dirty = false;
    this.syncing = true;
    this.ops.fdatasync(fd, (err) => {
      this.syncing = false;
      if (this.retiredFd === fd) {
        this.retiredFd = undefined;
        this.closeQuietly(fd);
      } else if (err) {
        // Try again next window; a failing disk is reported by the next write to its sender.
        this.dirty = true;
      }
      if (this.dirty) this.scheduleFsync();
    });
  }

  private syncNow(): void {
    if (!this.dirty || this.fd === undefined) return;
    try {
      this.ops.fdatasyncSync(this.fd);
      this.dirty = false;
    } catch {
      // The next write reports the failure to its sender.
    }
  }

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    this.ops.mkdirSync(path.dirname(this.path), { recursive: true, mode: 0o700 });
    // a+, not a: the torn-tail check reads the file's last bytes.
    // Never through a symlink: a mailbox folder inside a project may hold one planted to a file of yours.
    const fd = this.ops.openSync(this.path, fs.constants.O_RDWR | fs.constants.O_APPEND | fs.constants.O_CREAT | fs.constants.O_NOFOLLOW, 0o600);
    try {
      const size = this.ops.fstatSync(fd).size;
      this.goodSize = wholeLinesEnd(this.ops, fd, size);
      if (this.goodSize < size) this.cutTornTail(fd, size);
    } catch (err) {
      this.ops.closeSync(fd);
      throw err;
    }
    this.fd = fd;
    return fd;
  }

  /** A torn last line is cut off; where the file cannot be cut, it is ended so replay skips it. */
  private cutTornTail(fd: number, size: number): void {
    try {
      this.ops.ftruncateSync(fd, this.goodSize);
    } catch {
      this.goodSize = size;
      this.needsNewline = true;
    }
  }

  private closeFd(): void {
    if (this.fd === undefined) return;
    // Closing under a running fdatasync could let the number be reused before it ends.
    if (this.syncing) this.retiredFd = this.fd;
    else this.closeQuietly(this.fd);
    this.fd = undefined;
  }

  private closeQuietly(fd: number): void {
    try {
      this.ops.closeSync(fd);
    } catch {
      // Already gone.
    }
  }

  /**
   * Writes the snapshot to a new file and swaps it in by rename. The new file's fsync, which can
   * take tens of milliseconds for a big log, runs in the thread pool; what is appended to the old
   * file meanwhile is copied to the new one before the swap, so nothing acknowledged is left out.
   */
  async compact(entries: LogEntry[]): Promise<void> {
    if (this.compacting) return;
    const tmp = `${this.path}.${process.pid}.tmp`;
    this.ops.mkdirSync(path.dirname(this.path), { recursive: true, mode: 0o700 });
    const fd = this.ops.openSync(tmp, 'w', 0o600);
    const state = { tmp, appended: [] as Buffer[] };
    this.compacting = state;
    try {
      // In slices, yielding between them: a big log serialised in one go stalls every client.
      for (let i = 0; i < entries.length; i += COMPACT_SLICE) {
        let data = '';
        for (const e of entries.slice(i, i + COMPACT_SLICE)) data += JSON.stringify(e) + '\n';
        writeAll(this.ops, fd, Buffer.from(data, 'utf8'));
        await new Promise((resolve) => setImmediate(resolve));
      }
      await new Promise<void>((resolve, reject) => this.ops.fsync(fd, (err) => (err ? reject(err) : resolve())));
      // From here to the rename, all in this turn: no append can fall between.
      for (const buf of state.appended) writeAll(this.ops, fd, buf);
      if (state.appended.length > 0 && this.policy === 'always') this.ops.fsyncSync(fd);
    } catch (err) {
      this.ops.closeSync(fd);
      try {
        this.ops.unlinkSync(tmp);
      } catch {
        // Left for the next compaction to overwrite.
      }
      throw err;
    } finally {
      this.compacting = undefined;
    }
    this.ops.closeSync(fd);
    this.closeFd();
    this.ops.renameSync(tmp, this.path);
    this.needsNewline = false;
    syncDirInBackground(this.ops, path.dirname(this.path));
  }

  close(): void {
    if (this.compacting) {
      try {
        this.ops.unlinkSync(this.compacting.tmp);
      } catch {
        // Already gone.
      }
    }
    this.syncNow();
    if (this.fsyncTimer) clearTimeout(this.fsyncTimer);
    this.fsyncTimer = undefined;
    this.closeFd();
  }
}
