/**
 * The daemon's quick checks of hello and broadcast (daemon/quick-params.ts) against the zod
 * schemas they stand in for: whatever they accept, zod accepts and returns alike (the same
 * keys in the same order, the same values); what they leave, zod decides. And they do accept
 * what a `session-bus send` and a handshake send, or they would save nothing.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MESSAGE_KINDS } from '../../src/protocol/messages.ts';
import { ParamSchemas } from '../../src/daemon/param-schemas.ts';
import { quickParams } from '../../src/daemon/quick-params.ts';
import { humanIdentity } from '../../src/place/identity.ts';
import { PROTOCOL_VERSION, VERSION } from '../../src/protocol/version.ts';
import { seedFor } from '../support/seed.ts';

const odd = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 3 }),
  fc.double(),
  fc.constantFrom(2 ** 53, -1, 1.5, 0),
  fc.string({ maxLength: 5 }),
  fc.string({ minLength: 60, maxLength: 140 }),
  fc.constantFrom('', 'a\nb', 'x\u202ey', 'main#1', 'note', 'lock', 'Note'),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.array(fc.constant('peer'), { minLength: 30, maxLength: 34 }),
  fc.string({ minLength: 4090, maxLength: 4100 }),
);
/** Mostly valid params, each key now and then odd or left out (an extra key, too, now and then). */
const near = (valid: Record<string, unknown>, optional: string[], extra: string[]) =>
  fc.record(Object.fromEntries([...Object.keys(valid), ...extra].map((k) => [k, fc.oneof({ arbitrary: fc.constant(valid[k]), weight: 12 }, { arbitrary: odd, weight: 1 })])), {
    requiredKeys: Object.keys(valid).filter((k) => !optional.includes(k)),
  }).chain((r) => fc.boolean().map((keepExtra) => (keepExtra ? r : Object.fromEntries(Object.entries(r).filter(([k]) => !extra.includes(k))))));

const hello = { protocol: PROTOCOL_VERSION, version: VERSION, root: '/tmp/p/.git' };
const broadcast = { ...humanIdentity('/tmp/p'), text: 'hi', kind: 'note', to: ['main#2'] };

/** How many generated params the quick check took: a property that never reached it proves nothing. */
let taken = 0;

function same(method: 'hello' | 'broadcast', raw: unknown): void {
  const quick = quickParams(method, raw);
  if (quick === undefined) return;
  taken++;
  const parsed = ParamSchemas[method].safeParse(raw);
  expect(parsed.success).toBe(true);
  expect(Object.keys(quick)).toEqual(Object.keys(parsed.data!));
  expect(quick).toEqual(parsed.data);
  // A copy, as zod's: the handler may file the label on it.
  expect(quick).not.toBe(raw);
}

describe('quick params', () => {
  it('accept what a send and a handshake carry', () => {
    expect(quickParams('hello', hello)).toEqual(hello);
    const sent = { ...humanIdentity('/tmp/p'), text: 'x', kind: 'note' };
    expect(quickParams('broadcast', sent)).toEqual(ParamSchemas.broadcast.parse(sent));
    expect(quickParams('broadcast', { sessionId: 's', pid: 1, label: 'main#1', text: '', to: 'main#2' })).toBeDefined();
  });

  it('leave every other method, and any unknown key, to zod', () => {
    expect(quickParams('register', { sessionId: 's', pid: 1, label: 'l' })).toBeUndefined();
    expect(quickParams('hello', { ...hello, extra: 1 })).toBeUndefined();
    expect(quickParams('broadcast', { ...broadcast, cwd: undefined })).toBeUndefined();
    expect(quickParams('broadcast', [broadcast])).toBeUndefined();
  });

  it('never accept what zod refuses, nor return it otherwise (hello)', () => {
    taken = 0;
    fc.assert(fc.property(near(hello, [], ['extra']), (raw) => same('hello', raw)), { seed: seedFor(1811), numRuns: 3000 });
    expect(taken).toBeGreaterThan(100);
  });

  it('never accept what zod refuses, nor return it otherwise (broadcast)', () => {
    taken = 0;
    fc.assert(
      fc.property(near(broadcast, ['cwd', 'kind', 'to'], ['extra']), fc.constantFrom(...MESSAGE_KINDS), (raw, kind) => {
        same('broadcast', raw);
        same('broadcast', { ...raw, kind });
      }),
      { seed: seedFor(1812), numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(100);
  });
});

describe('requests while the schemas load', () => {
  it('keep their order: a broadcast (quick) pipelined behind a register (which needs the schemas) waits for it, so its recipient is known', async () => {
    // A fresh module graph: the schemas are not loaded in it yet, as in a daemon just started.
    vi.resetModules();
    const { startInProcess } = await import('../support/in-process.ts');
    const { schemasLoaded } = await import('../../src/daemon/schema-loader.ts');
    const d = startInProcess();
    try {
      expect(schemasLoaded()).toBe(false);
      const { client } = d.connect();
      const B = { sessionId: 'sess-b', pid: 102, label: 'main#bbbbbb' };
      // Both sent at once, read in one turn: were the broadcast answered first, B would be no one.
      const [, sent] = await Promise.all([
        client.request('register', { ...B, live: true }),
        client.request('broadcast', { sessionId: 'sess-a', pid: 101, label: 'main#aaaaaa', text: 'for B', to: B.label }),
      ]);
      expect(sent.seq).toBe(1);
      expect(schemasLoaded()).toBe(true);
      expect((await client.request('peek', B)).messages.map((m) => m.text)).toEqual(['for B']);
    } finally {
      d.close();
    }
  });
});
