import { BusError, ErrorCode } from '../../protocol/errors.ts';
import { decideClaim } from '../claim-decisions.ts';
import type { ClaimInfo } from '../../protocol/messages.ts';
import { cleanText } from '../../protocol/sanitize.ts';
import { paramSchemas } from '../schema-loader.ts';
import { claimResource } from '../claim-resource.ts';
import type { Claim } from '../claims.ts';
import { defineHandler } from '../context.ts';

/**
 * Takes a claim, or refuses it naming the holder (and its host, for a claim held on another
 * host). Advisory: the bus enforces nothing on disk. With federation, a claim no local session
 * blocks is first taken in the shared claims bucket, so two hosts never both hold it; when the
 * other hosts cannot confirm it in time, it is granted here only and the reply's `warning` says so.
 */
export const claim = defineHandler({
  method: 'claim',
  get params() {
    return paramSchemas().claim;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    const now = ctx.now();
    // Every form of one file (absolute, `..`, through a symlink) is one claim: see claim-path.ts.
    const name = claimResource(params.resource, params.cwd ?? session.cwd, ctx.info.root);
    const ttlMs = params.ttlSeconds === undefined ? undefined : params.ttlSeconds * 1000;
    // A note is shown to models and terminals: cleaned like a message, and kept to one line.
    const note = params.note === undefined ? undefined : cleanText(params.note).replace(/\s+/g, ' ').trim() || undefined;
    let warning: string | undefined;
    let acquired = false;
    if (ctx.federation.sharesClaims) {
      const holder = session.id;
      if (!ctx.broker.claims.conflict(name, holder, now)) {
        const wanted: Claim = { resource: name, holder, label: session.label, since: ctx.broker.claims.get(name)?.since ?? now };
        if (ttlMs !== undefined) wanted.expiresAt = now + ttlMs;
        if (note) wanted.note = note;
        const shared = await ctx.federation.acquire(wanted);
        if (!shared.ok) throw conflictError(shared.conflict, params.resource);
        acquired = true;
        warning = shared.warning;
      }
    }
    // Decided and committed in one turn of the claims lane: nothing changes unless the mailbox took it.
    const outcome = await ctx
      .serially(async () => {
        const decided = decideClaim(ctx.broker, session, params, name, ctx.now(), ttlMs, note);
        await ctx.commit(decided);
        return decided;
      })
      .finally(() => {
        if (acquired) ctx.federation.settled(name);
      });
    if (!outcome.ok) throw conflictError(outcome.conflict, params.resource);
    return { claim: outcome.claim, ...(warning ? { warning } : {}) };
  },
});

function conflictError(c: ClaimInfo, wanted: string): BusError {
  return new BusError(ErrorCode.ClaimConflict, {
    resource: c.resource,
    holder: c.label,
    ...(c.host ? { host: c.host } : {}),
    since: new Date(c.since).toISOString(),
    note: c.note,
    wanted,
  });
}
