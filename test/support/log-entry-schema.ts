/**
 * The mailbox line format as a zod schema: the oracle src/place/mailbox-line.ts (the hand-written
 * reader the daemon and the CLI use) is held to in test/unit/mailbox-line.test.ts.
 */
import * as z from 'zod';
import { MAX_SEQ, MAX_TS } from '../../src/protocol/limits.ts';
import { MESSAGE_KINDS } from '../../src/protocol/messages.ts';

const Kind = z.enum(MESSAGE_KINDS);
/** Every time a mailbox line carries is checked at the edge: renderers format it as a date. */
const TIME_MESSAGE = 'time out of range';
const Time = () => z.number().min(0, TIME_MESSAGE).max(MAX_TS, TIME_MESSAGE);

const Origin = () => z.object({ sessionId: z.string(), pid: z.number().int() });

export const LogEntrySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('msg'),
    seq: z.number().int().positive().max(MAX_SEQ),
    ts: Time(),
    origin: Origin(),
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
    firstSeen: Time(),
  }),
  z.object({ type: z.literal('cursor'), id: z.string(), seq: z.number().int().min(0).max(MAX_SEQ), ts: Time() }),
  z.object({ type: z.literal('meta'), lastSeq: z.number().int().min(0).max(MAX_SEQ), compactedAt: Time() }),
  z.object({
    type: z.literal('claim'),
    resource: z.string(),
    holder: z.string(),
    label: z.string(),
    since: Time(),
    expiresAt: Time().optional(),
    note: z.string().optional(),
  }),
  z.object({ type: z.literal('release'), resource: z.string(), holder: z.string(), ts: Time() }),
  z.object({ type: z.literal('touch'), id: z.string(), tree: z.string(), paths: z.array(z.string()), ts: Time() }),
  z.object({ type: z.literal('settle'), id: z.string(), tree: z.string().optional(), paths: z.array(z.string()).optional(), ts: Time() }),
  z.object({
    type: z.literal('fed'),
    published: z.number().int().min(0),
    received: z.record(z.string(), z.number().int().min(0)).optional(),
  }),
]);
