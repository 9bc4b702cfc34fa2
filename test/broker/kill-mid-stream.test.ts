/**
 * Four clients stream 5,000 broadcasts; the daemon is killed with SIGKILL mid-stream and
 * restarted by the clients' next connect. Nothing acked is lost, no seq is reused, and every
 * session's unread queue after the restart is exactly what it had not drained.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../src/client/connect.ts';
import { ConnectionError } from '../../src/transport/rpc-client.ts';
import type { MessageRecord } from '../../src/protocol/messages.ts';
import { sleep, useProjects } from '../support/project.ts';

const project = useProjects({ scope: 'file' });
const p = project();

const TOTAL = 5000;
const WRITERS = 4;
const WINDOW = 16;
const R1 = { sessionId: 'reader-1', pid: 9001, label: 'main#reader1' };
const R2 = { sessionId: 'reader-2', pid: 9002, label: 'main#reader2' };

describe('SIGKILL mid-stream', () => {
  it('loses no acked message, reuses no seq, and rebuilds unread queues', async () => {
    const setup = await p.connect();
    await setup.client.request('register', R1);
    await setup.client.request('register', R2);
    setup.client.close();

    const acked: number[] = [];
    let sent = 0;
    let kills = 0;
    const daemonPids = new Set<number>();

    async function writer(w: number): Promise<void> {
      const who = { sessionId: `writer-${w}`, pid: 8000 + w, label: `main#writer${w}` };
      let conn: Connection | undefined;
      let n = 0;
      while (acked.length < TOTAL) {
        try {
          conn ??= await p.connect();
          daemonPids.add(conn.hello.pid);
          const batch = [];
          for (let i = 0; i < WINDOW && sent < TOTAL + 200; i++, sent++) {
            batch.push(conn.client.request('broadcast', { ...who, text: `w${w}-${n++}` }));
          }
          for (const r of await Promise.allSettled(batch)) {
            if (r.status === 'fulfilled') acked.push(r.value.seq);
            else if (!(r.reason instanceof ConnectionError)) throw r.reason;
          }
          if (conn.client.closed) conn = undefined;
        } catch (err) {
          if (!(err instanceof ConnectionError)) throw err;
          conn = undefined;
          // Load pacing: the next connect restarts the daemon; retry, do not spin.
          await sleep(5);
        }
      }
      conn?.client.close();
    }

    // R1 drains as it goes; the kill is timed between its drains, so each drain either happened
    // (its reply arrived) or did not start.
    const r1Delivered: MessageRecord[] = [];
    let draining = false;
    let stop = false;
    async function drainer(): Promise<void> {
      let conn: Connection | undefined;
      while (!stop) {
        try {
          conn ??= await p.connect();
          draining = true;
          const r = await conn.client.request('drain', R1);
          r1Delivered.push(...r.messages);
        } catch (err) {
          if (!(err instanceof ConnectionError)) throw err;
          conn = undefined;
        } finally {
          draining = false;
        }
        // Load pacing: drains between the writers' batches.
        await sleep(3);
      }
      conn?.client.close();
    }

    async function killer(): Promise<void> {
      for (const at of [1200, 3100]) {
        // Waits on the writers' own progress (an in-process counter), polled tightly.
        while (acked.length < at) await sleep(2);
        while (draining) await sleep(0);
        const pid = [...daemonPids].pop()!;
        process.kill(pid, 'SIGKILL');
        kills++;
      }
    }

    const drainDone = drainer();
    await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), killer()]);
    stop = true;
    await drainDone;
    expect(kills).toBe(2);
    expect(daemonPids.size).toBeGreaterThanOrEqual(3);

    // Every acked seq is in the log exactly once; no seq reused.
    const lines = fs.readFileSync(p.mailboxPath(), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const logged = lines.filter((e) => e.type === 'msg') as (MessageRecord & { type: 'msg' })[];
    const loggedSeqs = logged.map((m) => m.seq);
    expect(new Set(loggedSeqs).size).toBe(loggedSeqs.length);
    expect(new Set(acked).size).toBe(acked.length);
    const inLog = new Set(loggedSeqs);
    expect(acked.filter((s) => !inLog.has(s))).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(TOTAL);

    // After the restarts, each reader gets exactly what it had not drained.
    const final = await p.connect();
    // One drain hands out at most MAX_DRAIN_CHARS; `remaining` says there is more.
    const drainAll = async (who: typeof R1) => {
      const got: MessageRecord[] = [];
      for (;;) {
        const r = await final.client.request('drain', who);
        got.push(...r.messages);
        if (r.remaining === 0) return got;
      }
    };
    const r1Rest = await drainAll(R1);
    const r2All = await drainAll(R2);
    final.client.close();
    const all = [...loggedSeqs].sort((a, b) => a - b);
    const r1 = [...r1Delivered, ...r1Rest].map((m) => m.seq);
    expect(new Set(r1).size).toBe(r1.length);
    expect([...r1].sort((a, b) => a - b)).toEqual(all);
    expect(r2All.map((m) => m.seq)).toEqual(all);
  });
});
