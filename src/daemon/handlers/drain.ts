import { MAX_DRAIN_CHARS } from '../../protocol/limits.ts';
import { paramSchemas } from '../schema-loader.ts';
import { defineHandler } from '../context.ts';

/**
 * peek and ack in one call, for readers that show nothing themselves (the CLI, tests, clients of
 * version 0.2). The new position is recorded before it is applied and before the reply: a
 * refused write changes nothing. Receivers that show messages use peek + ack instead.
 */
export const drain = defineHandler({
  method: 'drain',
  get params() {
    return paramSchemas().drain;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params, { backfillMinutes: params.backfillMinutes });
    const now = ctx.now();
    const maxChars = Math.min(params.maxChars ?? MAX_DRAIN_CHARS, MAX_DRAIN_CHARS);
    const outcome = ctx.broker.peek(session, now, { maxChars });
    if (outcome.busy) return { messages: [], remaining: outcome.remaining, cursorBefore: outcome.cursor, cursor: outcome.cursor };
    const moved = ctx.broker.ackEntry(session, outcome.upTo, now);
    if (moved) await ctx.commit({ entries: [moved], records: [] });
    ctx.broker.acked(outcome.session, outcome.upTo, now, { via: params.via, delivered: outcome.messages.length > 0 });
    ctx.pendingChanged(outcome.session);
    return { messages: outcome.messages, remaining: outcome.remaining, cursorBefore: outcome.cursor, cursor: outcome.session.cursor };
  },
});
