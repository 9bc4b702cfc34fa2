/**
 * The guard marker's content (place/guard-marker.ts): what lets the edit guard's hook let most
 * edits go without asking the daemon. Pure, in-process; the one property that matters: whatever
 * the daemon would find in a claim, the marker's prefix finds too (it errs only towards asking).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalPrefix, overlaps } from '../../src/daemon/claims.ts';
import { guardMarkerText, mayCollide, parseGuardMarker } from '../../src/place/guard-marker.ts';

const SEED = 20261201;
const marker = (claims: string[], editing: string[] = [], ask = false) => parseGuardMarker(guardMarkerText({ ask, claims, editing }))!;

describe('guard marker', () => {
  it('a claim is known by the fixed folders it begins with', () => {
    expect(['src/api/**', 'src/*.ts', 'src/a.ts', './src//b/', '**/x.ts', '*', '.', 'a[bc]/d', 'x?/y'].map(literalPrefix)).toEqual(['src/api', 'src', 'src/a.ts', 'src/b', '', '', '', '', '']);
  });

  it('may collide: a file under a claim prefix, a folder claim under the file, an exact working-set path, or ask; nothing else', () => {
    const m = marker(['src/api', 'docs/guide.md'], ['lib/x.ts']);
    expect(['src/api/a.ts', 'src/api', 'src', 'docs/guide.md', 'lib/x.ts', '.'].map((f) => mayCollide(m, f))).toEqual([true, true, true, true, true, true]);
    expect(['src/apix.ts', 'src/b.ts', 'docs/guide.md.bak', 'lib/x.tsx', 'lib/y.ts', 'README.md'].map((f) => mayCollide(m, f))).toEqual([false, false, false, false, false, false]);
    expect(mayCollide(marker(['']), 'any/file.ts')).toBe(true);
    expect(mayCollide(marker([], [], true), 'README.md')).toBe(true);
  });

  it('a marker that is empty, torn, of another version or of the wrong shape is not understood (the hook then asks)', () => {
    for (const text of ['', '{"v":1,"ask":false,"claims":[]', '{"v":2,"ask":false,"claims":[],"editing":[]}', '{"v":1,"ask":"no","claims":[],"editing":[]}', '{"v":1,"ask":false,"claims":[1],"editing":[]}', 'null']) {
      expect(parseGuardMarker(text), text).toBeUndefined();
    }
    expect(parseGuardMarker(guardMarkerText({ ask: false, claims: ['b', 'a', 'a'], editing: ['x'] }))).toEqual({ v: 1, ask: false, claims: ['a', 'b'], editing: ['x'] });
  });

  it('whenever a claim overlaps a file, its prefix in the marker says the file may collide (seeded)', () => {
    const segment = fc.constantFrom('a', 'b', 'src', 'x.ts', 'a.ts', '*', '**', '*.ts', 'a*', '?', 'x?ts', '[ab]', '[!a]', '.');
    const claim = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));
    const file = fc.array(fc.constantFrom('a', 'b', 'src', 'x.ts', 'a.ts', 'ab', 'bx.ts'), { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));
    let overlapping = 0;
    fc.assert(
      fc.property(claim, file, (c, f) => {
        if (!overlaps(c, f)) return true;
        overlapping += 1;
        return mayCollide(marker([literalPrefix(c)]), f);
      }),
      { seed: SEED, numRuns: 5000 },
    );
    // The property was tested on overlapping pairs, not only passed by the others.
    expect(overlapping).toBeGreaterThan(500);
  });
});
