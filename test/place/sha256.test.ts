import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/place/sha256.ts';
import { seedFastCheck } from '../support/seed.ts';

seedFastCheck();

const reference = (s: string) => createHash('sha256').update(s).digest('hex');

describe('sha256Hex', () => {
  it('matches the known vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches node:crypto on every length around the block boundaries', () => {
    for (let n = 0; n < 300; n++) expect(sha256Hex('p'.repeat(n))).toBe(reference('p'.repeat(n)));
  });

  it('matches node:crypto on any text, paths with non-ASCII included', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => sha256Hex(s) === reference(s)), { numRuns: 2000 });
  });
});
