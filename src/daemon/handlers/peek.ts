import { DEFAULT_LEASE_MS, MAX_DRAIN_CHARS } from '../../protocol/limits.ts';
import { paramSchemas } from '../schema-loader.ts';
import { defineHandler } from '../context.ts';

/**
 * Hands a session its unread messages without moving its position: the receiver shows them,
 * then acknowledges (`ack`). Until then the batch is held for this connection, so a hook and a
 * push of one session never both show it; a receiver that goes away frees it for the next.
 */
export const peek = defineHandler({
  method: 'peek',
  get params() {
    return paramSchemas().peek;
  },
  async handle(ctx, params, conn) {
    const maxChars = Math.min(params.maxChars ?? MAX_DRAIN_CHARS, MAX_DRAIN_CHARS);
    const lease = conn.closed ? undefined : { owner: conn.id, ms: params.leaseMs ?? DEFAULT_LEASE_MS };
    const session = await ctx.sessionFor(params, { backfillMinutes: params.backfillMinutes });
    const outcome = ctx.broker.peek(session, ctx.now(), { maxChars, lease });
    if (session.lease?.owner === conn.id) (conn.leased ??= new Set()).add(session);
    const { messages, remaining, cursor, upTo, busy } = outcome;
    return busy ? { messages, remaining, cursor, upTo, busy } : { messages, remaining, cursor, upTo };
  },
});
