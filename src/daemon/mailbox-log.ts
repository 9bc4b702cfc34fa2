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
import type { MessageRecord } from '../protocol/messages.ts';
import { LogEntrySchema } from '../protocol/schema.ts';
import type { FederationPosition, RestoredState } from './broker.ts';
import type { CursorEntry, LogEntry, SessionEntry } from './log-entries.ts';

export type FsyncPolicy = 'interval' | 'always';

/** Bounds what a power loss can take under the `interval` policy, at the cost of one fdatasync per window. */
export const FSYNC_INTERVAL_MS = 200;

/** A line this long cannot be ours (a message is ≤ 4 KiB); skip it without parsing. */
const MAX_LOG_LINE_BYTES = 256 * 1024;

export type FileOps = Pick<
  typeof fs,
  'openSync' | 'writeSync' | 'fdatasyncSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'mkdirSync' | 'readFileSync' | 'existsSync' | 'chmodSync'
>;

export interface ReplayWarning {
  line: number;
  reason: string;
}

export interface ReplayResult {
  state: RestoredState;
  warnings: ReplayWarning[];
  lines: number;
}

/** The log behind a small interface: a distributed log can stand in for the file later. */
export interface MailboxLog {
  readonly path: string;
  replay(): ReplayResult;
  append(entries: LogEntry[]): Promise<void>;
  /** Atomically replaces the whole log with `entries`. */
  compact(entries: LogEntry[]): void;
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
  /** A failed write may have left half a line: start the next write on a fresh line. */
  private needsNewline = false;

  constructor(
    readonly path: string,
    private readonly policy: FsyncPolicy = 'interval',
    private readonly ops: FileOps = fs,
  ) {}

  replay(): ReplayResult {
    const warnings: ReplayWarning[] = [];
    const state: RestoredState = { lastSeq: 0, messages: [], sessions: [], cursors: new Map(), claims: new Map() };
    let raw: Buffer;
    try {
      raw = this.ops.readFileSync(this.path) as Buffer;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state, warnings, lines: 0 };
      throw err;
    }
    const sessions = new Map<string, SessionEntry>();
    const seen = new Set<number>();
    let lineNo = 0;
    let start = 0;
    while (start < raw.length) {
      let end = raw.indexOf(0x0a, start);
      if (end === -1) end = raw.length;
      lineNo += 1;
      const bytes = end - start;
      if (bytes > MAX_LOG_LINE_BYTES) {
        warnings.push({ line: lineNo, reason: `line of ${bytes} bytes is too long; skipped` });
      } else if (bytes > 0) {
        const entry = parseLine(raw.toString('utf8', start, end));
        if (typeof entry === 'string') warnings.push({ line: lineNo, reason: entry });
        else this.apply(entry, state, sessions, seen, lineNo, warnings);
      }
      start = end + 1;
    }
    state.sessions = [...sessions.values()];
    state.messages.sort((a, b) => a.seq - b.seq);
    return { state, warnings, lines: lineNo };
  }

  private apply(
    entry: LogEntry,
    state: RestoredState,
    sessions: Map<string, SessionEntry>,
    seen: Set<number>,
    line: number,
    warnings: ReplayWarning[],
  ): void {
    switch (entry.type) {
      case 'msg': {
        if (seen.has(entry.seq)) {
          warnings.push({ line, reason: `duplicate seq ${entry.seq}; kept the first` });
          return;
        }
        seen.add(entry.seq);
        const { type: _type, ...record } = entry;
        state.messages.push(record as MessageRecord);
        state.lastSeq = Math.max(state.lastSeq, entry.seq);
        return;
      }
      case 'session':
        sessions.set(entry.id, entry);
        return;
      case 'cursor':
        state.cursors.set(entry.id, entry as CursorEntry);
        return;
      case 'meta':
        state.lastSeq = Math.max(state.lastSeq, entry.lastSeq);
        return;
      case 'claim': {
        const { type: _t, ...claim } = entry;
        state.claims.set(claim.resource, claim);
        return;
      }
      case 'release':
        if (state.claims.get(entry.resource)?.holder === entry.holder) state.claims.delete(entry.resource);
        return;
      case 'fed': {
        const fed = (state.federation ??= { received: new Map<string, number>() } as FederationPosition);
        fed.published = Math.max(fed.published ?? 0, entry.published);
        for (const [host, seq] of Object.entries(entry.received ?? {})) fed.received.set(host, Math.max(fed.received.get(host) ?? 0, seq));
        return;
      }
    }
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
    let data = this.needsNewline ? '\n' : '';
    for (const p of batch) data += p.data;
    try {
      const fd = this.open();
      writeAll(this.ops, fd, Buffer.from(data, 'utf8'));
      this.needsNewline = false;
      if (this.policy === 'always') this.ops.fdatasyncSync(fd);
      else this.scheduleFsync();
    } catch (err) {
      this.needsNewline = true;
      this.closeFd();
      for (const p of batch) p.reject(err as Error);
      return;
    }
    for (const p of batch) p.resolve();
  }

  private scheduleFsync(): void {
    this.dirty = true;
    if (this.fsyncTimer) return;
    this.fsyncTimer = setTimeout(() => {
      this.fsyncTimer = undefined;
      this.syncNow();
    }, FSYNC_INTERVAL_MS);
    this.fsyncTimer.unref();
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
    this.fd = this.ops.openSync(this.path, 'a', 0o600);
    return this.fd;
  }

  private closeFd(): void {
    if (this.fd === undefined) return;
    try {
      this.ops.closeSync(this.fd);
    } catch {
      // Already gone.
    }
    this.fd = undefined;
  }

  compact(entries: LogEntry[]): void {
    const tmp = `${this.path}.${process.pid}.tmp`;
    let data = '';
    for (const e of entries) data += JSON.stringify(e) + '\n';
    this.ops.mkdirSync(path.dirname(this.path), { recursive: true, mode: 0o700 });
    const fd = this.ops.openSync(tmp, 'w', 0o600);
    try {
      writeAll(this.ops, fd, Buffer.from(data, 'utf8'));
      this.ops.fsyncSync(fd);
    } finally {
      this.ops.closeSync(fd);
    }
    // Pending appends were made against the old file: write them before it is replaced.
    this.syncNow();
    this.closeFd();
    this.ops.renameSync(tmp, this.path);
    fsyncDir(this.ops, path.dirname(this.path));
    this.needsNewline = false;
  }

  close(): void {
    this.syncNow();
    if (this.fsyncTimer) clearTimeout(this.fsyncTimer);
    this.fsyncTimer = undefined;
    this.closeFd();
  }
}

function parseLine(text: string): LogEntry | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON (truncated or corrupt); skipped';
  }
  const parsed = LogEntrySchema.safeParse(value);
  if (!parsed.success) return `not a mailbox entry (${parsed.error.issues[0]?.message ?? 'wrong shape'}); skipped`;
  return parsed.data as LogEntry;
}

function writeAll(ops: FileOps, fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) off += ops.writeSync(fd, buf, off, buf.length - off);
}

function fsyncDir(ops: FileOps, dir: string): void {
  try {
    const fd = ops.openSync(dir, 'r');
    try {
      ops.fsyncSync(fd);
    } finally {
      ops.closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory; the rename is still atomic.
  }
}
