/** Ends the caller's claim on a resource (in any form it can be claimed in), announced as `unlock`. */
import { decideRelease } from '../claim-decisions.ts';
import { BusError, ErrorCode } from '../../protocol/errors.ts';
import { paramSchemas } from '../schema-loader.ts';
import { claimResource } from '../claim-resource.ts';
import { defineHandler } from '../context.ts';

export const release = defineHandler({
  method: 'release',
  get params() {
    return paramSchemas().release;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    // Released in any form it can be claimed in.
    const name = claimResource(params.resource, params.cwd ?? session.cwd, ctx.info.root);
    const outcome = await ctx.serially(async () => {
      const decided = decideRelease(ctx.broker, session, name, ctx.now());
      if (!decided) throw new BusError(ErrorCode.NotHolder, { resource: name });
      // Not durable, not released: nothing was changed before the mailbox took it.
      await ctx.commit(decided);
      return decided;
    });
    return { released: outcome.released };
  },
});
