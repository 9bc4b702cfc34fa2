import { ParamSchemas } from '../param-schemas.ts';
import { defineHandler } from '../context.ts';

/** Recent messages from other sessions; the unread position does not move. */
export const inbox = defineHandler({
  method: 'inbox',
  get params() {
    return ParamSchemas.inbox;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    return { messages: ctx.broker.inbox(session, params.limit ?? 20) };
  },
});
