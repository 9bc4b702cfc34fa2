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

export { messageId } from './message-id.ts';

/**
 * Another host's words are cleaned here, where they enter, as a local client's are when the
 * daemon accepts them: a label, name, path, resource, note or id is one line without controls,
 * escapes or bidi; a message text is cleaned like a local message; a label that reads as a
 * person's is a person's only for a person's identity. Shown later, they pass `inert` too.
 *
 * Too long: a name or text is cut to the local limit rather than refused (a host whose
 * SESSION_BUS_HOST is long would otherwise vanish, with all it sends, from every other host);
 * an id, which a cut would change, is refused with the body it came in.
 */
/** What a body's string may be before cleaning: NATS's default payload limit; more is not a session-bus body. */
const RAW_MAX = 1024 * 1024;
const line = (max: number) => z.string().max(RAW_MAX).transform((s) => cutChars(oneLine(s), max));
/** A session id (also a holder or a recipient): one line, as long as a local one may be. */
const id = () => z.string().min(1).max(128).transform(oneLine);
/** A host id: what host-id.ts makes, within what NATS subjects and KV keys allow. */
const hostId = () => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const HOST_NAME_CHARS = 128;

export const FederatedMessageSchema = z
  .object({
    v: z.literal(1),
    hostId: hostId(),
    host: z.string().min(1).pipe(line(HOST_NAME_CHARS)),
    seq: z.number().int().positive(),
    ts: z.number(),
    sessionId: id(),
    from: z.string().min(1).pipe(line(MAX_LABEL_CHARS * 2)),
    kind: Kind,
    // A local message over MAX_TEXT_BYTES is refused to its sender; another host's is cut to it.
    text: z.string().max(RAW_MAX).transform((t) => cutBytes(cleanText(t), MAX_TEXT_BYTES)),
    /** A direct message: the session ids it is for (each host takes in only those for its own sessions). */
    to: z.array(id()).min(1).max(32).optional(),
  })
  .transform((m) => ({ ...m, from: filedLabel(m.sessionId, m.from) }));
export type FederatedMessage = z.infer<typeof FederatedMessageSchema>;

const SessionSchema = z
  .object({
    sessionId: id(),
    shortId: line(128),
    label: line(MAX_LABEL_CHARS * 2),
    cwd: line(4096).optional(),
    since: z.number(),
  })
  .transform((s) => ({ ...s, label: filedLabel(s.sessionId, s.label) }));

/** A claim a host holds without the shared bucket (taken or kept while it could not reach NATS). */
const UnsharedClaimSchema = z.object({
  resource: line(512),
  label: line(MAX_LABEL_CHARS * 2),
  since: z.number(),
});

export const PresenceSchema = z.object({
  v: z.literal(1),
  hostId: hostId(),
  host: z.string().min(1).pipe(line(HOST_NAME_CHARS)),
  sessions: z.array(SessionSchema).max(1000),
  /** The host's clock when it wrote this: compared with the server's time of the write. */
  ts: z.number(),
  /** Its claims the bucket does not hold: the other hosts warn when one overlaps theirs. */
  unshared: z.array(UnsharedClaimSchema).max(1000).optional(),
});
export type Presence = z.infer<typeof PresenceSchema>;

export const RemoteClaimSchema = z
  .object({
    v: z.literal(1),
    hostId: hostId(),
    host: z.string().min(1).pipe(line(HOST_NAME_CHARS)),
    resource: z.string().min(1).max(512).transform(oneLine),
    holder: id(),
    label: line(MAX_LABEL_CHARS * 2),
    since: z.number(),
    /** Written by hosts before ttlLeftMs; by the writer's clock, so no longer used to decide. */
    expiresAt: z.number().optional(),
    /** A time-limited claim: how long it had left when written (a duration: no host's clock in it). */
    ttlLeftMs: z.number().int().min(0).max(365 * 24 * 3600_000).optional(),
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

/** At most `max` UTF-16 units, never half a surrogate pair. */
export function cutChars(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** At most `max` bytes of UTF-8, never half a character; a cut text ends with `…`. */
export function cutBytes(s: string, max: number): string {
  if (Buffer.byteLength(s) <= max) return s;
  const ELLIPSIS = '…';
  const room = max - Buffer.byteLength(ELLIPSIS);
  // Decoding a prefix cut inside a character ends it with U+FFFD: drop that.
  return `${Buffer.from(s, 'utf8').subarray(0, room).toString('utf8').replace(/\ufffd+$/, '')}${ELLIPSIS}`;
}
