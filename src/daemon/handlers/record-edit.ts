import type { TouchEntry } from '../../place/mailbox-entries.ts';
import { worktreePath } from '../../place/worktree-path.ts';
import { defineHandler } from '../context.ts';
import { paramSchemas } from '../schema-loader.ts';

/**
 * An edit tool changed files (the PostToolUse hook, run only while another session is here):
 * they join the session's working set, recorded like any change. Files outside the repository
 * are nobody's business.
 */
export const recordEdit = defineHandler({
  method: 'recordEdit',
  get params() {
    return paramSchemas().recordEdit;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    const now = ctx.now();
    const byTree = new Map<string, string[]>();
    for (const file of params.paths) {
      const at = worktreePath(file, params.cwd ?? session.cwd, ctx.info.root);
      if (at) byTree.set(at.tree, [...(byTree.get(at.tree) ?? []), at.path]);
    }
    const entries: TouchEntry[] = [...byTree].map(([tree, paths]) => ({ type: 'touch', id: session.id, tree, paths, ts: now }));
    await ctx.commit({ entries, records: [] });
    return { recorded: entries.reduce((n, e) => n + e.paths.length, 0) };
  },
});
