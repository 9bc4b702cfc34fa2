import { paramSchemas } from '../schema-loader.ts';
import { defineHandler } from '../context.ts';

/**
 * A receiver showed a session's messages up to `upTo`: the position moves there once that is
 * recorded, never before, so a refused write (disk full) changes nothing and the messages come
 * again. Idempotent by seq: a receiver that lost its connection sends the same ack again.
 */
export const ack = defineHandler({
  method: 'ack',
  get params() {
    return paramSchemas().ack;
  },
  async handle(ctx, params, conn) {
    const session = await ctx.sessionFor(params);
    const now = ctx.now();
    const moved = ctx.broker.ackEntry(session, params.upTo, now);
    if (moved) await ctx.commit({ entries: [moved], records: [] });
    ctx.broker.acked(session, params.upTo, now, { via: params.via, delivered: moved !== undefined, owner: conn.id });
    ctx.pendingChanged(session);
    return { cursor: session.cursor };
  },
});
