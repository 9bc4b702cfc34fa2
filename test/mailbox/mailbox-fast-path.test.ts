/**
 * The replay's hand-written fast path for message lines must never accept what the schema
 * rejects, and must read what it accepts exactly as the schema does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageFastPath } from '../../src/place/mailbox-replay.ts';
import { MESSAGE_KINDS } from '../../src/protocol/messages.ts';
import { LogEntrySchema } from '../../src/protocol/schema.ts';
import { seedFastCheck } from '../support/seed.ts';

seedFastCheck();

const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));

/** Messages as the daemon writes them, then bent: a field swapped for any value, a key added or dropped. */
const entry = fc
  .record(
    {
      type: fc.constant('msg'),
      seq: fc.oneof(fc.integer({ min: 1 }), fc.maxSafeNat()),
      ts: fc.integer({ min: 0 }),
      origin: fc.record({ sessionId: fc.string(), pid: fc.nat() }),
      from: fc.string(),
      kind: fc.constantFrom(...MESSAGE_KINDS),
      text: fc.string(),
      to: fc.array(fc.string(), { maxLength: 3 }),
    },
    { requiredKeys: ['type', 'seq', 'ts', 'origin', 'from', 'kind', 'text'] },
  )
  .chain((e) =>
    fc.oneof(
      fc.constant(e as Record<string, unknown>),
      fc.tuple(fc.constantFrom('type', 'seq', 'ts', 'origin', 'from', 'kind', 'text', 'to', 'extra'), anyValue).map(([k, v]) => ({ ...e, [k]: v })),
      fc.constantFrom('type', 'seq', 'origin', 'text').map((k) => {
        const { [k]: _gone, ...rest } = e as Record<string, unknown>;
        return rest;
      }),
      anyValue.map((v) => ({ ...e, origin: { ...e.origin, pid: v } })),
    ),
  );

describe('messageFastPath', () => {
  it('agrees with the schema on every line it accepts, and accepts the lines the daemon writes', () => {
    let taken = 0;
    fc.assert(
      fc.property(entry, (e) => {
        const value = JSON.parse(JSON.stringify(e));
        const fast = messageFastPath(value);
        if (!fast) return;
        taken++;
        const parsed = LogEntrySchema.safeParse(value);
        expect(parsed.success).toBe(true);
        const { type: _type, ...record } = parsed.data as Record<string, unknown>;
        expect(fast).toEqual(record);
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(300);
  });

  it('leaves other entries and odd shapes to the schema', () => {
    expect(messageFastPath({ type: 'cursor', id: 'a', seq: 1, ts: 1 })).toBeUndefined();
    expect(messageFastPath(null)).toBeUndefined();
    expect(messageFastPath([1])).toBeUndefined();
  });
});
