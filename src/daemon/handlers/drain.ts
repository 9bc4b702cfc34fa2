import { MAX_DRAIN_CHARS } from '../../protocol/limits.ts';
import { ParamSchemas } from '../../protocol/schema.ts';
import { defineHandler } from '../context.ts';

/**
 * Hands a session its unread messages and moves its position past them. The position is made
 * durable before the reply, so a crash right after never hands the same message out twice; when
 * it cannot be made durable (disk full), nothing is handed out and nothing is lost.
 */
export const drain = defineHandler({
  method: 'drain',
  params: ParamSchemas.drain,
  async handle(ctx, params) {
    const maxChars = Math.min(params.maxChars ?? MAX_DRAIN_CHARS, MAX_DRAIN_CHARS);
    const outcome = ctx.broker.drain(params, ctx.now(), { maxChars, backfillMinutes: params.backfillMinutes, via: params.via });
    const moved = outcome.session.cursor;
    try {
      await ctx.persist(outcome.entries);
    } catch (err) {
      // The new position is not durable, so nothing is handed out: put it back (unless another
      // drain moved it since), and these messages come with a drain after the disk recovers.
      ctx.broker.rewind(params, moved, outcome.cursorBefore, ctx.now());
      throw err;
    }
    ctx.pendingChanged(outcome.session);
    return { messages: outcome.messages, remaining: outcome.remaining, cursorBefore: outcome.cursorBefore, cursor: outcome.session.cursor };
  },
});
