/**
 * Cross-host delivery at +30 ms round trip (issue 19): the same two brokers as bench/federation.ts,
 * but each reaches nats-server through a proxy that delays every byte 15 ms each way
 * (test/support/delay-proxy.ts, on loopback: no root or network namespaces needed). Two figures:
 * the latency of messages paced well below the link's capacity (what one message costs), and a
 * 300-message burst from one host to the other (what publishing one at a time costs: each
 * publish waits a round trip for its acknowledgement).
 *
 *   npx tsx bench/federation-wan.ts      prints the rows
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Connection } from '../src/client/connect.ts';
import { startDelayProxy } from '../test/support/delay-proxy.ts';
import { findNatsServer, startNats } from '../test/support/nats.ts';
import { makeProject, sleep, waitFor, type TestProject } from '../test/support/project.ts';
import { drainOnWake } from './drain-on-wake.ts';
import { percentile, printTable, type BenchRow } from './table.ts';

const ONE_WAY_MS = 15;
const PACED = 60;
const RATE_PER_S = 10;
const BURST = 300;
/** The link alone costs 30 ms (A to NATS, NATS to B); the rest is the bus's. */
const P50_TARGET_MS = 60;
const P99_TARGET_MS = 150;
/** Issue 19 measured 28 msg/s publishing one at a time. */
const BURST_TARGET_PER_S = 150;

const A1 = { sessionId: 'aaaaaaaa-1111-4000-8000-0000000wan01', pid: 101, label: 'main#aaaaaa' };
const B1 = { sessionId: 'bbbbbbbb-1111-4000-8000-0000000wan01', pid: 201, label: 'main#bbbbbb' };

export async function federationWanRows(): Promise<BenchRow[]> {
  const row = `federation at +${2 * ONE_WAY_MS} ms RTT`;
  if (!findNatsServer()) return [{ row, figure: 'skipped: nats-server not found (apt-get install nats-server)', target: '-', pass: null }];
  const nats = await startNats();
  const proxy = await startDelayProxy({ targetHost: '127.0.0.1', targetPort: nats.port, delayMs: 0 });
  const remote = `git@example.com:bench/wan-${randomBytes(4).toString('hex')}.git`;
  const projects: TestProject[] = [];
  const conns: Connection[] = [];
  const host = (name: string) => {
    const p = makeProject({ git: true, env: { SESSION_BUS_NATS_URL: `nats://127.0.0.1:${proxy.port}`, SESSION_BUS_HOST: name } });
    execFileSync('git', ['-C', p.dir, 'remote', 'add', 'origin', remote]);
    projects.push(p);
    return p;
  };
  try {
    const ca = await host('hostA').connect();
    const cb = await host('hostB').connect();
    conns.push(ca, cb);
    for (const c of [ca, cb]) await waitFor('federation connected', async () => (await c.client.request('status', {})).federation.state === 'connected', 20_000);
    await ca.client.request('register', { ...A1, live: true });
    await cb.client.request('register', { ...B1, live: true, push: 'all' });
    // Set up on a fast link; measured on the slow one.
    proxy.setDelay(ONE_WAY_MS);

    const sentAt = new Map<string, number>();
    const arrivedAt = new Map<string, number>();
    let duplicates = 0;
    const drain = drainOnWake(cb, B1, (messages, now) => {
      for (const m of messages) {
        if (arrivedAt.has(m.text)) duplicates += 1;
        else arrivedAt.set(m.text, now);
      }
    });
    await ca.client.request('broadcast', { ...A1, text: 'warm-up' });
    await waitFor('the warm-up message on B', () => arrivedAt.has('warm-up'), 15_000);

    const start = performance.now();
    for (let i = 0; i < PACED; i++) {
      const wait = start + (i * 1000) / RATE_PER_S - performance.now();
      if (wait > 0) await sleep(wait);
      sentAt.set(`paced ${i}`, performance.now());
      void ca.client.request('broadcast', { ...A1, text: `paced ${i}` });
    }
    await waitFor('the paced messages on B', () => [...sentAt.keys()].every((t) => arrivedAt.has(t)), 30_000).catch(() => undefined);
    const latencies = [...sentAt].flatMap(([t, at]) => (arrivedAt.has(t) ? [arrivedAt.get(t)! - at] : []));

    const t0 = performance.now();
    for (let i = 0; i < BURST; i++) await ca.client.request('broadcast', { ...A1, text: `burst ${i}` });
    const texts = Array.from({ length: BURST }, (_, i) => `burst ${i}`);
    await waitFor('the burst on B', () => texts.every((t) => arrivedAt.has(t)), 30_000).catch(() => undefined);
    const burstIn = texts.filter((t) => arrivedAt.has(t));
    const burstMs = Math.max(...burstIn.map((t) => arrivedAt.get(t)!)) - t0;
    const perS = (burstIn.length / burstMs) * 1000;
    await drain();

    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    return [
      {
        row: `${row}: cross-host delivery p50 / p99 (${PACED} msgs @ ${RATE_PER_S}/s, delay proxy ${ONE_WAY_MS} ms each way)`,
        figure: `${p50.toFixed(1)} ms / ${p99.toFixed(1)} ms (${latencies.length}/${PACED})`,
        target: `p50 < ${P50_TARGET_MS} ms, p99 < ${P99_TARGET_MS} ms`,
        pass: latencies.length === PACED && p50 < P50_TARGET_MS && p99 < P99_TARGET_MS,
      },
      {
        row: `${row}: a ${BURST}-message burst, first send → last in B's hand`,
        figure: `${Math.round(perS)} msg/s (${burstIn.length}/${BURST} in ${(burstMs / 1000).toFixed(1)} s, ${duplicates} duplicate(s))`,
        target: `≥ ${BURST_TARGET_PER_S} msg/s, once each`,
        pass: burstIn.length === BURST && duplicates === 0 && perS >= BURST_TARGET_PER_S,
      },
    ];
  } finally {
    for (const c of conns) c.client.close();
    await Promise.all(projects.map((p) => p.cleanup()));
    await proxy.close();
    await nats.cleanup();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  federationWanRows().then(
    (rows) => printTable(rows),
    (err: Error) => {
      console.error(err.stack ?? err.message);
      process.exitCode = 1;
    },
  );
}
