/**
 * Load and stalls: 200 clients at once, while one client floods requests and never reads its
 * socket, one asks for a big answer and never reads it, and others hold half-written lines
 * open. The daemon's buffers stay bounded, the non-readers are dropped with a log line, a
 * reader of an answer bigger than the cap is not, and nobody else waits on any of them.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/client/connect.ts';
import { RpcClient } from '../../src/transport/rpc-client.ts';
import { encodeFrame } from '../../src/protocol/framing.ts';
import { MAX_FRAME_BYTES } from '../../src/protocol/limits.ts';
import { useProjects, waitFor, type TestProject } from '../support/project.ts';
import { assertBystanderWorks, daemonLog } from './helpers.ts';

let p: TestProject;
let bystander: Connection;
const who = { sessionId: 'bystander-load', pid: 4444, label: 'main#bystld' };
const READER = { sessionId: 'reader-load', pid: 4445, label: 'main#readld' };
const CLIENTS = 200;

const project = useProjects({ scope: 'file' });
beforeAll(async () => {
  p = project();
  bystander = await project.connect(p);
  await bystander.client.request('register', { ...who, live: true });
  await bystander.client.request('register', READER);
});

function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0);
}

/** A client that sends requests and never reads an answer. */
function nonReader(socketPath: string, requests: { method: string; params: object }[]): Promise<net.Socket> {
  return new Promise((resolve) => {
    const s = net.createConnection(socketPath);
    s.on('error', () => undefined);
    s.on('connect', () => {
      s.pause();
      s.write(requests.map((r, i) => encodeFrame({ jsonrpc: '2.0', id: i, ...r })).join(''));
      resolve(s);
    });
  });
}

const SLOW = /slow consumer: unread backlog over the cap; connection dropped/g;

async function ended(s: net.Socket): Promise<void> {
  s.on('data', () => undefined).resume();
  await waitFor('the dropped client to see its connection end', () => s.destroyed || s.readableEnded, 5_000);
}

describe('200 concurrent clients and clients that never read', () => {
  it('nobody stalls: every client is served, the non-readers are dropped with a log line, memory stays bounded', async () => {
    const pid = bystander.hello.pid;
    const STALLED = { sessionId: 'stalled-load', pid: 4446, label: 'main#stalld' };
    const BIG_READER = { sessionId: 'big-reader', pid: 4447, label: 'main#bigrd' };
    for (const s of [STALLED, BIG_READER]) await bystander.client.request('register', s);
    // Big messages: each unread inbox answer is ~1.7 MB, a whole backlog ~2 MB, over the 1 MiB cap.
    for (let i = 0; i < 500; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, j) => bystander.client.request('broadcast', { ...who, text: `${i + j} ${'x'.repeat(3500)}` })));
    }
    const rssBefore = rssKiB(pid);
    // A reader that asks for one answer over the cap (an inbox of 500 big messages) gets it.
    expect((await bystander.client.request('inbox', { ...BIG_READER, limit: 500 })).messages).toHaveLength(500);
    // One that asks once and then reads nothing of the answer is dropped after a while.
    const stalled = await nonReader(p.endpoint().socketPath, [{ method: 'inbox', params: { ...STALLED, limit: 500 } }]);

    // Half-written lines held open (slowloris): each costs the daemon at most one frame.
    const holders = await Promise.all(
      Array.from({ length: 20 }, () => new Promise<net.Socket>((resolve) => {
        const s = net.createConnection(p.endpoint().socketPath, () => {
          s.write(`{"jsonrpc":"2.0","id":1,"method":"status","params":{"pad":"${'p'.repeat(MAX_FRAME_BYTES - 100)}`);
          resolve(s);
        });
        s.on('error', () => undefined);
      })),
    );
    // One that keeps asking without reading is dropped as soon as its unread answers pass the cap.
    const flooder = await nonReader(p.endpoint().socketPath, Array.from({ length: 40 }, () => ({ method: 'inbox', params: { ...READER, limit: 500 } })));

    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const me = { sessionId: `load-${i}`, pid: 20000 + i, label: `main#load${i}` };
        const c = await RpcClient.connect(p.endpoint().socketPath, 15_000);
        try {
          await c.request('hello', { protocol: 1, version: '0.1.0', root: '' }, 15_000);
          await c.request('register', { ...me, live: true }, 15_000);
          const { seq } = await c.request('broadcast', { ...me, text: `hello from ${i}` }, 15_000);
          const drained = await c.request('drain', me, 15_000);
          return { me, seq, drained: drained.messages };
        } finally {
          c.close();
        }
      }),
    );
    const elapsed = Date.now() - started;

    const seqs = results.map((r) => r.seq);
    expect(new Set(seqs).size).toBe(CLIENTS);
    for (const r of results) {
      const got = r.drained.map((m) => m.seq);
      expect(new Set(got).size).toBe(got.length);
      expect(r.drained.filter((m) => m.origin.sessionId === r.me.sessionId)).toEqual([]);
    }
    // One drain hands out at most MAX_DRAIN_CHARS: read until nothing remains.
    const read = new Set<number>();
    for (let more = true; more; ) {
      const r = await bystander.client.request('drain', READER);
      for (const m of r.messages) read.add(m.seq);
      more = r.remaining > 0;
    }
    expect(seqs.filter((s) => !read.has(s))).toEqual([]);
    expect(elapsed).toBeLessThan(30_000);

    // Both were cut off, each with a line in the log; the reader of the big answer was not.
    await waitFor('both slow consumers to be dropped', () => (daemonLog(p).match(SLOW) ?? []).length === 2, 15_000);
    await ended(flooder);
    await ended(stalled);
    expect(rssKiB(pid) - rssBefore).toBeLessThan(150 * 1024);

    // The half-written lines are still only half-written: the daemon did not wait on them.
    for (const h of holders) h.destroy();
    await assertBystanderWorks(p, bystander, who);
  });
});
