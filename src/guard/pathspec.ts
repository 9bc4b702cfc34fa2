/**
 * Whether a git pathspec (root-relative, as a command names it) covers a file (root-relative):
 * the file itself, a directory above it, or a glob as git reads pathspecs (`*` and `?` also
 * match `/`, `[a-z]`, `[!x]`). Matched without regular expressions: a pattern like
 * `a*a*a*a*b` built into a regex backtracks for ages on a long name, and this runs in a hook.
 */

/** At `p[i]`, a bracket class: its end (index after `]`) and whether it accepts `c`; null if `[` has no `]`. */
function bracket(p: string, i: number, c: string): { end: number; ok: boolean } | null {
  let j = i + 1;
  const negate = p[j] === '!' || p[j] === '^';
  if (negate) j++;
  let ok = false;
  let first = true;
  for (; j < p.length; j++) {
    if (p[j] === ']' && !first) return { end: j + 1, ok: ok !== negate };
    first = false;
    if (p[j + 1] === '-' && p[j + 2] !== undefined && p[j + 2] !== ']') {
      if (c >= p[j]! && c <= p[j + 2]!) ok = true;
      j += 2;
    } else if (p[j] === c) ok = true;
  }
  return null;
}

/** Glob match of the whole `s` by `p`, in O(|p|·|s|) at worst (one star remembered at a time). */
export function wildMatch(p: string, s: string): boolean {
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    const pc = p[pi];
    if (pc === '*') {
      star = pi++;
      mark = si;
      continue;
    }
    let step = 0;
    if (pc === '?') step = 1;
    else if (pc === '[') {
      const b = bracket(p, pi, s[si]!);
      step = b ? (b.ok ? b.end - pi : 0) : s[si] === '[' ? 1 : 0;
    } else if (pc === '\\' && p[pi + 1] !== undefined) step = p[pi + 1] === s[si] ? 2 : 0;
    else if (pc !== undefined && pc === s[si]) step = 1;
    if (step) {
      pi += step;
      si++;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else return false;
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}

const GLOB = /[*?[\\]/;

/** Whether `spec` covers `file`: `.` everything, a path itself or what is under it, a glob what it matches (or is under a match). */
export function pathspecCovers(spec: string, file: string): boolean {
  if (spec === '.' || spec === '' || spec === '*') return true;
  const s = spec.endsWith('/') ? spec.slice(0, -1) : spec;
  if (file === s || file.startsWith(`${s}/`)) return true;
  if (!GLOB.test(s)) return false;
  if (wildMatch(s, file)) return true;
  for (let i = file.indexOf('/'); i > 0; i = file.indexOf('/', i + 1)) if (wildMatch(s, file.slice(0, i))) return true;
  return false;
}
