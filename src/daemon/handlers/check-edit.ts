import { BusError } from '../../protocol/errors.ts';
import type { ClaimInfo, EditConflict } from '../../protocol/messages.ts';
import { claimResource } from '../claim-resource.ts';
import { overlaps } from '../claims.ts';
import { defineHandler } from '../context.ts';
import { ParamSchemas } from '../param-schemas.ts';

/**
 * The collision guard's question before an edit: is any of these files covered by a claim of
 * another session (here, or on another host)? Each path is read as claims are (relative to the
 * session's worktree, or absolute in any worktree of the repository), so a claim made by either
 * form covers both. A path outside the repository is nobody's. With `record`, each holder is
 * told by a direct message, which also puts the refusal in the mailbox.
 */
export const checkEdit = defineHandler({
  method: 'checkEdit',
  get params() {
    return ParamSchemas.checkEdit;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    const now = ctx.now();
    const held = [...ctx.broker.claims.list(now), ...ctx.federation.remoteClaims(now)].filter((c: ClaimInfo) => c.holder !== session.id);
    const conflicts: EditConflict[] = [];
    for (const path of params.paths) {
      let resource: string;
      try {
        resource = claimResource(path, params.cwd ?? session.cwd, ctx.info.root);
      } catch (err) {
        if (err instanceof BusError) continue;
        throw err;
      }
      const claim = held.find((c) => overlaps(c.resource, resource));
      if (claim) conflicts.push({ path: resource, claim });
    }
    if (params.record && conflicts.length > 0) {
      const byHolder = new Map<string, string[]>();
      for (const c of conflicts) if (!c.claim.host) byHolder.set(c.claim.holder, [...(byHolder.get(c.claim.holder) ?? []), c.path]);
      const records = [...byHolder].map(([holder, paths]) => ctx.broker.stamp(params, 'note', `wanted to edit ${paths.join(', ')} (${params.tool}), which your claim covers; the edit was stopped. Answer with broadcast to ${session.label} if it may go ahead.`, now, [holder]));
      await ctx.commit({ entries: [], records });
    }
    return { conflicts };
  },
});
