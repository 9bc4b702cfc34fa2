/**
 * Claims on shared resources: advisory locks the bus refuses to double-book. Pure logic.
 *
 * A resource is a name with a scheme (`port:1420`, `db:dev`), compared exactly, or a path or glob
 * (`src/api/**`, `src/*.ts`, `README.md`). A plain path claims everything under it. Two paths or
 * globs conflict when some file could match both; names never conflict with paths.
 */

export interface Claim {
  resource: string;
  /** The holder's session id (its key in the broker). */
  holder: string;
  label: string;
  since: number;
  /** Absolute expiry, ms since the epoch; absent: until released or the holder is gone. */
  expiresAt?: number;
  note?: string;
}

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
  if (!gx) return globRegex(y).test(x);
  if (!gy) return globRegex(x).test(y);
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

function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export class ClaimTable {
  private claims = new Map<string, Claim>();

  /** A live claim by someone else that overlaps `resource`. */
  conflict(resource: string, holder: string, now: number): Claim | undefined {
    for (const c of this.claims.values()) {
      if (c.holder !== holder && !expired(c, now) && overlaps(c.resource, resource)) return c;
    }
    return undefined;
  }

  /** Takes or refreshes a claim; the caller has checked `conflict` first. */
  set(claim: Claim): void {
    this.claims.set(claim.resource, claim);
  }

  get(resource: string): Claim | undefined {
    return this.claims.get(resource);
  }

  delete(resource: string): boolean {
    return this.claims.delete(resource);
  }

  heldBy(holder: string): Claim[] {
    return [...this.claims.values()].filter((c) => c.holder === holder);
  }

  /** Removes and returns the claims whose TTL has run out. */
  expire(now: number): Claim[] {
    const gone = [...this.claims.values()].filter((c) => expired(c, now));
    for (const c of gone) this.claims.delete(c.resource);
    return gone;
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
