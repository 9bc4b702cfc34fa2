/**
 * What file a claimed path means. Pure: the file system comes in as a `realpath` function.
 *
 * Claude Code's own file tools name files by absolute path, people by repository-relative path,
 * and either may go through `./`, `..` or a symlink. Overlap is checked on strings, so every
 * form of one file must become one string first: the path relative to the repository root,
 * with symlinks resolved as far as the path exists (a claim may name a file about to be made,
 * or a glob). Relative paths are relative to the root, not to a folder inside it: `src/x.ts`
 * means that file in whichever worktree of the repository.
 */

/** The real path of an existing path, undefined when it does not exist (or cannot be read). */
export type RealPath = (path: string) => string | undefined;

export type CanonicalPath = { ok: true; path: string } | { ok: false };

function hasGlob(segment: string): boolean {
  return /[*?[]/.test(segment);
}

/** `.`, `..` and empty segments folded without the file system. */
function lexical(abs: string): string {
  const out: string[] = [];
  for (const s of abs.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return `/${out.join('/')}`;
}

/**
 * Resolves an absolute path segment by segment, as the kernel does: each existing prefix by its
 * real path (so a `..` after a symlink leaves the link's target, not the link), the rest, which
 * does not exist yet or is a glob, folded lexically.
 */
function resolveReal(abs: string, realpath: RealPath): string {
  let cur = '';
  let globbed = false;
  for (const s of abs.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      cur = cur.slice(0, cur.lastIndexOf('/'));
      // Back out of a glob (`*/../src`): what follows names real files again.
      globbed = cur.split('/').some(hasGlob);
      continue;
    }
    globbed ||= hasGlob(s);
    const next = `${cur}/${s}`;
    cur = (globbed ? undefined : realpath(next)) ?? next;
  }
  return cur || '/';
}

/** `p` relative to `base` ('.' for the base itself), undefined when `p` is not inside it. */
function inside(p: string, base: string): string | undefined {
  if (p === base) return '.';
  if (base === '/') return p.slice(1);
  return p.startsWith(`${base}/`) ? p.slice(base.length + 1) : undefined;
}

/**
 * The repository-relative path a claim on `given` means, for a session whose worktree root is
 * `root` (absolute); `{ ok: false }` when it names a place outside the worktree. `given` is a
 * path or glob, absolute or relative to the root; backslashes count as separators (Windows).
 */
export function canonicalClaimPath(root: string, given: string, realpath: RealPath): CanonicalPath {
  const path = given.trim().replace(/\\/g, '/');
  const lexRoot = lexical(root);
  const realRoot = realpath(lexRoot) ?? lexRoot;
  const abs = path.startsWith('/') ? path : `${lexRoot}/${path}`;
  const real = inside(resolveReal(abs, realpath), realRoot);
  if (real !== undefined) return { ok: true, path: real };
  // A symlink in the repository to a place outside it (node_modules to a shared store): the name
  // the repository gives it is what is claimed.
  const lex = lexical(abs);
  const named = inside(lex, lexRoot) ?? inside(lex, realRoot);
  return named === undefined ? { ok: false } : { ok: true, path: named };
}
