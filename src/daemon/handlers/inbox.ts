import { ParamSchemas } from '../../protocol/schema.ts';
import { defineHandler } from '../context.ts';

/** Recent messages from other sessions; the unread position does not move. */
export const inbox = defineHandler({
  method: 'inbox',
  params: ParamSchemas.inbox,
  async handle(ctx, params) {
    const { messages, entries } = ctx.broker.inbox(params, ctx.now(), params.limit ?? 20);
    await ctx.persist(entries);
    return { messages };
  },
});
