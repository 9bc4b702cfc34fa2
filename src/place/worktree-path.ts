/**
 * Which worktree of the repository a folder or file is in, and a file's path there: the I/O half
 * of claim paths (the pure half is claim-path.ts). The daemon reads claims and edits with it;
 * the edit guard's hook reads an edit's file with the same code, so the two name a file alike.
 * Synchronous: a few `stat`/`realpath` calls on the repository's own disk.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { canonicalClaimPath } from './claim-path.ts';
import { worktreesOf } from './git-files.ts';

export function realpath(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** The worktree holding `dir`: the nearest folder with a `.git` (a linked worktree's is a file); `dir` itself outside git. */
export function worktreeRoot(dir: string): string {
  const start = resolve(dir);
  for (let cur = start; ; cur = dirname(cur)) {
    try {
      statSync(resolve(cur, '.git'));
      return cur;
    } catch {
      // Not here; look further up.
    }
    if (dirname(cur) === cur) return start;
  }
}

/** Where a session with no known folder (an old or raw client) works: the main worktree, else the bus's folder. */
export function defaultRoot(busRoot: string): string {
  return basename(busRoot) === '.git' ? dirname(busRoot) : busRoot;
}

/**
 * Where a file an edit tool named lives: its worktree's root and its path there (a relative path
 * is the session's worktree's). Undefined outside every worktree of the repository.
 */
export function worktreePath(file: string, cwd: string | undefined, busRoot: string): { tree: string; path: string } | undefined {
  const mine = worktreeRoot(cwd ?? defaultRoot(busRoot));
  for (const tree of [mine, ...worktreesOf(busRoot).filter((t) => t !== mine)]) {
    const there = canonicalClaimPath(tree, file, realpath);
    if (there.ok) return { tree: realpath(tree) ?? tree, path: there.path };
  }
  return undefined;
}

/** The worktree holding `dir`, as a real path (how working sets name worktrees). */
export function worktreeOf(dir: string): string {
  const tree = worktreeRoot(dir);
  return realpath(tree) ?? tree;
}
