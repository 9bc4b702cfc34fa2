import { ParamSchemas } from '../../protocol/schema.ts';
import { defineHandler } from '../context.ts';

/** The SessionEnd hook: the session is over; its claims end now, not after the grace period. */
export const end = defineHandler({
  method: 'end',
  params: ParamSchemas.end,
  async handle(ctx, params) {
    const change = await ctx.serially(async () => {
      const now = ctx.now();
      const { session, entries } = ctx.broker.resolve(params, now);
      const ended = ctx.broker.endSession(session, now, `session ended${params.reason ? ` (${params.reason})` : ''}`);
      // Not durable, not ended: the claims stay what the mailbox says, with nothing to undo.
      await ctx.commit({ entries: [...entries, ...ended.entries], records: ended.records });
      return ended;
    });
    return { released: change.entries.flatMap((e) => (e.type === 'release' ? [e.resource] : [])) };
  },
});
