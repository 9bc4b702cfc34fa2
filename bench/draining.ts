/**
 * The daemon as sessions use it: every session drains what it is woken for, and each client has
 * one request in flight (a session waits for its broadcast's ack before it goes on). The
 * draining sessions run in a process of their own (bench/drainers.ts).
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from '../src/client/connect.ts';
import { makeProject, REPO, waitFor, type TestProject } from '../test/support/project.ts';
import { int, median, ms, percentile, type BenchRow } from './table.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');
const TEXT = 'pushed feat/login to origin, safe to rebase onto it; dev server stays on :1420 '.padEnd(100, '.');
const sender = (i: number) => ({ sessionId: `bench-sender-${i}`, pid: 50_000 + i, label: `main#s${String(i).padStart(5, '0')}` });

/** `count` sessions draining on wake, in their own process, registered before this returns. */
async function drainers(p: TestProject, count: number): Promise<{ stop(): Promise<void> }> {
  const child = spawn(TSX, [path.join(HERE, 'drainers.ts'), p.dir, String(count)], { env: p.env, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  await waitFor(`${count} draining sessions`, () => out.startsWith('ready\n'), 30_000);
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        child.on('close', () => resolve());
        child.stdin.end();
      }),
  };
}

/** Each client sends its share one at a time, waiting for every ack. */
async function oneInFlight(conns: Connection[], count: number): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    conns.map(async (c, i) => {
      while (next < count) {
        next++;
        await c.client.request('broadcast', { ...sender(i), text: TEXT });
      }
    }),
  );
  return performance.now() - start;
}

export async function drainingThroughputRows(): Promise<BenchRow[]> {
  const p = makeProject({ git: true });
  try {
    const readers = await drainers(p, 8);
    const senders = await Promise.all(Array.from({ length: 4 }, () => p.connect()));
    await oneInFlight(senders, 1000); // warm-up
    const count = 10_000;
    const elapsed = await oneInFlight(senders, count);
    const rate = count / (elapsed / 1000);
    for (const c of senders) c.client.close();
    await readers.stop();
    return [
      {
        row: 'broadcast throughput: 4 clients, 1 in flight each, 8 sessions draining every message',
        figure: `${int(rate)} msg/s`,
        // The issue asks for this figure beside the pipelined one; it sets no target for it.
        target: 'none set',
        pass: null,
      },
    ];
  } finally {
    await p.cleanup();
  }
}

/**
 * The broadcast's ack as the team grows: 1, 8 or 32 sessions draining, one sender with one
 * request in flight; the three projects measured round-robin so a noisy machine moves them alike.
 */
export async function ackRows(): Promise<BenchRow[]> {
  const teams = [1, 8, 32];
  const cells: { team: number; p: TestProject; conn?: Connection; stop?: () => Promise<void>; times: number[] }[] = teams.map((team) => ({ team, p: makeProject({ git: true }), times: [] }));
  try {
    for (const c of cells) {
      c.stop = (await drainers(c.p, c.team)).stop;
      c.conn = await c.p.connect();
    }
    for (let round = 0; round < 1200; round++) {
      for (const c of cells) {
        const t = performance.now();
        await c.conn!.client.request('broadcast', { ...sender(0), text: TEXT });
        // The first 200 rounds warm up the JIT everywhere; they are not counted.
        if (round >= 200) c.times.push(performance.now() - t);
      }
    }
    const p50 = new Map(cells.map((c) => [c.team, median(c.times)]));
    const ratio = p50.get(32)! / p50.get(1)!;
    return [
      {
        row: 'broadcast ack p50 with 1 / 8 / 32 sessions draining (1 in flight), 32 vs 1',
        figure: `${ratio.toFixed(2)}× (${teams.map((t) => ms(p50.get(t)!, 2)).join(' / ')}; p99 at 32: ${ms(percentile(cells[2]!.times, 99), 2)})`,
        target: '≤ 1.20×',
        pass: ratio <= 1.2,
      },
    ];
  } finally {
    for (const c of cells) {
      c.conn?.client.close();
      await c.stop?.();
      await c.p.cleanup();
    }
  }
}
