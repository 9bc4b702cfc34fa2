/**
 * Claim globs are matched without regular expressions: a claim is a string from a peer, and a
 * regex built from `x/*a*a*a…*b` backtracked for minutes against a long name, stalling the
 * daemon for every client; `[z-a]` threw. The matcher must mean what the regex meant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatch, overlaps } from '../../src/daemon/claims.ts';
import { seedFastCheck } from '../support/seed.ts';

seedFastCheck();

/** The regex the matcher replaced, kept here as the reference for what a glob means. */
function referenceRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[' && glob.indexOf(']', i + 2) !== -1) {
      const end = glob.indexOf(']', i + 2);
      re += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\\[\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

describe('claim globs', () => {
  it('match as the regex did, wherever the regex was valid', () => {
    const alphabet = fc.constantFrom('a', 'b', '.', '*', '?', '[', ']', '!', '-');
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', '.', '-', '!', ']'), maxLength: 10 }), (glob, name) => {
        // A `]` first in a class is literal, as in a shell; the regex read `[]` as an empty class.
        if (/\[!?\]/.test(glob)) return;
        let re: RegExp;
        try {
          re = referenceRegex(glob);
        } catch {
          return; // The regex could not even be built: the matcher must just not throw.
        }
        expect(globMatch(glob, name)).toBe(re.test(name));
      }),
      { numRuns: 3000 },
    );
  });

  it('answer at once for a glob built to backtrack, and never throw on a bad class', () => {
    const started = Date.now();
    expect(overlaps(`x/${'a'.repeat(500)}`, `x/${'*a'.repeat(40)}*b`)).toBe(false);
    expect(overlaps(`x/${'a'.repeat(500)}`, `x/${'*a'.repeat(40)}`)).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
    expect(() => overlaps('src/[z-a]', 'src/q')).not.toThrow();
    expect(overlaps('src/[z-a]', 'src/q')).toBe(false);
    expect(globMatch('[]a]', ']')).toBe(true);
  });
});
