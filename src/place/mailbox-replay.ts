/**
 * Reading the mailbox back: the fold of its lines into the state a daemon restores (and the CLI
 * shows when no daemon runs). Whatever the file holds — torn, planted, written by two daemons —
 * replay never throws on a line: it skips or repairs it and says why in a warning.
 */
import * as fs from 'node:fs';
import type { MessageRecord } from '../protocol/messages.ts';
import { MAX_SEQ } from '../protocol/limits.ts';
import { readEntry } from './mailbox-line.ts';
import type { CursorEntry, LogEntry, MessageEntry, RestoredState } from './mailbox-entries.ts';
import { applyEntry, type BusState } from './apply-entry.ts';
import { RestoredStateBuilder } from './restored-state.ts';
import { assertRegularFile } from './mailbox-file.ts';

/**
 * The highest seq replay takes. A daemon counts from 1 and would need centuries to come near
 * MAX_SEQ; a seq up there was written by hand (a planted mailbox), and taking it would leave
 * the next acked seq past what replay accepts, so every later message would vanish at restart.
 */
const SEQ_CEILING = MAX_SEQ - 2 ** 32;

/** A line this long cannot be ours (a message is ≤ 4 KiB); skip it without parsing. */
const MAX_LOG_LINE_BYTES = 256 * 1024;

export interface ReplayWarning {
  line: number;
  reason: string;
}

export interface ReplayResult {
  state: RestoredState;
  warnings: ReplayWarning[];
  lines: number;
}

/** The mailbox folded into a plain RestoredState (the CLI, takeover, tests). */
export function replayMailbox(file: string, readFile: (file: string) => Buffer = (f) => fs.readFileSync(f)): ReplayResult {
  const into = new RestoredStateBuilder();
  const { warnings, lines } = replayInto(into, file, readFile);
  return { state: into.finish(), warnings, lines };
}

/**
 * Applies every entry of the mailbox to `state` with the one reducer (applyEntry), in file order,
 * after checking it: what cannot be placed is repaired or skipped here, with a warning.
 */
export function replayInto(state: BusState, file: string, readFile: (file: string) => Buffer = (f) => fs.readFileSync(f)): { warnings: ReplayWarning[]; lines: number } {
  const warnings: ReplayWarning[] = [];
  assertRegularFile(file);
  let raw: Buffer;
  try {
    raw = readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { warnings, lines: 0 };
    throw err;
  }
  const check = new EntryCheck(warnings);
  let lineNo = 0;
  let start = 0;
  while (start < raw.length) {
    const end = raw.indexOf(0x0a, start);
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
      else if (check.accepts(entry, lineNo)) applyEntry(state, entry);
    }
    start = end + 1;
  }
  for (const entry of check.repairs()) applyEntry(state, entry);
  return { warnings, lines: lineNo };
}

/**
 * What replay refuses or repairs, entry by entry: a seq with no room to grow, a seq given to two
 * messages, a claim whose holder the log never saw, a position past every seq. Live commits never
 * write these; a planted, torn or doubly written mailbox can hold them.
 */
class EntryCheck {
  private lastSeq = 0;
  private readonly seen = new Map<number, MessageRecord>();
  private readonly sessions = new Set<string>();
  private readonly cursors = new Map<string, { entry: CursorEntry; line: number }>();
  private readonly displaced: { record: MessageRecord; line: number }[] = [];

  constructor(private readonly warnings: ReplayWarning[]) {}

  accepts(entry: LogEntry, line: number): boolean {
    switch (entry.type) {
      case 'msg':
        return this.message(entry, line);
      case 'meta':
        if (entry.lastSeq > SEQ_CEILING) return this.skip(line, `last seq ${entry.lastSeq} leaves no room for new messages (not written by a daemon); skipped`);
        this.lastSeq = Math.max(this.lastSeq, entry.lastSeq);
        return true;
      case 'session':
        this.sessions.add(entry.id);
        return true;
      case 'cursor':
        this.cursors.set(entry.id, { entry, line });
        return true;
      case 'claim':
        // Every session's record comes before its first claim (a claim is decided for a known
        // session, and a snapshot writes sessions first): a claim by no session is planted, and
        // could never end by its holder's leaving.
        if (!this.sessions.has(entry.holder)) return this.skip(line, `claim on ${JSON.stringify(entry.resource)} is held by a session the mailbox does not know (${JSON.stringify(entry.holder)}); dropped`);
        return true;
      default:
        return true;
    }
  }

  /** Entries that end the replay: displaced messages under new seqs, positions moved back. */
  repairs(): LogEntry[] {
    const out: LogEntry[] = [];
    // Two daemons wrote one mailbox (an older version, or a split before the mailbox lock): a
    // second message under a seq already taken is placed after the last one, not dropped.
    for (const { record, line } of this.displaced) {
      const seq = ++this.lastSeq;
      this.warnings.push({ line, reason: `seq ${record.seq} was given to two different messages; this one is kept as seq ${seq}` });
      out.push({ type: 'msg', ...record, seq });
    }
    // A position past every seq ever given would make its session deaf until seq caught up.
    for (const [id, { entry, line }] of this.cursors) {
      if (entry.seq <= this.lastSeq) continue;
      this.warnings.push({ line, reason: `position ${entry.seq} of session ${id} is past the last seq ${this.lastSeq}; moved back to it` });
      out.push({ ...entry, seq: this.lastSeq });
    }
    return out;
  }

  private message(entry: MessageEntry, line: number): boolean {
    if (entry.seq > SEQ_CEILING) return this.skip(line, `seq ${entry.seq} leaves no room for new messages (not written by a daemon); skipped`);
    const first = this.seen.get(entry.seq);
    if (first) {
      if (sameMessage(first, entry)) return this.skip(line, `message ${entry.seq} is in the log twice; kept once`);
      const { type: _type, ...record } = entry;
      this.displaced.push({ record, line });
      return false;
    }
    this.seen.set(entry.seq, entry);
    this.lastSeq = Math.max(this.lastSeq, entry.seq);
    return true;
  }

  private skip(line: number, reason: string): false {
    this.warnings.push({ line, reason });
    return false;
  }
}

/** A log line: an entry, or why it was skipped. */
function parseLine(text: string): LogEntry | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON (truncated or corrupt); skipped';
  }
  return readEntry(value);
}

/** The same message twice (a line copied, a takeover run twice), not two messages given one seq. */
function sameMessage(a: MessageRecord, b: MessageRecord): boolean {
  return a.ts === b.ts && a.text === b.text && a.kind === b.kind && a.from === b.from && a.origin.sessionId === b.origin.sessionId && a.remoteId === b.remoteId;
}
