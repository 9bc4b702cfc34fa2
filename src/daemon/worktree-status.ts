/**
 * Which files of a worktree differ from its HEAD (changed, added, deleted or new), asked of git
 * in a child process, off the event loop. The collision guard uses it twice: to give a session
 * that worked alone the files it changed meanwhile, and to let a file leave a working set once
 * its change is committed or discarded. A git that fails or is missing answers undefined: the
 * caller keeps what it knew.
 */
import { execFile } from 'node:child_process';
import type { LogEntry } from '../place/mailbox-entries.ts';
import type { Session } from './broker.ts';

const GIT_TIMEOUT_MS = 5000;

/** Paths (relative to `tree`) with uncommitted changes; only among `paths` when given. */
export function dirtyFiles(tree: string, paths?: string[]): Promise<Set<string> | undefined> {
  const args = ['-C', tree, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'];
  if (paths) args.push('--', ...paths.map((p) => `:(literal)${p}`));
  return new Promise((resolve) => {
    execFile('git', args, { timeout: GIT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (err, stdout) => {
      if (err) return resolve(undefined);
      resolve(new Set(parsePorcelain(stdout)));
    });
  });
}

/** `git status --porcelain=v1 -z --no-renames`: "XY path" records separated by NUL. */
export function parsePorcelain(out: string): string[] {
  return out
    .split('\0')
    .filter((r) => r.length > 3 && r[2] === ' ' && r.slice(0, 2) !== '!!')
    .map((r) => r.slice(3));
}

/** Of the files other sessions changed, those git still sees changed; the rest leave their working sets. */
export async function stillChanged<C extends { other: Session; tree: string; path: string }>(candidates: C[]): Promise<{ editing: C[]; settled: LogEntry[] }> {
  const editing: C[] = [];
  const settled: LogEntry[] = [];
  const trees = new Map<string, C[]>();
  for (const c of candidates) trees.set(c.tree, [...(trees.get(c.tree) ?? []), c]);
  for (const [tree, list] of trees) {
    const dirty = await dirtyFiles(tree, [...new Set(list.map((c) => c.path))]);
    for (const c of list) {
      if (!dirty || dirty.has(c.path)) editing.push(c);
      else settled.push({ type: 'settle', id: c.other.id, tree, paths: [c.path], ts: Date.now() });
    }
  }
  return { editing, settled };
}
