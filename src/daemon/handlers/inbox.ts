import { paramSchemas } from '../schema-loader.ts';
import { defineHandler } from '../context.ts';

/** Recent messages from other sessions; the unread position does not move. */
export const inbox = defineHandler({
  method: 'inbox',
  get params() {
    return paramSchemas().inbox;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    return { messages: ctx.broker.inbox(session, params.limit ?? 20) };
  },
});
