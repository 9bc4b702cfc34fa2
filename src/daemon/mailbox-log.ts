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
import { MESSAGE_KINDS, type MessageKind, type MessageRecord } from '../protocol/messages.ts';
import { MAX_SEQ, MAX_TS } from '../protocol/limits.ts';
import { LogEntrySchema } from '../protocol/schema.ts';
import type { FederationPosition, RestoredState } from './broker.ts';
import type { CursorEntry, LogEntry, SessionEntry } from './log-entries.ts';
import { assertRegularFile } from '../place/mailbox-file.ts';

export type FsyncPolicy = 'interval' | 'always';

/** Bounds what a power loss can take under the `interval` policy, at the cost of one fdatasync per window. */
export const FSYNC_INTERVAL_MS = 200;

/**
 * Ends a line a failed write left behind: a NUL is not JSON whitespace, so even a line that lost
 * only its newline is skipped on replay instead of coming back as a refused message.
 */
const TORN_LINE_END = '\u0000\n';

/** Entries a compaction serialises between two turns of the event loop. */
const COMPACT_SLICE = 500;

/**
 * The highest seq replay takes. A daemon counts from 1 and would need centuries to come near
 * MAX_SEQ; a seq up there was written by hand (a planted mailbox), and taking it would leave
 * the next acked seq past what replay accepts, so every later message would vanish at restart.
 */
const SEQ_CEILING = MAX_SEQ - 2 ** 32;

/** A line this long cannot be ours (a message is ≤ 4 KiB); skip it without parsing. */
const MAX_LOG_LINE_BYTES = 256 * 1024;

export type FileOps = Pick<
  typeof fs,
  | 'openSync'
  | 'readSync'
  | 'writeSync'
  | 'fdatasync'
  | 'fdatasyncSync'
  | 'fsync'
  | 'fsyncSync'
  | 'unlinkSync'
  | 'fstatSync'
  | 'ftruncateSync'
  | 'closeSync'
  | 'renameSync'
  | 'mkdirSync'
  | 'readFileSync'
  | 'existsSync'
  | 'chmodSync'
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
    const warnings: ReplayWarning[] = [];
    const state: RestoredState = { lastSeq: 0, messages: [], sessions: [], cursors: new Map(), claims: new Map() };
    assertRegularFile(this.path);
    let raw: Buffer;
    try {
      raw = this.ops.readFileSync(this.path) as Buffer;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state, warnings, lines: 0 };
      throw err;
    }
    const sessions = new Map<string, SessionEntry>();
    const seen = new Map<number, MessageRecord>();
    const displaced: { record: MessageRecord; line: number }[] = [];
    const cursorLines = new Map<string, number>();
    let lineNo = 0;
    let start = 0;
    while (start < raw.length) {
      let end = raw.indexOf(0x0a, start);
      lineNo += 1;
      if (end === -1) {
        // A write cut short (SIGKILL, disk full): its sender was never answered. Not replayed,
        // and cut off before the next append (open) so nothing new is glued onto it.
        warnings.push({ line: lineNo, reason: `last line (${raw.length - start} bytes) is torn by an interrupted write; cut` });
        break;
      }
      const bytes = end - start;
      if (bytes > MAX_LOG_LINE_BYTES) {
        warnings.push({ line: lineNo, reason: `line of ${bytes} bytes is too long; skipped` });
      } else if (bytes > 0) {
        const entry = parseLine(raw.toString('utf8', start, end));
        if (typeof entry === 'string') warnings.push({ line: lineNo, reason: entry });
        else if (!('type' in entry)) this.applyMessage(entry, state, seen, lineNo, warnings, displaced);
        else {
          this.apply(entry, state, sessions, seen, lineNo, warnings, displaced);
          if (entry.type === 'cursor') cursorLines.set(entry.id, lineNo);
        }
      }
      start = end + 1;
    }
    // Two daemons wrote one mailbox (an older version, or a split before the mailbox lock): a
    // second message under a seq already taken is placed after the last one, not dropped.
    for (const { record, line } of displaced) {
      const seq = ++state.lastSeq;
      warnings.push({ line, reason: `seq ${record.seq} was given to two different messages; this one is kept as seq ${seq}` });
      state.messages.push({ ...record, seq });
    }
    // A position past every seq ever given would make its session deaf until seq caught up.
    for (const [id, c] of state.cursors) {
      if (c.seq <= state.lastSeq) continue;
      warnings.push({ line: cursorLines.get(id) ?? 0, reason: `position ${c.seq} of session ${id} is past the last seq ${state.lastSeq}; moved back to it` });
      state.cursors.set(id, { ...c, seq: state.lastSeq });
    }
    // A claim whose holder the log never saw can never end by its holder's leaving: planted.
    for (const [resource, claim] of state.claims) {
      if (sessions.has(claim.holder)) continue;
      warnings.push({ line: 0, reason: `claim on ${JSON.stringify(resource)} is held by a session the mailbox does not know (${JSON.stringify(claim.holder)}); dropped` });
      state.claims.delete(resource);
    }
    state.sessions = [...sessions.values()];
    state.messages.sort((a, b) => a.seq - b.seq);
    return { state, warnings, lines: lineNo };
  }

  private applyMessage(record: MessageRecord, state: RestoredState, seen: Map<number, MessageRecord>, line: number, warnings: ReplayWarning[], displaced: { record: MessageRecord; line: number }[]): void {
    if (record.seq > SEQ_CEILING) {
      warnings.push({ line, reason: `seq ${record.seq} leaves no room for new messages (not written by a daemon); skipped` });
      return;
    }
    const first = seen.get(record.seq);
    if (first) {
      if (sameMessage(first, record)) warnings.push({ line, reason: `message ${record.seq} is in the log twice; kept once` });
      else displaced.push({ record, line });
      return;
    }
    seen.set(record.seq, record);
    state.messages.push(record);
    state.lastSeq = Math.max(state.lastSeq, record.seq);
  }

  private apply(
    entry: LogEntry,
    state: RestoredState,
    sessions: Map<string, SessionEntry>,
    seen: Map<number, MessageRecord>,
    line: number,
    warnings: ReplayWarning[],
    displaced: { record: MessageRecord; line: number }[],
  ): void {
    switch (entry.type) {
      case 'msg': {
        const { type: _type, ...record } = entry;
        this.applyMessage(record as MessageRecord, state, seen, line, warnings, displaced);
        return;
      }
      case 'session':
        sessions.set(entry.id, entry);
        return;
      case 'cursor':
        state.cursors.set(entry.id, entry as CursorEntry);
        return;
      case 'meta':
        if (entry.lastSeq > SEQ_CEILING) warnings.push({ line, reason: `last seq ${entry.lastSeq} leaves no room for new messages (not written by a daemon); skipped` });
        else state.lastSeq = Math.max(state.lastSeq, entry.lastSeq);
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

/** A log line: a message (the common case, as a record), another entry, or why it was skipped. */
function parseLine(text: string): MessageRecord | LogEntry | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON (truncated or corrupt); skipped';
  }
  const message = messageFastPath(value);
  if (message) return message;
  const parsed = LogEntrySchema.safeParse(value);
  if (!parsed.success) return `not a mailbox entry (${parsed.error.issues[0]?.message ?? 'wrong shape'}); skipped`;
  return parsed.data as LogEntry;
}

/**
 * The shape almost every line has, checked by hand: zod's parse of 100,000 messages was most of
 * a restart. Only an exact match takes this path — any other type, an extra key, a wrong type —
 * and everything else goes through the schema, which has the last word and the wording.
 * test/unit/mailbox-fast-path.test.ts holds it to agree with the schema.
 */
export function messageFastPath(v: unknown): MessageRecord | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const m = v as Record<string, unknown>;
  if (m.type !== 'msg') return undefined;
  const { seq, ts, origin, from, kind, text, to } = m;
  if (Object.keys(m).length !== (to === undefined ? 7 : 8)) return undefined;
  if (!Number.isSafeInteger(seq) || (seq as number) <= 0 || (seq as number) > MAX_SEQ || typeof ts !== 'number' || !(ts >= 0 && ts <= MAX_TS)) return undefined;
  if (typeof from !== 'string' || typeof text !== 'string' || !MESSAGE_KINDS.includes(kind as MessageKind)) return undefined;
  if (typeof origin !== 'object' || origin === null || Array.isArray(origin) || Object.keys(origin).length !== 2) return undefined;
  const { sessionId, pid } = origin as Record<string, unknown>;
  if (typeof sessionId !== 'string' || !Number.isSafeInteger(pid)) return undefined;
  if (to !== undefined && !(Array.isArray(to) && to.every((t) => typeof t === 'string'))) return undefined;
  const record: MessageRecord = { seq: seq as number, ts, origin: { sessionId, pid: pid as number }, from, kind: kind as MessageKind, text };
  if (to !== undefined) record.to = to as string[];
  return record;
}

/** Where the last whole line of the file ends: after its last newline (0 when it has none). */
function wholeLinesEnd(ops: FileOps, fd: number, size: number): number {
  const chunk = Buffer.alloc(64 * 1024);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const n = ops.readSync(fd, chunk, 0, end - start, start);
    const at = chunk.subarray(0, n).lastIndexOf(0x0a);
    if (at !== -1) return start + at + 1;
    end = start;
  }
  return 0;
}

/** The same message twice (a line copied, a takeover run twice), not two messages given one seq. */
function sameMessage(a: MessageRecord, b: MessageRecord): boolean {
  return a.ts === b.ts && a.text === b.text && a.kind === b.kind && a.from === b.from && a.origin.sessionId === b.origin.sessionId && a.remoteId === b.remoteId;
}

function writeAll(ops: FileOps, fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) off += ops.writeSync(fd, buf, off, buf.length - off);
}

/** Makes a rename durable. Until it is, a power loss leaves the old file, which holds everything too. */
function syncDirInBackground(ops: FileOps, dir: string): void {
  let fd: number;
  try {
    fd = ops.openSync(dir, 'r');
  } catch {
    return;
  }
  ops.fsync(fd, () => {
    // Not every platform can fsync a directory; the rename is still atomic.
    ops.closeSync(fd);
  });
}
