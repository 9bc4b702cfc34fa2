import { BusError, ErrorCode } from '../../protocol/errors.ts';
import { ParamSchemas } from '../../protocol/schema.ts';
import { defineHandler } from '../context.ts';

/** Takes a claim, or refuses it naming the holder. Advisory: the bus enforces nothing on disk. */
export const claim = defineHandler({
  method: 'claim',
  params: ParamSchemas.claim,
  async handle(ctx, params) {
    const now = ctx.now();
    const outcome = ctx.broker.claim(params, params.resource, now, params.ttlSeconds === undefined ? undefined : params.ttlSeconds * 1000, params.note);
    await ctx.commit(outcome);
    if (!outcome.ok) {
      const c = outcome.conflict;
      throw new BusError(ErrorCode.ClaimConflict, { resource: c.resource, holder: c.label, since: new Date(c.since).toISOString(), note: c.note, wanted: params.resource });
    }
    return { claim: outcome.claim };
  },
});
