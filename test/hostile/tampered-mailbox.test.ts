/**
 * A mailbox someone (or something) tampered with: garbage bytes, wrong types for every kind of
 * entry, a 10 MB line, seqs that would break arithmetic, a position far past every seq. The
 * daemon replays what is sound, warns about each line it skips, and serves on; random damage to
 * a good mailbox never makes replay throw or lose an undamaged line.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlMailboxLog } from '../../src/daemon/mailbox-log.ts';
import { isAlive, useProjects, waitFor } from '../support/project.ts';
import { assertBystanderWorks, daemonLog } from './helpers.ts';

const project = useProjects();

const NOW = Date.now();
const msg = (seq: number, extra: object = {}) => JSON.stringify({ type: 'msg', seq, ts: NOW, origin: { sessionId: 'writer', pid: 11 }, from: 'main#writer', kind: 'note', text: `m${seq}`, ...extra });
const READER = { sessionId: 'tamper-reader', pid: 12, label: 'main#reader' };
const DEAF = { sessionId: 'tamper-deaf', pid: 13, label: 'main#deaf' };
const session = (s: { sessionId: string; pid: number; label: string }) => JSON.stringify({ type: 'session', id: s.sessionId, ids: [s.sessionId], pids: [s.pid], label: s.label, firstSeen: NOW });

describe('a tampered mailbox', () => {
  it('garbage, wrong types and a 10 MB line replay with warnings; the daemon serves on', async () => {
    const p = project();
    const lines: (string | Buffer)[] = [
      msg(1),
      session(READER),
      JSON.stringify({ type: 'cursor', id: READER.sessionId, seq: 1, ts: NOW }),
      session(DEAF),
      Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x1b, 0x5b, 0x32, 0x4a]), // invalid UTF-8, NUL, ANSI
      '\u0000\u0000\u0000',
      `{"type":"msg","seq":3,"text":"${'x'.repeat(10 * 1024 * 1024)}"}`, // the 10 MB line
      msg(2),
      msg(2, { text: 'a second seq 2' }),
      msg(Number('3'), { seq: '3' }),
      msg(-1),
      msg(1.5),
      msg(5, { kind: 'evil' }),
      msg(6, { origin: 'nobody' }),
      msg(1e300),
      msg(2 ** 53 - 1), // would make every later seq inexact
      JSON.stringify({ type: 'session', id: 'x', ids: 'x', pids: [1], label: 'l', firstSeen: 1 }),
      JSON.stringify({ type: 'cursor', id: READER.sessionId, seq: -5, ts: 1 }),
      JSON.stringify({ type: 'cursor', id: DEAF.sessionId, seq: 1_000_000_000, ts: NOW }), // past every seq: deaf
      JSON.stringify({ type: 'meta', lastSeq: 'lots', compactedAt: 1 }),
      JSON.stringify({ type: 'claim', resource: 'port:1' }),
      JSON.stringify({ type: 'release', resource: 'port:1', holder: 'h', ts: 'then' }),
      JSON.stringify({ type: 'hack', seq: 99 }),
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"type":"msg","seq":7,"ts":1,"origin":{"sessionId":"w","pid":1},"from":"w","kind":"note","text":"proto"}',
      '[1,2,3]',
      'null',
      '{"type":"msg","seq":8,"ts":1,"or', // torn at the end
    ];
    fs.mkdirSync(path.dirname(p.mailboxPath()), { recursive: true });
    fs.writeFileSync(p.mailboxPath(), Buffer.concat(lines.map((l) => Buffer.concat([Buffer.from(l), Buffer.from('\n')]))));

    const replayed = new JsonlMailboxLog(p.mailboxPath()).replay();
    // The second message given seq 2 is not dropped: it is placed after the last seq.
    expect(replayed.state.messages.map((m) => [m.seq, m.text])).toEqual([
      [1, 'm1'],
      [2, 'm2'],
      [7, 'proto'],
      [8, 'a second seq 2'],
    ]);
    expect(replayed.state.lastSeq).toBe(8);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const reasons = replayed.warnings.map((w) => `${w.line}: ${w.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^5: not JSON/),
        expect.stringMatching(/^7: line of 10485\d+ bytes is too long; skipped/),
        expect.stringMatching(/^9: seq 2 was given to two different messages; this one is kept as seq 8/),
        expect.stringMatching(/^16: not a mailbox entry/),
        expect.stringMatching(/^19: position 1000000000 of session tamper-deaf is past the last seq 8; moved back to it/),
      ]),
    );
    // Every line but the sound ones and the last-wins ones is warned about, each once.
    expect(new Set(replayed.warnings.map((w) => w.line)).size).toBe(replayed.warnings.length);
    expect(replayed.warnings).toHaveLength(21);

    const c = await p.connect();
    const pid = c.hello.pid;
    expect(await c.client.request('status', {})).toMatchObject({ messageCount: 4, lastSeq: 8 });
    const log = daemonLog(p);
    expect(log).toMatch(/mailbox replay: line of 10485\d+ bytes is too long/);
    expect(log).toMatch(/mailbox replay: position 1000000000 of session tamper-deaf/);
    // The next message continues after the highest sound seq; both sessions hear it.
    const next = await c.client.request('broadcast', { sessionId: 'w2', pid: 14, label: 'main#w2', text: 'after the tampering' });
    expect(next.seq).toBe(9);
    expect((await c.client.request('drain', READER)).messages.map((m) => m.seq)).toEqual([2, 7, 8, 9]);
    expect((await c.client.request('drain', DEAF)).messages.map((m) => m.seq)).toEqual([9]);
    await assertBystanderWorks(p, c, { sessionId: 'tamper-by', pid: 15, label: 'main#by' });

    // The start compacted the damage away (in the background: waited for), so a second start replays clean.
    await waitFor('the compacted mailbox', () => daemonLog(p).includes('mailbox compacted'));
    await c.client.request('shutdown', {});
    c.client.close();
    await waitFor('the daemon to stop', () => !isAlive(pid));
    expect(new JsonlMailboxLog(p.mailboxPath()).replay().warnings).toEqual([]);
    expect(fs.statSync(p.mailboxPath()).size).toBeLessThan(64 * 1024);
  });

  it('random damage to a good mailbox: replay never throws, and every undamaged message survives', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'sb-test-tamper-'));
    const file = path.join(dir, 'mailbox.jsonl');
    const good = Array.from({ length: 12 }, (_, i) => msg(i + 1));
    try {
      fc.assert(
        fc.property(
          fc.array(fc.record({ line: fc.nat(11), how: fc.constantFrom('flip', 'cut', 'garbage', 'double', 'join'), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 6 }),
          (damage) => {
            const lines = good.map((l) => Buffer.from(l));
            const touched = new Set<number>();
            for (const d of damage) {
              const b = lines[d.line]!;
              touched.add(d.line);
              if (d.how === 'flip' && b.length > 0) b[d.at % b.length] = d.byte;
              else if (d.how === 'cut') lines[d.line] = b.subarray(0, d.at % (b.length + 1));
              else if (d.how === 'garbage') lines[d.line] = Buffer.concat([b, Buffer.from([d.byte, 0x00, 0x80])]);
              else if (d.how === 'double') lines[d.line] = Buffer.concat([b, Buffer.from('\n'), b]);
              else if (d.how === 'join') lines[d.line] = Buffer.concat([b, Buffer.from('{"type":')]);
            }
            fs.writeFileSync(file, Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
            const { state } = new JsonlMailboxLog(file).replay();
            const seqs = state.messages.map((m) => m.seq);
            expect(new Set(seqs).size).toBe(seqs.length);
            expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
            for (let i = 0; i < good.length; i++) if (!touched.has(i)) expect(seqs).toContain(i + 1);
            expect(state.lastSeq).toBeGreaterThanOrEqual(Math.max(0, ...seqs));
          },
        ),
        { numRuns: 300 },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
