import { ParamSchemas } from '../../protocol/schema.ts';
import { defineHandler } from '../context.ts';

/** The SessionEnd hook: the session is over; its claims end now, not after the grace period. */
export const end = defineHandler({
  method: 'end',
  params: ParamSchemas.end,
  async handle(ctx, params) {
    const now = ctx.now();
    const { session, entries } = ctx.broker.resolve(params, now);
    const change = ctx.broker.endSession(session, now, `session ended${params.reason ? ` (${params.reason})` : ''}`);
    try {
      await ctx.commit({ entries: [...entries, ...change.entries], records: change.records });
    } catch (err) {
      // Not durable, not ended: the claims stay what the mailbox says.
      for (const c of change.ended) ctx.broker.claims.set(c);
      throw err;
    }
    return { released: change.entries.flatMap((e) => (e.type === 'release' ? [e.resource] : [])) };
  },
});
