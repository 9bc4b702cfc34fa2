/**
 * The I/O half of claim paths (the pure half is claim-path.ts): which worktree a session works
 * in, and the real paths under it. Runs in the daemon, the one place every claim and release
 * passes, whichever client sent it (the MCP server, an older plugin, a raw client); the daemon
 * runs on the same host as its sessions and knows each one's folder. Synchronous: a claim costs
 * a few `stat`/`realpath` calls on the repository's own disk, less than the mailbox write after.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { worktreesOf } from '../place/git-files.ts';
import { BusError, ErrorCode } from '../protocol/errors.ts';
import { canonicalClaimPath } from './claim-path.ts';
import { isName } from './claims.ts';

function realpath(p: string): string | undefined {
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
function defaultRoot(busRoot: string): string {
  return basename(busRoot) === '.git' ? dirname(busRoot) : busRoot;
}

/**
 * The resource a claim or release names: a name (`port:1420`) as given, a path or glob as its
 * repository-relative canonical form for a session working in `cwd`. A relative path is the
 * session's worktree's; an absolute one may name a file in any worktree of the repository (the
 * same relative path there is the same claim). Refuses a path outside all of them.
 */
export function claimResource(resource: string, cwd: string | undefined, busRoot: string): string {
  const given = resource.trim();
  if (isName(given)) return given;
  const at = worktreePath(given, cwd, busRoot);
  if (at) return at.path;
  throw new BusError(ErrorCode.OutsideRepository, { resource: given, root: worktreeRoot(cwd ?? defaultRoot(busRoot)) });
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
