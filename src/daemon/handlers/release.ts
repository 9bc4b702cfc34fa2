/** Ends the caller's claim on a resource (in any form it can be claimed in), announced as `unlock`. */
import { BusError, ErrorCode } from '../../protocol/errors.ts';
import { ParamSchemas } from '../../protocol/schema.ts';
import { claimResource } from '../claim-resource.ts';
import { defineHandler } from '../context.ts';

export const release = defineHandler({
  method: 'release',
  params: ParamSchemas.release,
  async handle(ctx, params) {
    // Released in any form it can be claimed in.
    const name = claimResource(params.resource, params.cwd ?? ctx.broker.sessionById(params.sessionId)?.cwd, ctx.info.root);
    const outcome = ctx.broker.release(params, name, ctx.now());
    if (!outcome) throw new BusError(ErrorCode.NotHolder, { resource: name });
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
