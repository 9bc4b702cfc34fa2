/**
 * What travels through NATS: names derived from the project key, and the JSON bodies of
 * messages, presence and claims. Every body from the network is validated before use.
 */
import * as z from 'zod';
import { filedLabel } from '../../protocol/labels.ts';
import { MAX_LABEL_CHARS, MAX_TEXT_BYTES } from '../../protocol/limits.ts';
import { cleanText, oneLine } from '../../protocol/sanitize.ts';
import { Kind } from '../param-schemas.ts';

export interface BusNames {
  /** Stream holding every host's messages. */
  stream: string;
  /** Subjects of the stream: `<prefix>.<hostId>` per host. */
  subjectPrefix: string;
  presenceBucket: string;
  claimsBucket: string;
}

export function busNames(project: string): BusNames {
  return {
    stream: `SBUS_${project}`,
    subjectPrefix: `sbus.${project}.msg`,
    presenceBucket: `sbus_${project}_presence`,
    claimsBucket: `sbus_${project}_claims`,
  };
}

/** The message id JetStream de-duplicates on, and receivers remember. */
export function messageId(hostId: string, seq: number): string {
  return `${hostId}:${seq}`;
}

/**
 * Another host's words are cleaned here, where they enter, as a local client's are when the
 * daemon accepts them: a label, name, path, resource or note is one line without controls,
 * escapes or bidi; a message text is cleaned like a local message; a label that reads as a
 * person's is a person's only for a person's identity. Shown later, they pass `inert` too.
 */
const line = (max: number) => z.string().max(max).transform(oneLine);

export const FederatedMessageSchema = z
  .object({
    v: z.literal(1),
    hostId: z.string().min(1).max(64),
    host: z.string().min(1).max(128).transform(oneLine),
    seq: z.number().int().positive(),
    ts: z.number(),
    sessionId: z.string().min(1).max(128),
    from: z.string().min(1).max(MAX_LABEL_CHARS * 2).transform(oneLine),
    kind: Kind,
    text: z.string().max(MAX_TEXT_BYTES * 2).transform(cleanText),
    /** A direct message: the session ids it is for (each host takes in only those for its own sessions). */
    to: z.array(z.string().min(1).max(128)).min(1).max(32).optional(),
  })
  .transform((m) => ({ ...m, from: filedLabel(m.sessionId, m.from) }));
export type FederatedMessage = z.infer<typeof FederatedMessageSchema>;

const SessionSchema = z
  .object({
    sessionId: z.string().max(128),
    shortId: line(128),
    label: line(MAX_LABEL_CHARS * 2),
    cwd: line(4096).optional(),
    since: z.number(),
  })
  .transform((s) => ({ ...s, label: filedLabel(s.sessionId, s.label) }));

export const PresenceSchema = z.object({
  v: z.literal(1),
  hostId: z.string().min(1).max(64),
  host: z.string().min(1).max(128).transform(oneLine),
  sessions: z.array(SessionSchema).max(1000),
  ts: z.number(),
});
export type Presence = z.infer<typeof PresenceSchema>;

export const RemoteClaimSchema = z
  .object({
    v: z.literal(1),
    hostId: z.string().min(1).max(64),
    host: z.string().min(1).max(128).transform(oneLine),
    resource: z.string().min(1).max(512).transform(oneLine),
    holder: z.string().max(128),
    label: line(MAX_LABEL_CHARS * 2),
    since: z.number(),
    expiresAt: z.number().optional(),
    note: line(200).optional(),
    /** The revision that created the entry (absent until its first refresh: then it is the entry's own). */
    created: z.number().int().positive().optional(),
  })
  .transform((c) => ({ ...c, label: filedLabel(c.holder, c.label) }));
export type RemoteClaimValue = z.infer<typeof RemoteClaimSchema>;

/** KV keys allow `[-/_=.a-zA-Z0-9]`; a resource may hold anything (`src/**`, `port:1420`). */
export function claimKey(resource: string): string {
  return Buffer.from(resource, 'utf8').toString('base64url');
}

export function decodeJson<T>(schema: z.ZodType<T>, data: Uint8Array): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(data).toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
