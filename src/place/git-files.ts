/**
 * What git keeps in files, read directly: running git costs a process start, and these run on
 * every prompt.
 */
import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The branch checked out in `dir`'s worktree, a short sha when detached, undefined outside git. */
export function gitBranch(dir: string): string | undefined {
  const gitDir = findGitDir(dir);
  if (!gitDir) return undefined;
  try {
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    const ref = /^ref: refs\/heads\/(.+)$/.exec(head);
    if (ref) return ref[1];
    return /^[0-9a-f]{7,}$/.test(head) ? head.slice(0, 7) : undefined;
  } catch {
    return undefined;
  }
}

/** The worktree's git dir: `.git` itself, or where a `.git` file (linked worktree) points. */
export function findGitDir(dir: string): string | undefined {
  let cur = resolve(dir);
  for (;;) {
    const dotGit = join(cur, '.git');
    try {
      const st = statSync(dotGit);
      if (st.isDirectory()) return dotGit;
      if (st.isFile()) {
        // Up to the newline only: `.` stops at U+2028 too, which a worktree's folder name may hold.
        const m = /^gitdir:[ \t]*([^\r\n]+)/m.exec(readFileSync(dotGit, 'utf8'));
        if (m) return resolve(cur, m[1]!.trim());
      }
    } catch {
      // Not here; look further up.
    }
    const parent = dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
  }
}

/** A linked worktree's git dir names the shared one in its `commondir` file. */
export function gitCommonDir(gitDir: string): string | undefined {
  try {
    let common = gitDir;
    try {
      common = resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim());
    } catch {
      // The main worktree's .git is the common dir.
    }
    return realpathSync(common);
  } catch {
    return undefined;
  }
}

/**
 * The worktrees of the repository whose common dir is `commonDir`: the main one (unless bare)
 * and every linked one git records under `worktrees/`.
 */
export function worktreesOf(commonDir: string): string[] {
  const out = new Set<string>();
  if (basename(commonDir) === '.git') out.add(dirname(commonDir));
  let names: string[] = [];
  try {
    names = readdirSync(join(commonDir, 'worktrees'));
  } catch {
    // No linked worktrees.
  }
  for (const name of names) {
    try {
      const gitFile = readFileSync(join(commonDir, 'worktrees', name, 'gitdir'), 'utf8').trim();
      out.add(dirname(resolve(commonDir, 'worktrees', name, gitFile)));
    } catch {
      // A pruned or broken worktree entry.
    }
  }
  return [...out];
}

