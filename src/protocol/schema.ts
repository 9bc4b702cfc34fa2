/**
 * zod schemas for what the daemon accepts: method parameters and mailbox lines. Daemon-only:
 * clients (the hook above all) do not import zod.
 */
import { z } from 'zod';
import { MAX_LABEL_CHARS } from './limits.ts';
import { DELIVERY_PATHS, MESSAGE_KINDS, WAKE_POLICIES } from './messages.ts';

export const Kind = z.enum(MESSAGE_KINDS);

const identity = {
  sessionId: z.string().min(1).max(128),
  pid: z.number().int().min(0),
  label: z.string().min(1).max(MAX_LABEL_CHARS),
  cwd: z.string().max(4096).optional(),
};

/** Length limits on `text` are checked by the handler, to answer with the byte count. */
export const ParamSchemas = {
  hello: z.object({ protocol: z.number().int(), version: z.string().max(64), root: z.string().max(4096) }),
  register: z.object({ ...identity, live: z.boolean().optional(), push: z.enum(WAKE_POLICIES).optional() }),
  rewind: z.object({ ...identity, from: z.number().int().min(0), to: z.number().int().min(0) }),
  broadcast: z.object({
    ...identity,
    text: z.string(),
    kind: Kind.optional(),
    to: z.union([z.string().min(1).max(128), z.array(z.string().min(1).max(128)).min(1).max(32)]).optional(),
  }),
  claim: z.object({
    ...identity,
    resource: z.string().trim().min(1).max(512),
    ttlSeconds: z.number().positive().max(7 * 24 * 3600).optional(),
    note: z.string().max(200).optional(),
  }),
  release: z.object({ ...identity, resource: z.string().trim().min(1).max(512) }),
  claims: z.object({}).passthrough(),
  peers: z.object({ sessionId: z.string().max(128).optional() }),
  end: z.object({ ...identity, reason: z.string().max(100).optional() }),
  brief: z.object({ ...identity, backfillMinutes: z.number().min(0).max(7 * 24 * 60).optional() }),
  drain: z.object({
    ...identity,
    via: z.enum(DELIVERY_PATHS).optional(),
    maxChars: z.number().int().positive().optional(),
    backfillMinutes: z.number().min(0).max(7 * 24 * 60).optional(),
  }),
  inbox: z.object({ ...identity, limit: z.number().int().min(1).max(500).optional() }),
  status: z.object({}).passthrough(),
  shutdown: z.object({ reason: z.string().max(200).optional() }),
} as const;

const Origin = z.object({ sessionId: z.string(), pid: z.number().int() });

export const LogEntrySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('msg'),
    seq: z.number().int().positive(),
    ts: z.number(),
    origin: Origin,
    from: z.string(),
    kind: Kind,
    text: z.string(),
    to: z.array(z.string()).optional(),
    host: z.string().optional(),
    remoteId: z.string().optional(),
  }),
  z.object({
    type: z.literal('session'),
    id: z.string(),
    ids: z.array(z.string()),
    pids: z.array(z.number().int()),
    label: z.string(),
    cwd: z.string().optional(),
    firstSeen: z.number(),
  }),
  z.object({ type: z.literal('cursor'), id: z.string(), seq: z.number().int().min(0), ts: z.number() }),
  z.object({ type: z.literal('meta'), lastSeq: z.number().int().min(0), compactedAt: z.number() }),
  z.object({
    type: z.literal('claim'),
    resource: z.string(),
    holder: z.string(),
    label: z.string(),
    since: z.number(),
    expiresAt: z.number().optional(),
    note: z.string().optional(),
  }),
  z.object({ type: z.literal('release'), resource: z.string(), holder: z.string(), ts: z.number() }),
  z.object({
    type: z.literal('fed'),
    published: z.number().int().min(0),
    received: z.record(z.string(), z.number().int().min(0)).optional(),
  }),
]);
