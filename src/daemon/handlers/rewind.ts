import { ParamSchemas } from '../../protocol/schema.ts';
import { defineHandler } from '../context.ts';

/** A push that failed after its drain: give the messages back to the hooks. */
export const rewind = defineHandler({
  method: 'rewind',
  params: ParamSchemas.rewind,
  async handle(ctx, params) {
    const outcome = ctx.broker.rewind(params, params.from, params.to, ctx.now());
    await ctx.persist(outcome.entries);
    const session = ctx.broker.sessionById(params.sessionId);
    if (session) ctx.pendingChanged(session);
    return { rewound: outcome.rewound };
  },
});
