/**
 * Property-based fuzzing of the wire, against a real daemon: random bytes, random JSON, random
 * requests and random parameters for every method. Whatever arrives, the daemon answers every
 * line that needs an answer (an error for what is invalid, never an internal error), never
 * hangs, never crashes, and a well-behaved client on the same daemon is untouched.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/client/connect.ts';
import { ConnectionError, RpcError } from '../../src/transport/rpc-client.ts';
import { ErrorCode } from '../../src/protocol/errors.ts';
import { encodeFrame, LineDecoder, type Frame } from '../../src/protocol/framing.ts';
import { DELIVERY_PATHS, MESSAGE_KINDS, WAKE_POLICIES, type MethodName } from '../../src/protocol/messages.ts';
import { ParamSchemas } from '../../src/daemon/param-schemas.ts';
import { useProjects, type TestProject } from '../support/project.ts';
import { binaryString, seedFor } from '../support/seed.ts';
import { assertBystanderWorks, rawExchange } from './helpers.ts';

let p: TestProject;
let bystander: Connection;
const who = { sessionId: 'bystander-fuzz', pid: 4343, label: 'main#bystfz' };
const KNOWN_CODES = new Set(Object.values(ErrorCode).filter((v) => typeof v === 'number'));

const project = useProjects({ scope: 'file' });
beforeAll(async () => {
  p = project();
  bystander = await project.connect(p);
  await bystander.client.request('register', { ...who, live: true });
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The oracle: does the daemon owe this line an answer? (Blank lines and notifications get none.) */
function owesReply(line: Buffer): boolean {
  let text: string;
  try {
    text = utf8.decode(line);
  } catch {
    return true;
  }
  if (text.trim() === '') return false;
  let v: any;
  try {
    v = JSON.parse(text);
  } catch {
    return true;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return true;
  // A reply (result or error, no method) is never answered: two peers must not trade errors forever.
  if (v.method === undefined && ('result' in v || 'error' in v)) return false;
  const idOk = v.id === undefined || v.id === null || typeof v.id === 'string' || typeof v.id === 'number';
  if (v.jsonrpc !== '2.0' || typeof v.method !== 'string' || !idOk) return true;
  return v.id !== undefined;
}

function isShutdown(line: Buffer): boolean {
  try {
    return JSON.parse(line.toString('utf8'))?.method === 'shutdown';
  } catch {
    return false;
  }
}

const METHODS = Object.keys(ParamSchemas) as MethodName[];
/** Seeded, so a failure can be replayed (SEED=… or FUZZ_SEED=… to try another). */
const SEED = seedFor(0x14f022);
const json = fc.jsonValue({ maxDepth: 3 });
const noNewline = (b: Uint8Array) => Buffer.from(b.filter((x) => x !== 0x0a));
const anyLine = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map(noNewline),
  binaryString({ maxLength: 200 }).map((s) => Buffer.from(s.replace(/\n/g, ''))),
  json.map((v) => Buffer.from(JSON.stringify(v))),
  fc
    .record(
      {
        jsonrpc: fc.oneof(fc.constant('2.0'), json),
        id: fc.oneof(fc.nat(), fc.string({ maxLength: 8 }), fc.constant(null), json),
        method: fc.oneof(fc.constantFrom(...METHODS, 'nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty'), json),
        params: json,
      },
      { requiredKeys: [] },
    )
    .map((r) => Buffer.from(JSON.stringify(r))),
  fc.constantFrom('', '   ', '\r', '\uFEFF', '{}', '[]', 'null', '{"jsonrpc":"2.0","method":"status"}').map((s) => Buffer.from(s)),
);

/** Plausible and implausible values for every parameter field any method has. */
const FIELD: Record<string, fc.Arbitrary<unknown>> = {
  sessionId: fc.oneof(fc.constantFrom('fuzz-a', 'fuzz-b', who.sessionId, ''), fc.string({ maxLength: 140 }), json),
  pid: fc.oneof(fc.integer({ min: -3, max: 70000 }), fc.double(), json),
  label: fc.oneof(fc.constantFrom('main#fuzz', ''), fc.string({ maxLength: 80 }), json),
  cwd: fc.oneof(fc.string({ maxLength: 30 }), json),
  text: fc.oneof(binaryString({ maxLength: 200 }), fc.string({ minLength: 4090, maxLength: 4200 }), fc.constantFrom(' ', '\u0000\u001b[2J', 'é'.repeat(2049)), json),
  kind: fc.oneof(fc.constantFrom(...MESSAGE_KINDS, 'evil'), json),
  to: fc.oneof(fc.constantFrom(who.label, 'nobody', '#'), fc.array(fc.string({ maxLength: 10 }), { maxLength: 40 }), json),
  live: fc.oneof(fc.boolean(), json),
  push: fc.oneof(fc.constantFrom(...WAKE_POLICIES, 'loud'), json),
  from: fc.oneof(fc.integer({ min: -2, max: 1e6 }), json),
  resource: fc.oneof(
    fc.constantFrom('port:1420', 'src/**', '.', '[z-a]', 'a/[!', '**/**/**', ' '),
    fc.string({ unit: fc.constantFrom('*', '?', '[', ']', '!', '-', '/', 'a', 'b', '\\', ':'), maxLength: 600 }),
    json,
  ),
  ttlSeconds: fc.oneof(fc.double(), fc.integer(), json),
  note: fc.oneof(fc.string({ maxLength: 220 }), json),
  limit: fc.oneof(fc.integer({ min: -1, max: 600 }), json),
  via: fc.oneof(fc.constantFrom(...DELIVERY_PATHS, 'smoke'), json),
  maxChars: fc.oneof(fc.integer({ min: -1, max: 1e9 }), fc.double(), json),
  upTo: fc.oneof(fc.integer({ min: -1, max: 2 ** 53 }), fc.double(), json),
  leaseMs: fc.oneof(fc.integer({ min: -1, max: 1e9 }), fc.double(), json),
  backfillMinutes: fc.oneof(fc.double(), fc.integer({ min: -1, max: 20000 }), json),
  reason: fc.oneof(fc.string({ maxLength: 220 }), json),
  protocol: fc.oneof(fc.integer(), json),
  version: fc.oneof(fc.string({ maxLength: 70 }), json),
  root: fc.oneof(fc.string({ maxLength: 30 }), json),
  paths: fc.oneof(fc.array(fc.oneof(fc.constantFrom('src/a.ts', '/etc/passwd', '../../x', '', '\u0000', '.'), fc.string({ maxLength: 5000 })), { maxLength: 70 }), json),
  tool: fc.oneof(fc.constantFrom('Write', 'Edit', 'a\nb'), fc.string({ maxLength: 80 }), json),
  record: fc.oneof(fc.boolean(), json),
};

/** Values each field's schema accepts (the fuzz must reach the handlers, not only the validator). */
const VALID: Record<string, fc.Arbitrary<unknown>> = {
  sessionId: fc.constantFrom('fuzz-a', 'fuzz-b', 'fuzz-c'),
  pid: fc.integer({ min: 1, max: 70000 }),
  label: fc.constantFrom('main#fuzz', 'feat#x'),
  cwd: fc.string({ maxLength: 30 }),
  text: binaryString({ minLength: 1, maxLength: 300 }),
  kind: fc.constantFrom(...MESSAGE_KINDS),
  to: fc.constantFrom(who.label, [who.sessionId]),
  live: fc.boolean(),
  push: fc.constantFrom(...WAKE_POLICIES),
  from: fc.integer({ min: 0, max: 1e6 }),
  upTo: fc.integer({ min: 0, max: 1e6 }),
  leaseMs: fc.integer({ min: 1, max: 60_000 }),
  resource: fc.oneof(fc.constantFrom('port:1420', 'src/**', 'db:dev', 'src/*.ts'), fc.string({ unit: fc.constantFrom('*', '?', '[', ']', '!', '-', '/', 'a', 'b'), minLength: 1, maxLength: 60 })),
  ttlSeconds: fc.integer({ min: 1, max: 3600 }),
  note: fc.string({ maxLength: 200 }),
  limit: fc.integer({ min: 1, max: 500 }),
  via: fc.constantFrom(...DELIVERY_PATHS),
  maxChars: fc.integer({ min: 1, max: 1e6 }),
  backfillMinutes: fc.integer({ min: 0, max: 100 }),
  reason: fc.string({ maxLength: 100 }),
  protocol: fc.integer({ min: 0, max: 3 }),
  version: fc.constantFrom('0.0.1', '0.1.0', '99.0.0'),
  root: fc.string({ maxLength: 100 }),
  paths: fc.array(fc.constantFrom('src/a.ts', '/etc/passwd', '../../x', 'a/b', '.'), { minLength: 1, maxLength: 5 }),
  tool: fc.constantFrom('Write', 'Edit', 'NotebookEdit'),
  record: fc.boolean(),
};

function paramsFor(method: MethodName): fc.Arbitrary<unknown> {
  const shape: Record<string, { safeParse(v: unknown): { success: boolean } }> = (ParamSchemas[method] as any).shape ?? {};
  const keys = Object.keys(shape);
  const valid = (k: string) => VALID[k] ?? json;
  const required = keys.filter((k) => !shape[k]!.safeParse(undefined).success);
  const plausible = fc.record(Object.fromEntries(keys.map((k) => [k, valid(k)])), { requiredKeys: required });
  const shaped = fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(FIELD[k] ?? json, valid(k))])), { requiredKeys: [] });
  const withExtra = fc.tuple(plausible, fc.constantFrom('__proto__', 'constructor', 'extra', 'then'), json).map(([o, k, v]) => ({ ...(o as object), [k]: v }));
  // Not an object (null would stand for no params): wrong for every method.
  const notAnObject = fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.boolean(), fc.array(json, { maxLength: 3 }));
  return fc.oneof(
    { weight: 4, arbitrary: plausible },
    { weight: 4, arbitrary: shaped },
    { weight: 1, arbitrary: withExtra },
    { weight: 1, arbitrary: json },
    { weight: 1, arbitrary: notAnObject },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const request = fc.constantFrom(...METHODS).chain((method) =>
  paramsFor(method)
    // Never a valid shutdown: it would stop the daemon under test, which is the point of it.
    .filter((params) => method !== 'shutdown' || !ParamSchemas.shutdown.safeParse(JSON.parse(JSON.stringify(params ?? {}))).success)
    .map((params) => ({ method, params })),
);

describe('frame decoder (in-process)', () => {
  it('never throws, never holds more than its limit, and frames do not depend on how bytes are chunked', () => {
    const lineish = fc.array(fc.oneof(fc.uint8Array({ maxLength: 120 }), fc.constant(Uint8Array.from([0x0a]))), { maxLength: 30 });
    fc.assert(
      fc.property(lineish, fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 1, max: 64 }), (parts, cuts, max) => {
        const bytes = Buffer.concat(parts.map((x) => Buffer.from(x)));
        const whole = new LineDecoder(max).push(bytes);
        const d = new LineDecoder(max);
        const chunked: Frame[] = [];
        let prev = 0;
        for (const c of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b).concat(bytes.length)) {
          chunked.push(...d.push(bytes.subarray(prev, c)));
          expect(d.pendingBytes).toBeLessThanOrEqual(max);
          prev = c;
        }
        const newlines = bytes.filter((b) => b === 0x0a).length;
        expect(whole.length).toBeLessThanOrEqual(newlines + 1);
        const shape = (f: Frame) => (f.kind === 'message' ? f : f.kind === 'invalid-json' ? { kind: f.kind } : { kind: f.kind });
        expect(chunked.map((f) => shape(f).kind)).toEqual(whole.map((f) => shape(f).kind));
        expect(chunked.filter((f) => f.kind === 'message')).toEqual(whole.filter((f) => f.kind === 'message'));
      }),
      { numRuns: 400, seed: SEED },
    );
  });
});

describe('the wire, fuzzed against a real daemon', () => {
  it('a hostile claim glob cannot stall the daemon (regex backtracking) or raise an internal error', async () => {
    const a = { sessionId: 'glob-a', pid: 5101, label: 'main#globa' };
    const b = { sessionId: 'glob-b', pid: 5102, label: 'main#globb' };
    const conn = await p.connect();
    try {
      await conn.client.request('claim', { ...a, resource: `x/${'a'.repeat(500)}` });
      const started = Date.now();
      const evil = conn.client.request('claim', { ...b, resource: `x/${'*a'.repeat(40)}*b` }, 3000);
      await expect(evil).resolves.toMatchObject({ claim: { holder: b.sessionId } });
      const overlapping = conn.client.request('claim', { ...b, resource: `x/${'*a'.repeat(40)}` }, 3000);
      await expect(overlapping).rejects.toMatchObject({ code: ErrorCode.ClaimConflict });
      expect(Date.now() - started).toBeLessThan(2000);
      // A character class a regex engine would reject is just a class that matches nothing.
      await expect(conn.client.request('claim', { ...b, resource: 'x/[z-a]' }, 3000)).resolves.toBeDefined();
    } finally {
      conn.client.close();
    }
    await assertBystanderWorks(p, bystander, who);
  });

  it('random byte lines: every line owed an answer gets one, none is an internal error, nothing hangs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyLine, { minLength: 1, maxLength: 25 }), fc.array(fc.nat(), { maxLength: 6 }), async (lines, cuts) => {
        const safe = lines.filter((l) => !isShutdown(l));
        const stream = Buffer.concat([...safe.flatMap((l) => [l, Buffer.from('\n')]), Buffer.from(encodeFrame({ jsonrpc: '2.0', id: 'sentinel', method: 'status' }))]);
        const points = [...new Set(cuts.map((c) => c % stream.length))].sort((a, b) => a - b);
        const chunks = [...points, stream.length].map((end, i, all) => stream.subarray(i === 0 ? 0 : all[i - 1], end));
        const owed = safe.filter(owesReply).length + 1;
        // The bystander is served meanwhile, not only afterwards.
        const [{ replies, closed, timedOut }, meanwhile] = await Promise.all([
          rawExchange(p.endpoint().socketPath, chunks, owed, 5000),
          bystander.client.request('inbox', { ...who, limit: 1 }, 5000),
        ]);
        expect(meanwhile.messages.length).toBeLessThanOrEqual(1);
        expect(timedOut, 'the daemon stopped answering').toBe(false);
        expect(closed).toBe(false);
        const answers = replies.filter((r) => 'id' in r);
        expect(answers).toHaveLength(owed);
        expect(answers.some((r) => r.id === 'sentinel' && r.result?.pid === bystander.hello.pid)).toBe(true);
        for (const r of answers.filter((r) => r.error)) {
          expect(KNOWN_CODES.has(r.error.code)).toBe(true);
          expect(r.error.code).not.toBe(ErrorCode.Internal);
          expect(typeof r.error.message).toBe('string');
          expect(r.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200, seed: SEED },
    );
    await assertBystanderWorks(p, bystander, who);
  });

  it("every method's parameters: invalid ones get invalid-params, valid ones an answer; never internal, never a hang", async () => {
    const conn = await p.connect();
    const seen = new Map<string, { invalid: number; answered: number }>();
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 30 }), async (reqs) => {
          const outcomes = await Promise.all(
            reqs.map(({ method, params }) =>
              conn.client.request(method, params as never, 5000).then(
                () => ({ method, params, code: 0 }),
                (err: Error) => {
                  // A lost connection or a timeout is a daemon that broke: fail right here.
                  if (err instanceof ConnectionError || !(err instanceof RpcError)) throw err;
                  return { method, params, code: err.code };
                },
              ),
            ),
          );
          for (const o of outcomes) {
            const wire = JSON.parse(JSON.stringify(o.params ?? {}));
            const valid = ParamSchemas[o.method].safeParse(wire).success;
            const tally = seen.get(o.method) ?? { invalid: 0, answered: 0 };
            if (valid) tally.answered += 1;
            else tally.invalid += 1;
            seen.set(o.method, tally);
            if (!valid) expect(o.code, `${o.method} ${JSON.stringify(wire)}`).toBe(ErrorCode.InvalidParams);
            else expect([0, ...[...KNOWN_CODES].filter((c) => c <= -32001)], `${o.method} ${JSON.stringify(wire)}`).toContain(o.code);
            expect(o.code).not.toBe(ErrorCode.Internal);
          }
        }),
        // Enough runs that every one of the methods meets both sides of its schema.
        { numRuns: 300, seed: SEED },
      );
    } finally {
      conn.client.close();
    }
    // The generators reached both sides of every method's schema (but shutdown, fuzzed invalid only).
    for (const m of METHODS) {
      expect(seen.get(m)?.invalid ?? 0, m).toBeGreaterThan(0);
      if (m !== 'shutdown') expect(seen.get(m)?.answered ?? 0, m).toBeGreaterThan(0);
    }
    await assertBystanderWorks(p, bystander, who);
  });
});
