import { BusError, ErrorCode } from '../../protocol/errors.ts';
import { cleanText } from '../../protocol/sanitize.ts';
import { ParamSchemas } from '../../protocol/schema.ts';
import { normalizeResource } from '../claims.ts';
import { defineHandler } from '../context.ts';

/** Takes a claim, or refuses it naming the holder. Advisory: the bus enforces nothing on disk. */
export const claim = defineHandler({
  method: 'claim',
  params: ParamSchemas.claim,
  async handle(ctx, params) {
    const now = ctx.now();
    const name = normalizeResource(params.resource);
    const before = ctx.broker.claims.get(name);
    // A note is shown to models and terminals: cleaned like a message, and kept to one line.
    const note = params.note === undefined ? undefined : cleanText(params.note).replace(/\s+/g, ' ').trim() || undefined;
    const outcome = ctx.broker.claim(params, params.resource, now, params.ttlSeconds === undefined ? undefined : params.ttlSeconds * 1000, note);
    try {
      await ctx.commit(outcome);
    } catch (err) {
      // Not durable, not taken: the table goes back to what the mailbox says.
      if (outcome.ok) {
        if (before) ctx.broker.claims.set(before);
        else ctx.broker.claims.delete(name);
      }
      throw err;
    }
    if (!outcome.ok) {
      const c = outcome.conflict;
      throw new BusError(ErrorCode.ClaimConflict, { resource: c.resource, holder: c.label, since: new Date(c.since).toISOString(), note: c.note, wanted: params.resource });
    }
    return { claim: outcome.claim };
  },
});
