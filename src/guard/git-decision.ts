/**
 * The guard's decision on a Bash command's git changes: given what the line does (from
 * `findGitChanges`), the working sets of the other live sessions in the same worktree, and the
 * policy, whether the command runs (`allow`), runs with a warning (`warn`), waits for the
 * person (`ask`) or is refused (`deny`), with a structured reason: which command, which session,
 * which of its files, and the safer way. Pure: the hook gathers the facts, words the reason
 * (git-decision-words.ts) and answers the host.
 */
import { posix } from 'node:path';
import { TOP } from './directory.ts';
import type { GitChange, GitCommands, GitOp, GitScope, GitUnsure } from './git-command.ts';
import { pathspecCovers } from './pathspec.ts';

/** SESSION_BUS_GUARD: `ask` (default), `deny`, `warn` (allow, with the warning in context), `off`. */
export type GuardPolicy = 'ask' | 'deny' | 'warn' | 'off';

/** Another live session's uncommitted files, relative to the worktree root. */
export interface WorkingSet {
  label: string;
  paths: string[];
  /** When it last edited one of them (ms since the epoch). */
  editedAt: number;
}

export interface GitDecisionInput {
  found: GitCommands;
  /** The other live sessions in this worktree (sessions in other worktrees are not asked). */
  others: WorkingSet[];
  policy: GuardPolicy;
  /** The hook's cwd relative to the worktree root ('.' at the root). */
  cwd: string;
  /** The worktree root, absolute: places a command that names an absolute directory. */
  root: string;
  /** This session's own working set (root-relative): named in the safer way to commit. */
  mine?: string[];
  /** What is staged now (root-relative), when the caller looked: a bare commit then reaches only that. */
  staged?: string[];
}

/** One command that reaches files of one other session. */
export interface GitCollision {
  /** The command's text, and what it does (null op: the reader was unsure what it does). */
  text: string;
  op: GitOp | null;
  scope: GitScope | null;
  session: string;
  /** The session's files it reaches (all of them when it reaches the whole worktree or index). */
  files: string[];
  editedAt: number;
}

/** The safer way: a worktree of one's own, or a commit of one's own paths only. */
export type SaferWay = { way: 'worktree' } | { way: 'commit-paths'; paths: string[] };

export interface GitReason {
  collisions: GitCollision[];
  safer: SaferWay;
}

export type GitDecision =
  | { decision: 'allow'; elsewhere: GitChange[] }
  | { decision: 'ask' | 'deny' | 'warn'; reason: GitReason; elsewhere: GitChange[] };

/** Ops whose harm is what they sweep into a commit: the fix is to commit only one's own paths. */
const COMMITTING: ReadonlySet<GitOp> = new Set(['commit', 'add']);

/** `dir` (relative to the hook's cwd, or absolute) as a root-relative directory; null: unknown. */
function inRoot(dir: string | null, cwd: string, root: string): string | null {
  if (dir === null) return null;
  if (dir.startsWith(TOP)) return posix.normalize(dir.slice(TOP.length) || '.');
  return posix.isAbsolute(dir) ? posix.relative(root, dir) || '.' : posix.join(cwd, dir);
}

function outside(rel: string): boolean {
  return rel === '..' || rel.startsWith('../') || posix.isAbsolute(rel);
}

/** The root-relative pathspecs of a change; null when it reaches everything (or where it runs is unknown). */
function rootSpecs(change: GitChange, dir: string | null): string[] | null {
  if (typeof change.scope === 'string' || dir === null) return null;
  return change.scope.paths.map((p) => (posix.isAbsolute(p) ? p : posix.join(dir, p)));
}

/**
 * The decision for one Bash command. A change reaches another session's file when it reaches
 * the whole worktree (`all`), commits the index (everything staged: any of the session's files
 * unless `staged` says which are), or names a pathspec covering the file. A command the reader
 * was unsure of counts as reaching every file, but is asked about, never refused on doubt alone.
 */
export function decideGit(input: GitDecisionInput): GitDecision {
  const { found, policy, cwd, root } = input;
  const elsewhere: GitChange[] = [];
  const others = input.others.filter((o) => o.paths.length > 0);
  if (policy === 'off') return { decision: 'allow', elsewhere };
  const collisions: GitCollision[] = [];
  const stagedByLine: string[] = [];
  const ownCommit: string[] = [];
  for (const change of found.changes) {
    const dir = inRoot(change.dir, cwd, root);
    if (dir !== null && outside(dir)) {
      elsewhere.push(change);
      continue;
    }
    const specs = rootSpecs(change, dir);
    const inside = specs?.filter((s) => !outside(s));
    if (change.op === 'add' && inside) stagedByLine.push(...inside);
    if (change.op === 'commit' && inside) ownCommit.push(...inside);
    if (specs && inside!.length === 0) continue;
    const staged = change.scope === 'index' && input.staged ? [...input.staged, ...stagedByLine] : null;
    const specsReached = staged ?? inside;
    for (const other of others) {
      const files = specsReached ? other.paths.filter((f) => specsReached.some((s) => pathspecCovers(s, f))) : other.paths;
      if (files.length) collisions.push({ text: change.text, op: change.op, scope: change.scope, session: other.label, files, editedAt: other.editedAt });
    }
  }
  const doubts = others.length ? found.unsure.flatMap((u: GitUnsure) => others.map((o) => ({ text: u.text, op: null, scope: null, session: o.label, files: o.paths, editedAt: o.editedAt }))) : [];
  if (!collisions.length && !doubts.length) return { decision: 'allow', elsewhere };
  const all = [...collisions, ...doubts];
  const committingOnly = all.every((c) => c.op !== null && COMMITTING.has(c.op));
  // Without the caller's list, the paths this line commits that are nobody else's.
  const mine = input.mine?.length ? input.mine : ownCommit.filter((p) => !others.some((o) => o.paths.some((f) => pathspecCovers(p, f))));
  const safer: SaferWay = committingOnly ? { way: 'commit-paths', paths: mine } : { way: 'worktree' };
  // Doubt alone never refuses: the guard must not stop work by its own limits.
  const decision = policy === 'warn' ? 'warn' : policy === 'deny' && collisions.length ? 'deny' : 'ask';
  return { decision, reason: { collisions: all, safer }, elsewhere };
}
