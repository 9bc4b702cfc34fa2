/**
 * Seeded randomness for the tests: every random choice a test makes comes from a seed it prints
 * in its name (or fast-check prints on a failure), so a failing run can be replayed with
 * SEED=… (FUZZ_SEED=… is the older name, still read).
 */
import fc from 'fast-check';

/** The seed of this run: SEED or FUZZ_SEED from the environment, else the file's fixed default. */
export function seedFor(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.SEED) || Number(env.FUZZ_SEED) || fallback;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seeds every fast-check property of the calling test file (fast-check prints the seed and the
 * path of a failing case in its error; SEED=… replays it). Call once at the top of the file.
 */
export function seedFastCheck(fallback = 0x5eed15): number {
  const seed = seedFor(fallback);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
  return seed;
}

/**
 * Strings of any code point but the surrogate halves: what fast-check's `unit: 'binary'` gives,
 * without its cost. That unit builds a map of all 1.1 million code points the first time a
 * process makes one (1.4 s of CPU here, in every worker that runs such a file), to bias its
 * strings toward a list of "dangerous" ones; the files that use this name those themselves.
 */
export function binaryString(constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> {
  const SURROGATES = 0x800;
  const codePoint = fc.integer({ min: 0, max: 0x10ffff - SURROGATES }).map((n) => String.fromCodePoint(n < 0xd800 ? n : n + SURROGATES));
  return fc.string({ ...constraints, unit: codePoint });
}
