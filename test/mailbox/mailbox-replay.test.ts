/**
 * The mailbox is the truth: a restart rebuilds queues and positions from it, skipping what is
 * corrupt with a warning, never crashing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlMailboxLog } from '../../src/daemon/mailbox-log.ts';
import { isAlive, useProjects, waitFor } from '../support/project.ts';

const project = useProjects();

const A = { sessionId: 'aaaa-1', pid: 101, label: 'main#aaaa1' };
const B = { sessionId: 'bbbb-2', pid: 202, label: 'main#bbbb2' };

describe('replay', () => {
  it('corrupt, wrongly typed and truncated lines are skipped with a warning', async () => {
    const p = project();
    const mailbox = p.mailboxPath();
    fs.mkdirSync(path.dirname(mailbox), { recursive: true });
    const good = (seq: number) => JSON.stringify({ type: 'msg', seq, ts: Date.now(), origin: { sessionId: 'x', pid: 1 }, from: 'x#1', kind: 'note', text: `m${seq}` });
    fs.writeFileSync(
      mailbox,
      [good(1), 'garbage{{{', JSON.stringify({ type: 'msg', seq: 'two' }), good(3), '\u0000\u0001', 'x'.repeat(300 * 1024), good(4), '{"type":"msg","seq":5,"ts":1,"or'].join('\n'),
    );
    const direct = new JsonlMailboxLog(mailbox).replay();
    expect(direct.state.messages.map((m) => m.seq)).toEqual([1, 3, 4]);
    expect(direct.warnings.map((w) => w.line)).toEqual([2, 3, 5, 6, 8]);

    const conn = await p.connect();
    const status = await conn.client.request('status', {});
    conn.client.close();
    expect(status).toMatchObject({ messageCount: 3, lastSeq: 4 });
    const log = fs.readFileSync(p.endpoint().logPath, 'utf8');
    expect(log).toMatch(/mailbox replay: not JSON/);
    expect(log).toMatch(/line of 307200 bytes is too long/);
    // The next message continues after the highest seq seen, never reusing one.
    const c2 = await p.connect();
    expect((await c2.client.request('broadcast', { ...A, text: 'next' })).seq).toBe(5);
    c2.client.close();
  });

  it('a restart keeps unread queues and drained positions', async () => {
    const p = project();
    const c = await p.connect();
    await c.client.request('register', B);
    for (let i = 0; i < 5; i++) await c.client.request('broadcast', { ...A, text: `m${i}` });
    const first = await c.client.request('drain', { ...B, maxChars: 150 });
    expect(first.messages.map((m) => m.text)).toEqual(['m0', 'm1']);
    c.client.close();
    process.kill(c.hello.pid, 'SIGKILL');
    await waitFor('daemon to die', () => !isAlive(c.hello.pid));
    const d = await p.connect();
    expect(d.hello.pid).not.toBe(c.hello.pid);
    const rest = await d.client.request('drain', B);
    expect(rest.messages.map((m) => m.text)).toEqual(['m2', 'm3', 'm4']);
    expect((await d.client.request('broadcast', { ...A, text: 'after' })).seq).toBe(6);
    d.client.close();
  });

  it('compaction keeps seq monotonic when retention drops everything', async () => {
    const p = project({ env: { SESSION_BUS_RETAIN_COUNT: '2' } });
    const c = await p.connect();
    for (let i = 0; i < 5; i++) await c.client.request('broadcast', { ...A, text: `m${i}` });
    await c.client.request('shutdown', {});
    c.client.close();
    await waitFor('daemon to exit', () => !isAlive(c.hello.pid));
    const d = await p.connect();
    const s = await d.client.request('status', {});
    expect(s).toMatchObject({ messageCount: 2, lastSeq: 5 });
    // The start-up compaction finishes in the background (its fsync is off the event loop).
    await waitFor('the compacted mailbox', () => fs.readFileSync(p.mailboxPath(), 'utf8').startsWith('{"type":"meta"'));
    const lines = fs.readFileSync(p.mailboxPath(), 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'meta', lastSeq: 5 });
    expect(lines.filter((l) => l.includes('"type":"msg"'))).toHaveLength(2);
    expect((await d.client.request('broadcast', { ...A, text: 'x' })).seq).toBe(6);
    d.client.close();
  });

  it('a compaction keeps what is appended while its new file is being synced', async () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'sb-test-compact-'));
    try {
      const file = path.join(dir, 'mailbox.jsonl');
      const msg = (seq: number) => ({ type: 'msg' as const, seq, ts: 1, origin: { sessionId: 's', pid: 1 }, from: 's#1', kind: 'note' as const, text: `m${seq}` });
      const log = new JsonlMailboxLog(file);
      await log.append([1, 2, 3].map(msg));
      // The snapshot holds 2 and 3 (1 dropped by retention); 4..40 arrive while it is synced.
      const compaction = log.compact([{ type: 'meta', lastSeq: 3, compactedAt: 1 }, msg(2), msg(3)]);
      const late = Array.from({ length: 37 }, (_, i) => log.append([msg(i + 4)]));
      await Promise.all([compaction, ...late]);
      await log.append([msg(41)]);
      log.close();
      const { state, warnings } = new JsonlMailboxLog(file).replay();
      expect(warnings).toEqual([]);
      expect(state.messages.map((m) => m.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
      expect(fs.readdirSync(dir)).toEqual(['mailbox.jsonl']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
