import { paramSchemas } from '../schema-loader.ts';
import { endSessionClaims } from '../claim-decisions.ts';
import { defineHandler } from '../context.ts';

/** The SessionEnd hook: the session is over; its claims end now, not after the grace period. */
export const end = defineHandler({
  method: 'end',
  get params() {
    return paramSchemas().end;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    const change = await ctx.serially(async () => {
      const ended = endSessionClaims(ctx.broker, session, ctx.now(), `session ended${params.reason ? ` (${params.reason})` : ''}`);
      // Not durable, not ended: the claims stay what the mailbox says.
      await ctx.commit(ended);
      return ended;
    });
    return { released: change.entries.flatMap((e) => (e.type === 'release' ? [e.resource] : [])) };
  },
});
