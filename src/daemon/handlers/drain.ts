import { MAX_DRAIN_CHARS } from '../../protocol/limits.ts';
import { ParamSchemas } from '../../protocol/schema.ts';
import { defineHandler } from '../context.ts';

/**
 * Hands a session its unread messages and moves its position past them. The position is made
 * durable before the reply, so a crash right after never hands the same message out twice.
 */
export const drain = defineHandler({
  method: 'drain',
  params: ParamSchemas.drain,
  async handle(ctx, params) {
    const maxChars = Math.min(params.maxChars ?? MAX_DRAIN_CHARS, MAX_DRAIN_CHARS);
    const outcome = ctx.broker.drain(params, ctx.now(), { maxChars, backfillMinutes: params.backfillMinutes, via: params.via });
    await ctx.persist(outcome.entries);
    ctx.pendingChanged(outcome.session);
    return { messages: outcome.messages, remaining: outcome.remaining, cursorBefore: outcome.cursorBefore, cursor: outcome.session.cursor };
  },
});
