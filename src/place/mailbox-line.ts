/**
 * What a mailbox line may hold, checked by hand: the one reader of mailbox lines, for the daemon
 * and the CLI alike (the CLI reads the mailbox when no daemon runs, and should not load zod to
 * do it). Unknown keys are dropped; a wrong type, a time past year 9999 or a seq with no room
 * is refused with the reason. test/mailbox/mailbox-line.test.ts holds it to a zod schema of the
 * same shape, as an oracle.
 */
import { MESSAGE_KINDS, type MessageKind } from '../protocol/messages.ts';
import { MAX_SEQ, MAX_TS } from '../protocol/limits.ts';
import type { LogEntry, MessageEntry } from './mailbox-entries.ts';

type Fields = Record<string, unknown>;
/** A field check: the value kept, or a reason. Optional fields are checked only when present. */
type Check = (v: unknown) => { ok: unknown } | string;

const str: Check = (v) => (typeof v === 'string' ? { ok: v } : 'expected a string');
const int = (min: number, max: number): Check => (v) => (Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max ? { ok: v } : `expected an integer from ${min} to ${max}`);
const time: Check = (v) => (typeof v === 'number' && v >= 0 && v <= MAX_TS ? { ok: v } : 'time out of range');
const kind: Check = (v) => (MESSAGE_KINDS.includes(v as MessageKind) ? { ok: v } : `expected one of ${MESSAGE_KINDS.join(', ')}`);
const list = (item: Check): Check => (v) => {
  if (!Array.isArray(v)) return 'expected a list';
  const out: unknown[] = [];
  for (const x of v) {
    const r = item(x);
    if (typeof r === 'string') return r;
    out.push(r.ok);
  }
  return { ok: out };
};
const counts: Check = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected an object';
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(v)) {
    if (!Number.isSafeInteger(n) || (n as number) < 0) return 'expected counts';
    out[k] = n as number;
  }
  return { ok: out };
};
const object = (shape: Record<string, Check>, optional: Record<string, Check> = {}): Check => (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected an object';
  const out: Fields = {};
  for (const [key, check] of Object.entries(shape)) {
    const r = check((v as Fields)[key]);
    if (typeof r === 'string') return `${key}: ${r}`;
    out[key] = r.ok;
  }
  for (const [key, check] of Object.entries(optional)) {
    const value = (v as Fields)[key];
    if (value === undefined) continue;
    const r = check(value);
    if (typeof r === 'string') return `${key}: ${r}`;
    out[key] = r.ok;
  }
  return { ok: out };
};

const seq = int(1, MAX_SEQ);
const position = int(0, MAX_SEQ);

const ENTRIES: Record<LogEntry['type'], Check> = {
  msg: object({ seq, ts: time, origin: object({ sessionId: str, pid: int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) }), from: str, kind, text: str }, { to: list(str), host: str, remoteId: str }),
  session: object({ id: str, ids: list(str), pids: list(int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)), label: str, firstSeen: time }, { cwd: str }),
  cursor: object({ id: str, seq: position, ts: time }),
  meta: object({ lastSeq: position, compactedAt: time }),
  claim: object({ resource: str, holder: str, label: str, since: time }, { expiresAt: time, note: str }),
  release: object({ resource: str, holder: str, ts: time }),
  fed: object({ published: int(0, Number.MAX_SAFE_INTEGER) }, { received: counts }),
  touch: object({ id: str, tree: str, paths: list(str), ts: time }),
  settle: object({ id: str, ts: time }, { tree: str, paths: list(str) }),
};

/** A parsed JSON value as a mailbox entry, or why it is not one. */
export function readEntry(value: unknown): LogEntry | string {
  const fast = messageFastPath(value);
  if (fast) return fast;
  const type = typeof value === 'object' && value !== null ? (value as Fields).type : undefined;
  const check = typeof type === 'string' && Object.hasOwn(ENTRIES, type) ? ENTRIES[type as LogEntry['type']] : undefined;
  if (!check) return 'not a mailbox entry (unknown type); skipped';
  const r = check(value);
  if (typeof r === 'string') return `not a mailbox entry (${r}); skipped`;
  return { type, ...(r.ok as Fields) } as LogEntry;
}

/**
 * The shape almost every line has, in one pass and no copies of parts: parsing 100,000 messages
 * through the general reader was most of a restart. Only an exact match takes this path; every
 * other line goes through the general reader, which has the wording.
 */
export function messageFastPath(v: unknown): MessageEntry | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const m = v as Fields;
  if (m.type !== 'msg') return undefined;
  const { seq, ts, origin, from, kind, text, to } = m;
  if (Object.keys(m).length !== (to === undefined ? 7 : 8)) return undefined;
  if (!Number.isSafeInteger(seq) || (seq as number) <= 0 || (seq as number) > MAX_SEQ || typeof ts !== 'number' || !(ts >= 0 && ts <= MAX_TS)) return undefined;
  if (typeof from !== 'string' || typeof text !== 'string' || !MESSAGE_KINDS.includes(kind as MessageKind)) return undefined;
  if (typeof origin !== 'object' || origin === null || Array.isArray(origin) || Object.keys(origin).length !== 2) return undefined;
  const { sessionId, pid } = origin as Fields;
  if (typeof sessionId !== 'string' || !Number.isSafeInteger(pid)) return undefined;
  if (to !== undefined && !(Array.isArray(to) && to.every((t) => typeof t === 'string'))) return undefined;
  const record: MessageEntry = { type: 'msg', seq: seq as number, ts, origin: { sessionId, pid: pid as number }, from, kind: kind as MessageKind, text };
  if (to !== undefined) record.to = to as string[];
  return record;
}
