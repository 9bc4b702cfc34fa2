/**
 * The message id JetStream de-duplicates on, and receivers remember. A file of its own: the
 * daemon's start (start.ts) needs it, and wire.ts, beside it, builds zod schemas at import.
 */
export function messageId(hostId: string, seq: number): string {
  return `${hostId}:${seq}`;
}
