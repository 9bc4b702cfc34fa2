/**
 * Where a command runs, as the guard follows it through `cd`, `git -C`, `env -C`, `sudo -D`:
 * a path relative to where the line starts ('.'), an absolute path, a path from the top of the
 * worktree the line starts in (`:/`, `:/src` — git's own spelling — for the usual
 * `cd "$(git rev-parse --show-toplevel)"`), or null when it cannot be known (`cd $X`, `cd -`).
 */
import { posix } from 'node:path';

/** The top of the worktree the line starts in. */
export const TOP = ':/';

const TOPLEVEL = /^(?:\$\(git rev-parse --show-toplevel\)|`git rev-parse --show-toplevel`)(\/[^$`*?[~]*)?$/;

/** The directory a word names: its value when literal, the worktree top (and below) for `$(git rev-parse --show-toplevel)`, else unknown. */
export function dirOf(word: { value: string; literal: boolean }): string | null {
  if (word.literal) return word.value;
  const m = TOPLEVEL.exec(word.value);
  return m ? fromTop((m[1] ?? '').slice(1)) : null;
}

/** `dir` after moving to `to` (relative, absolute or from the top); unknown stays unknown, and so does above the top. */
export function moveDir(dir: string | null, to: string | null): string | null {
  if (to === null || dir === null) return null;
  if (to === '') return dir;
  if (to.startsWith(TOP)) return fromTop(to.slice(TOP.length));
  if (posix.isAbsolute(to)) return posix.normalize(to);
  if (dir.startsWith(TOP)) return fromTop(posix.join(dir.slice(TOP.length), to));
  return posix.join(dir, to);
}

function fromTop(rel: string): string | null {
  const norm = posix.normalize(rel || '.');
  if (norm === '..' || norm.startsWith('../')) return null;
  return norm === '.' ? TOP : `${TOP}${norm.replace(/\/$/, '')}`;
}
