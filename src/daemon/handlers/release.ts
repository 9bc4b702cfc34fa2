import { BusError, ErrorCode } from '../../protocol/errors.ts';
import { ParamSchemas } from '../../protocol/schema.ts';
import { defineHandler } from '../context.ts';

export const release = defineHandler({
  method: 'release',
  params: ParamSchemas.release,
  async handle(ctx, params) {
    const outcome = ctx.broker.release(params, params.resource, ctx.now());
    if (!outcome) throw new BusError(ErrorCode.NotHolder, { resource: params.resource });
    try {
      await ctx.commit(outcome);
    } catch (err) {
      // Not durable, not released.
      ctx.broker.claims.set(outcome.released);
      throw err;
    }
    return { released: outcome.released };
  },
});
