/**
 * Pathspec coverage as the guard reads it: a path covers itself and what is under it, `.` covers
 * everything, a glob matches as git's pathspecs do (`*` crosses `/`). Matched without regular
 * expressions, so a hostile pattern cannot stall a hook; the matcher agrees with the regex it
 * stands for. GUARD_SEED=… replays or varies the property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathspecCovers, wildMatch } from '../../src/guard/pathspec.ts';

const SEED = Number(process.env.GUARD_SEED) || 0x16a5d;

describe('pathspec coverage', () => {
  it.each([
    ['.', 'any/file.ts', true],
    ['src', 'src/x.ts', true],
    ['src/', 'src/x.ts', true],
    ['src', 'srcx/y.ts', false],
    ['src/x.ts', 'src/x.ts', true],
    ['src/x.ts', 'src/x.tsx', false],
    ['*.ts', 'src/deep/x.ts', true],
    ['src/*.ts', 'src/a/b.ts', true],
    ['src/*.ts', 'lib/a.ts', false],
    ['s?c', 'src/x', true],
    ['[st]rc', 'src/x', true],
    ['[!s]rc', 'src/x', false],
    ['[a-z]*', 'Q', false],
    ['a[', 'a[', true],
    ['docs/**', 'docs/a/b.md', true],
    ['\\*', '*', true],
    ['\\*', 'x', false],
  ])('%j covers %j: %s', (spec, file, expected) => {
    expect(pathspecCovers(spec, file)).toBe(expected);
  });

  it('agrees with the regex a glob stands for (without brackets)', () => {
    const ref = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
    try {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '/', '*', '?', '.'), maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', '/', '.'), maxLength: 10 }), (p, s) => {
          expect(wildMatch(p, s)).toBe(ref(p).test(s));
        }),
        { seed: SEED, numRuns: 2000 },
      );
    } catch (err) {
      console.error(`pathspec property failed with GUARD_SEED=${SEED}`);
      throw err;
    }
  });

  it('does not stall on a pattern that makes a regex backtrack', () => {
    const started = performance.now();
    expect(pathspecCovers(`${'a*'.repeat(30)}b`, `${'a'.repeat(3000)}/${'a'.repeat(3000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
