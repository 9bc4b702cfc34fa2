/**
 * The params of the two requests a `session-bus send` makes (hello, broadcast), checked without
 * zod, so that a daemon started for a send never loads it (zod and the schemas were a fifth of
 * the daemon's start, before it could answer). A quick check only says yes: it returns the
 * params as the zod schema would (its keys in the schema's order, copies, nothing else) when
 * they are certainly valid, and undefined for anything else (an unknown key, a bound missed, a
 * shape it does not know), which the zod schema then decides and words (param-schemas.ts).
 * test/broker/quick-params.test.ts holds the two to the same answers.
 */
import { MAX_LABEL_CHARS } from '../protocol/limits.ts';
import { MESSAGE_KINDS } from '../protocol/messages.ts';
import { ONE_LINE } from '../protocol/sanitize.ts';

type Params = Record<string, unknown>;

const HELLO_KEYS = new Set(['protocol', 'version', 'root']);
const BROADCAST_KEYS = new Set(['sessionId', 'pid', 'label', 'cwd', 'text', 'kind', 'to']);

const isObject = (v: unknown): v is Params => typeof v === 'object' && v !== null && !Array.isArray(v);
const string = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const oneLine = (v: unknown, min: number, max: number): v is string => string(v, min, max) && ONE_LINE.test(v);
const onlyKeys = (v: Params, known: Set<string>) => Object.keys(v).every((k) => known.has(k));
const name = (v: unknown): v is string => string(v, 1, 128);

/** The params as zod would return them, or undefined: let zod decide. */
export function quickParams(method: string, raw: unknown): Params | undefined {
  // A key present with no value (in-process callers only; JSON has none) is zod's to place.
  if (!isObject(raw) || Object.values(raw).includes(undefined)) return undefined;
  if (method === 'hello') {
    const { protocol, version, root } = raw;
    if (!onlyKeys(raw, HELLO_KEYS) || !Number.isSafeInteger(protocol) || !string(version, 0, 64) || !string(root, 0, 4096)) return undefined;
    return { protocol, version, root };
  }
  if (method === 'broadcast') {
    const { sessionId, pid, label, cwd, text, kind, to } = raw;
    if (!onlyKeys(raw, BROADCAST_KEYS)) return undefined;
    if (!oneLine(sessionId, 1, 128) || !Number.isSafeInteger(pid) || (pid as number) < 0 || !oneLine(label, 1, MAX_LABEL_CHARS)) return undefined;
    if ((cwd !== undefined && !string(cwd, 0, 4096)) || typeof text !== 'string') return undefined;
    if (kind !== undefined && !(MESSAGE_KINDS as readonly unknown[]).includes(kind)) return undefined;
    if (to !== undefined && !name(to) && !(Array.isArray(to) && to.length >= 1 && to.length <= 32 && to.every(name))) return undefined;
    const out: Params = { sessionId, pid, label };
    if (cwd !== undefined) out.cwd = cwd;
    out.text = text;
    if (kind !== undefined) out.kind = kind;
    if (to !== undefined) out.to = Array.isArray(to) ? [...to] : to;
    return out;
  }
  return undefined;
}
