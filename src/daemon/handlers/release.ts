import { BusError, ErrorCode } from '../../protocol/errors.ts';
import { ParamSchemas } from '../../protocol/schema.ts';
import { defineHandler } from '../context.ts';

export const release = defineHandler({
  method: 'release',
  params: ParamSchemas.release,
  async handle(ctx, params) {
    const outcome = ctx.broker.release(params, params.resource, ctx.now());
    if (!outcome) throw new BusError(ErrorCode.NotHolder, { resource: params.resource });
    await ctx.commit(outcome);
    return { released: outcome.released };
  },
});
