import type { ClaimInfo, EditConflict, EditOverlap, MessageRecord } from '../../protocol/messages.ts';
import { ago } from '../../display/time.ts';
import type { Session } from '../broker.ts';
import { worktreePath } from '../../place/worktree-path.ts';
import { overlaps } from '../claims.ts';
import { defineHandler } from '../context.ts';
import { paramSchemas } from '../schema-loader.ts';
import { stillChanged } from '../worktree-status.ts';

/**
 * The collision guard's question before an edit. For each file: a claim of another session that
 * covers it (here or on another host; read as claims are, so a claim made by absolute or
 * relative path covers both); another live session in the same worktree that changed it and
 * has not committed (asked of git, so a committed or discarded change has left the working set:
 * recorded so); the same path changing in another worktree (no collision on disk). With
 * `record`, each session whose work stopped the edit is told by a direct message, which also
 * puts it in the mailbox.
 */
export const checkEdit = defineHandler({
  method: 'checkEdit',
  get params() {
    return paramSchemas().checkEdit;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    const now = ctx.now();
    const held = [...ctx.broker.claims.list(now), ...ctx.federation.remoteClaims(now)].filter((c: ClaimInfo) => c.holder !== session.id);
    const others = ctx.broker.peers().filter((s) => s !== session && ctx.broker.workingSets.has(s.id));
    const conflicts: EditConflict[] = [];
    const candidates: { other: Session; tree: string; path: string; editedAt: number }[] = [];
    const elsewhere: EditOverlap[] = [];
    for (const file of params.paths) {
      const at = worktreePath(file, params.cwd ?? session.cwd, ctx.info.root);
      if (!at) continue;
      const claim = held.find((c) => overlaps(c.resource, at.path));
      if (claim) conflicts.push({ path: at.path, claim });
      for (const other of others) {
        for (const [tree, files] of ctx.broker.workingSets.get(other.id)!) {
          const editedAt = files.get(at.path);
          if (editedAt === undefined) continue;
          if (tree === at.tree) candidates.push({ other, tree, path: at.path, editedAt });
          else elsewhere.push({ path: at.path, label: other.label, editedAt });
        }
      }
    }
    const { editing, settled } = await stillChanged(candidates);
    const records: MessageRecord[] = [];
    if (params.record) {
      const told = new Map<Session, string[]>();
      for (const c of conflicts) {
        const holder = c.claim.host ? undefined : ctx.broker.session(c.claim.holder);
        if (holder) told.set(holder, [...(told.get(holder) ?? []), `${c.path} (your claim covers it)`]);
      }
      for (const c of editing) told.set(c.other, [...(told.get(c.other) ?? []), `${c.path} (you changed it ${ago(now - c.editedAt)} and have not committed)`]);
      for (const [other, what] of told) {
        records.push(ctx.broker.stamp(params, 'note', `wanted to edit ${what.join(', ')} with ${params.tool}; the edit was stopped. Answer with broadcast to ${session.label} if it may go ahead.`, now, [other.id]));
      }
    }
    await ctx.commit({ entries: settled, records });
    return { conflicts, editing: editing.map(({ path, other, editedAt }) => ({ path, label: other.label, editedAt })), elsewhere };
  },
});
