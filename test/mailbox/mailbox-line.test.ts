/**
 * The replay's hand-written fast path for message lines must never accept what the schema
 * rejects, and must read what it accepts exactly as the schema does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageFastPath, readEntry } from '../../src/place/mailbox-line.ts';
import { MESSAGE_KINDS } from '../../src/protocol/messages.ts';
import { LogEntrySchema } from '../support/log-entry-schema.ts';
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
        expect(fast).toEqual(parsed.data);
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

/** Every kind of line the daemon writes, then bent the same ways. */
const anyEntry = fc
  .oneof(
    entry,
    fc.record({ type: fc.constant('session'), id: fc.string(), ids: fc.array(fc.string(), { maxLength: 2 }), pids: fc.array(fc.integer(), { maxLength: 2 }), label: fc.string(), cwd: fc.string(), firstSeen: fc.nat() }, { requiredKeys: ['type', 'id', 'ids', 'pids', 'label', 'firstSeen'] }),
    fc.record({ type: fc.constant('cursor'), id: fc.string(), seq: fc.nat(), ts: fc.nat() }),
    fc.record({ type: fc.constant('meta'), lastSeq: fc.nat(), compactedAt: fc.nat() }),
    fc.record({ type: fc.constant('claim'), resource: fc.string(), holder: fc.string(), label: fc.string(), since: fc.nat(), expiresAt: fc.nat(), note: fc.string() }, { requiredKeys: ['type', 'resource', 'holder', 'label', 'since'] }),
    fc.record({ type: fc.constant('release'), resource: fc.string(), holder: fc.string(), ts: fc.nat() }),
    fc.record({ type: fc.constant('fed'), published: fc.nat(), received: fc.dictionary(fc.string(), fc.nat()) }, { requiredKeys: ['type', 'published'] }),
    fc.record({ type: fc.constant('touch'), id: fc.string(), tree: fc.string(), paths: fc.array(fc.string(), { maxLength: 3 }), ts: fc.nat() }),
    fc.record({ type: fc.constant('settle'), id: fc.string(), tree: fc.string(), paths: fc.array(fc.string(), { maxLength: 3 }), ts: fc.nat() }, { requiredKeys: ['type', 'id', 'ts'] }),
  )
  .chain((e) => {
    const keys = [...Object.keys(e), 'extra'];
    return fc.oneof(
      fc.constant(e as Record<string, unknown>),
      fc.tuple(fc.constantFrom(...keys), fc.oneof(anyValue, fc.double(), fc.constant(1e999), fc.constant(-1), fc.constant(2 ** 53))).map(([k, v]) => ({ ...e, [k]: v })),
      fc.constantFrom(...keys).map((k) => {
        const { [k]: _gone, ...rest } = e as Record<string, unknown>;
        return rest;
      }),
    );
  });

describe('readEntry (the one reader of mailbox lines, without zod)', () => {
  it('accepts and refuses exactly what the line schema does, and keeps what it keeps', () => {
    fc.assert(
      fc.property(anyEntry, (e) => {
        const value = JSON.parse(JSON.stringify(e));
        const ours = readEntry(value);
        const oracle = LogEntrySchema.safeParse(value);
        expect(typeof ours !== 'string').toBe(oracle.success);
        if (oracle.success) expect(ours).toEqual(oracle.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('says why a line is refused: a time past year 9999, an unknown type', () => {
    expect(readEntry({ type: 'cursor', id: 'a', seq: 1, ts: 1e16 })).toBe('not a mailbox entry (ts: time out of range); skipped');
    expect(readEntry({ type: 'nope' })).toBe('not a mailbox entry (unknown type); skipped');
    expect(readEntry({ type: 'constructor' })).toBe('not a mailbox entry (unknown type); skipped');
  });
});
