/**
 * Reading the mailbox back: the fold of its lines into the state a daemon restores (and the CLI
 * shows when no daemon runs). Whatever the file holds — torn, planted, written by two daemons —
 * replay never throws on a line: it skips or repairs it and says why in a warning.
 */
import * as fs from 'node:fs';
import { MESSAGE_KINDS, type MessageKind, type MessageRecord } from '../protocol/messages.ts';
import { MAX_SEQ, MAX_TS } from '../protocol/limits.ts';
import { LogEntrySchema } from '../protocol/schema.ts';
import type { CursorEntry, FederationPosition, LogEntry, RestoredState, SessionEntry } from './mailbox-entries.ts';
import { applyClaimEntry, claimMap } from './apply-entry.ts';
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

export function replayMailbox(file: string, readFile: (file: string) => Buffer = (f) => fs.readFileSync(f)): ReplayResult {
  const warnings: ReplayWarning[] = [];
  const state: RestoredState = { lastSeq: 0, messages: [], sessions: [], cursors: new Map(), claims: new Map() };
  assertRegularFile(file);
  let raw: Buffer;
  try {
    raw = readFile(file);
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
      else if (!('type' in entry)) applyMessage(entry, state, seen, lineNo, warnings, displaced);
      else {
        applyEntry(entry, state, sessions, seen, lineNo, warnings, displaced);
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

function applyMessage(record: MessageRecord, state: RestoredState, seen: Map<number, MessageRecord>, line: number, warnings: ReplayWarning[], displaced: { record: MessageRecord; line: number }[]): void {
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

function applyEntry(
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
      applyMessage(record as MessageRecord, state, seen, line, warnings, displaced);
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
    case 'claim':
    case 'release':
      applyClaimEntry(claimMap(state.claims), entry);
      return;
    case 'fed': {
      const fed = (state.federation ??= { received: new Map<string, number>() } as FederationPosition);
      fed.published = Math.max(fed.published ?? 0, entry.published);
      for (const [host, seq] of Object.entries(entry.received ?? {})) fed.received.set(host, Math.max(fed.received.get(host) ?? 0, seq));
      return;
    }
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

/** The same message twice (a line copied, a takeover run twice), not two messages given one seq. */
function sameMessage(a: MessageRecord, b: MessageRecord): boolean {
  return a.ts === b.ts && a.text === b.text && a.kind === b.kind && a.from === b.from && a.origin.sessionId === b.origin.sessionId && a.remoteId === b.remoteId;
}
