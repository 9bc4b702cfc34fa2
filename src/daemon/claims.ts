/**
 * Claims on shared resources: advisory locks the bus refuses to double-book. Pure logic.
 *
 * A resource is a name with a scheme (`port:1420`, `db:dev`), compared exactly, or a path or glob
 * (`src/api/**`, `src/*.ts`, `README.md`). A plain path claims everything under it. Two paths or
 * globs conflict when some file could match both; names never conflict with paths.
 */
import type { ClaimState } from '../place/apply-entry.ts';
import type { Claim } from '../place/mailbox-entries.ts';

/** A claim held on this host: what the wire shows, without another host's name. */
export type { Claim };

const NAME = /^[A-Za-z][\w.+-]*:(?![\\/])/;

export function isName(resource: string): boolean {
  return NAME.test(resource);
}

export function normalizeResource(resource: string): string {
  const r = resource.trim();
  if (isName(r)) return r;
  const segs = r.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  return segs.join('/') || '.';
}

function hasGlob(s: string): boolean {
  return /[*?[]/.test(s);
}

/** Do two resources overlap? */
export function overlaps(a: string, b: string): boolean {
  const an = isName(a);
  const bn = isName(b);
  if (an || bn) return an && bn && a === b;
  return segmentsOverlap(expand(a), expand(b));
}

/**
 * The fixed folders a path claim begins with: `src/api` for `src/api/**`, `src/a.ts` for a plain
 * path, '' for a claim that begins with a glob or for the whole repository. A file can overlap
 * the claim only when one of its path and this prefix lies under the other: the edit guard's
 * hook checks that much itself (a file under no prefix needs no question to the daemon);
 * `overlaps` is the exact answer.
 */
export function literalPrefix(resource: string): string {
  const segs = normalizeResource(resource).split('/');
  const fixed: string[] = [];
  for (const s of segs) {
    if (s === '.' || hasGlob(s)) break;
    fixed.push(s);
  }
  return fixed.join('/');
}

/** A path that names no glob claims itself and everything under it. */
function expand(p: string): string[] {
  const segs = p === '.' ? [] : p.split('/');
  if (!segs.some(hasGlob)) segs.push('**');
  return segs;
}

function segmentsOverlap(a: string[], b: string[]): boolean {
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let r: boolean;
    if (i === a.length && j === b.length) r = true;
    else if (a[i] === '**') r = go(i + 1, j) || (j < b.length && go(i, j + 1));
    else if (b[j] === '**') r = go(i, j + 1) || (i < a.length && go(i + 1, j));
    else if (i === a.length || j === b.length) r = false;
    else r = segmentCompatible(a[i]!, b[j]!) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

/** Can some single path segment match both patterns? Exact for a literal against a glob; for two globs, by their fixed ends. */
function segmentCompatible(x: string, y: string): boolean {
  const gx = hasGlob(x);
  const gy = hasGlob(y);
  if (!gx && !gy) return x === y;
  if (!gx) return globMatch(y, x);
  if (!gy) return globMatch(x, y);
  const [px, sx] = fixedEnds(x);
  const [py, sy] = fixedEnds(y);
  return (px.startsWith(py) || py.startsWith(px)) && (sx.endsWith(sy) || sy.endsWith(sx));
}

function fixedEnds(glob: string): [string, string] {
  const first = glob.search(/[*?[]/);
  let last = -1;
  for (let i = glob.length - 1; i >= 0; i--) {
    if ('*?]'.includes(glob[i]!)) {
      last = i;
      break;
    }
  }
  return [glob.slice(0, first), glob.slice(last + 1)];
}

/** One glob element: a literal character, `?`, `*`, or a `[...]` class. */
type GlobToken = { kind: 'char'; c: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negate: boolean; items: string[] };

function parseGlob(glob: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      // `**` inside a segment matches what `*` does; a run of stars is one star.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[' && glob.indexOf(']', i + 2) !== -1) {
      const end = glob.indexOf(']', i + 2);
      let body = glob.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      tokens.push({ kind: 'class', negate, items: [...body] });
      i = end;
    } else tokens.push({ kind: 'char', c });
  }
  return tokens;
}

function classHas(items: string[], c: string): boolean {
  for (let i = 0; i < items.length; i++) {
    if (items[i + 1] === '-' && i + 2 < items.length) {
      // A range whose ends are out of order matches nothing (never a thrown error).
      if (items[i]! <= c && c <= items[i + 2]!) return true;
      i += 2;
    } else if (items[i] === c) return true;
  }
  return false;
}

function tokenMatches(t: GlobToken, c: string): boolean {
  if (t.kind === 'char') return t.c === c;
  if (t.kind === 'any') return c !== '/';
  if (t.kind === 'class') return c !== '/' && classHas(t.items, c) !== t.negate;
  return false;
}

/**
 * Does the glob `glob` match the whole of `s`? Linear backtracking to the last star only, so
 * the time is O(|glob|·|s|) whatever the input: a claim is a string from a peer, and a regex
 * built from it (`a*a*a*…b`) could backtrack for minutes and stall the whole daemon.
 */
export function globMatch(glob: string, s: string): boolean {
  const tokens = parseGlob(glob);
  const chars = [...s];
  let ti = 0;
  let si = 0;
  let starTi = -1;
  let starSi = 0;
  while (si < chars.length) {
    const t = tokens[ti];
    if (t && t.kind === 'star') {
      starTi = ti++;
      starSi = si;
    } else if (t && tokenMatches(t, chars[si]!)) {
      ti++;
      si++;
    } else if (starTi !== -1 && chars[starSi] !== '/') {
      ti = starTi + 1;
      si = ++starSi;
    } else return false;
  }
  while (tokens[ti]?.kind === 'star') ti++;
  return ti === tokens.length;
}

export class ClaimTable implements ClaimState {
  private claims = new Map<string, Claim>();

  /** A live claim by someone else that overlaps `resource`. */
  conflict(resource: string, holder: string, now: number): Claim | undefined {
    for (const c of this.claims.values()) {
      if (c.holder !== holder && !expired(c, now) && overlaps(c.resource, resource)) return c;
    }
    return undefined;
  }

  /** Takes or refreshes a claim: only through applyClaimEntry, once its entry is recorded. */
  put(claim: Claim): void {
    this.claims.set(claim.resource, claim);
  }

  get(resource: string): Claim | undefined {
    return this.claims.get(resource);
  }

  remove(resource: string): void {
    this.claims.delete(resource);
  }

  heldBy(holder: string): Claim[] {
    return [...this.claims.values()].filter((c) => c.holder === holder);
  }

  list(now: number): Claim[] {
    return [...this.claims.values()].filter((c) => !expired(c, now)).sort((a, b) => a.since - b.since);
  }

  clear(): void {
    this.claims.clear();
  }
}

function expired(c: Claim, now: number): boolean {
  return c.expiresAt !== undefined && c.expiresAt <= now;
}
