/**
 * utcClock tells the time by arithmetic (a Date costs the prompt hook its first use): it must
 * say what Date says, for any time Date can hold, and `??` where Date cannot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcClock } from '../../src/display/time.ts';

/** Date's UTC hours, minutes and seconds (toISOString's slice, which this replaced, was wrong past year 9999). */
const byDate = (ts: number, seconds = true) => {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return seconds ? '??:??:??' : '??:??';
  const two = (n: number) => String(n).padStart(2, '0');
  return [d.getUTCHours(), d.getUTCMinutes(), ...(seconds ? [d.getUTCSeconds()] : [])].map(two).join(':');
};

describe('utcClock', () => {
  it('says what Date says, for any time it can hold, whole or not, before 1970 or after 9999, whose ISO form has a longer year (seeded)', () => {
    const ts = fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }), fc.integer({ min: -200_000_000_000, max: 4_000_000_000_000 }));
    fc.assert(
      fc.property(ts, fc.boolean(), (t, seconds) => utcClock(t, seconds) === byDate(t, seconds)),
      { seed: 20261201, numRuns: 20_000 },
    );
  });

  it('edges: the range bounds, -0, fractions either side of a second, and what is no time', () => {
    for (const t of [0, -0, -1, -0.5, 0.999, 999.9, 1000, -1000.5, 86_399_999, 86_400_000, 8.64e15, -8.64e15, 8.64e15 + 1, -8.64e15 - 1, NaN, Infinity, -Infinity]) {
      expect([utcClock(t), utcClock(t, false)], String(t)).toEqual([byDate(t), byDate(t, false)]);
    }
  });
});
