import { worktreeOf } from '../../place/worktree-path.ts';
import { defineHandler } from '../context.ts';
import { paramSchemas } from '../schema-loader.ts';
import { stillChanged } from '../worktree-status.ts';

/**
 * What the git command guard weighs a command against: in the worktree holding `dir`, each
 * other live session's uncommitted files (asked of git now: a file committed or discarded since
 * leaves its working set, recorded so), and the asker's own.
 */
export const workingSets = defineHandler({
  method: 'workingSets',
  get params() {
    return paramSchemas().workingSets;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    const dir = params.dir ?? session.cwd;
    if (!dir) return { tree: null, others: [], mine: [] };
    const tree = worktreeOf(dir);
    const candidates = ctx.broker
      .peers()
      .filter((s) => s !== session)
      .flatMap((other) => [...(ctx.broker.workingSets.get(other.id)?.get(tree) ?? [])].map(([path, editedAt]) => ({ other, tree, path, editedAt })));
    const { editing, settled } = await stillChanged(candidates);
    await ctx.commit({ entries: settled, records: [] });
    const byLabel = new Map<string, { label: string; paths: string[]; editedAt: number }>();
    for (const c of editing) {
      const o = byLabel.get(c.other.id) ?? { label: c.other.label, paths: [], editedAt: 0 };
      o.paths.push(c.path);
      o.editedAt = Math.max(o.editedAt, c.editedAt);
      byLabel.set(c.other.id, o);
    }
    const mine = [...(ctx.broker.workingSets.get(session.id)?.get(tree)?.keys() ?? [])];
    return { tree, others: [...byLabel.values()], mine };
  },
});
