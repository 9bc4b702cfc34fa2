import { paramSchemas } from '../schema-loader.ts';
import { defineHandler } from '../context.ts';
import { localPeer, remotePeers } from './peers.ts';

/**
 * The SessionStart briefing in one round trip: registers the session (its unread position starts
 * now, or `backfillMinutes` back) and says who is here, what is claimed, and how much is unread.
 */
export const brief = defineHandler({
  method: 'brief',
  get params() {
    return paramSchemas().brief;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params, { backfillMinutes: params.backfillMinutes });
    const now = ctx.now();
    return {
      peers: ctx.broker
        .peers()
        .filter((s) => s !== session)
        .map((s) => localPeer(ctx, s))
        .concat(remotePeers(ctx)),
      claims: [...ctx.broker.claims.list(now), ...ctx.federation.remoteClaims(now)],
      unread: ctx.broker.pendingCount(session),
    };
  },
});
