/**
 * zod schemas of the wire methods' parameters, next to their only user: the daemon checks every
 * request against them (dispatch.ts). Clients, the hook above all, do not import zod. Each
 * schema is built the first time it is used: building them all took 20–45 ms of every daemon
 * start, paid before the first answer. The daemon loads this module (and zod) on the first
 * request its quick checks cannot settle (schema-loader.ts, quick-params.ts).
 */
import * as z from 'zod';
import { MAX_HISTORY_LIMIT, MAX_LABEL_CHARS, MAX_LEASE_MS, MAX_SEQ } from '../protocol/limits.ts';
import { DELIVERY_PATHS, MESSAGE_KINDS, WAKE_POLICIES } from '../protocol/messages.ts';
import { ONE_LINE } from '../protocol/sanitize.ts';

export const Kind = z.enum(MESSAGE_KINDS);

const ONE_LINE_MESSAGE = 'must be one line without control characters';

const identity = () => ({
  sessionId: z.string().min(1).max(128).regex(ONE_LINE, ONE_LINE_MESSAGE),
  pid: z.number().int().min(0),
  label: z.string().min(1).max(MAX_LABEL_CHARS).regex(ONE_LINE, ONE_LINE_MESSAGE),
  cwd: z.string().max(4096).optional(),
});

/** An object whose properties are built by their functions on first read, then kept. */
function lazily<T extends Record<string, unknown>>(build: { [K in keyof T]: () => T[K] }): T {
  const out = {} as T;
  for (const key of Object.keys(build) as (keyof T & string)[]) {
    let value: T[typeof key] | undefined;
    Object.defineProperty(out, key, { enumerable: true, get: () => (value ??= build[key]()) });
  }
  return out;
}

/** Length limits on `text` are checked by the handler, to answer with the byte count. */
export const ParamSchemas = lazily({
  hello: () => z.object({ protocol: z.number().int(), version: z.string().max(64), root: z.string().max(4096) }),
  register: () => z.object({ ...identity(), live: z.boolean().optional(), push: z.enum(WAKE_POLICIES).optional() }),
  broadcast: () => z.object({
    ...identity(),
    text: z.string(),
    kind: Kind.optional(),
    to: z.union([z.string().min(1).max(128), z.array(z.string().min(1).max(128)).min(1).max(32)]).optional(),
  }),
  claim: () => z.object({
    ...identity(),
    resource: z.string().trim().min(1).max(512).regex(ONE_LINE, ONE_LINE_MESSAGE),
    ttlSeconds: z.number().positive().max(7 * 24 * 3600).optional(),
    note: z.string().max(200).optional(),
  }),
  release: () => z.object({ ...identity(), resource: z.string().trim().min(1).max(512).regex(ONE_LINE, ONE_LINE_MESSAGE) }),
  claims: () => z.object({}).passthrough(),
  recordEdit: () => z.object({ ...identity(), paths: z.array(z.string().min(1).max(4096)).min(1).max(64), tool: z.string().max(64).regex(ONE_LINE, ONE_LINE_MESSAGE) }),
  workingSets: () => z.object({ ...identity(), dir: z.string().max(4096).optional() }),
  checkEdit: () => z.object({ ...identity(), paths: z.array(z.string().min(1).max(4096)).min(1).max(64), tool: z.string().max(64).regex(ONE_LINE, ONE_LINE_MESSAGE), record: z.boolean().optional() }),
  peers: () => z.object({ sessionId: z.string().max(128).optional() }),
  end: () => z.object({ ...identity(), reason: z.string().max(100).optional() }),
  brief: () => z.object({ ...identity(), backfillMinutes: z.number().min(0).max(7 * 24 * 60).optional() }),
  peek: () => z.object({
    ...identity(),
    maxChars: z.number().int().positive().optional(),
    backfillMinutes: z.number().min(0).max(7 * 24 * 60).optional(),
    leaseMs: z.number().int().min(1).max(MAX_LEASE_MS).optional(),
  }),
  ack: () => z.object({ ...identity(), upTo: z.number().int().min(0).max(MAX_SEQ), via: z.enum(DELIVERY_PATHS).optional() }),
  drain: () => z.object({
    ...identity(),
    via: z.enum(DELIVERY_PATHS).optional(),
    maxChars: z.number().int().positive().optional(),
    backfillMinutes: z.number().min(0).max(7 * 24 * 60).optional(),
  }),
  inbox: () => z.object({ ...identity(), limit: z.number().int().min(1).max(500).optional() }),
  status: () => z.object({}).passthrough(),
  shutdown: () => z.object({ reason: z.string().max(200).optional() }),
  history: () => z.object({
    sinceTs: z.number().optional(),
    from: z.array(z.string().min(1).max(128)).max(32).optional(),
    kinds: z.array(Kind).max(MESSAGE_KINDS.length).optional(),
    grep: z.string().min(1).max(512).optional(),
    beforeSeq: z.number().int().min(0).optional(),
    afterSeq: z.number().int().min(0).optional(),
    limit: z.number().int().min(0).max(MAX_HISTORY_LIMIT).optional(),
  }),
  subscribe: () => z.object({
    afterSeq: z.number().int().min(0).optional(),
    limit: z.number().int().min(0).max(MAX_HISTORY_LIMIT).optional(),
  }),
});
