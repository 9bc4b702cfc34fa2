/**
 * Cross-host delivery through NATS JetStream on loopback: a nats-server (JetStream, its own
 * store), two brokers standing for two hosts of one repository, a session on B registered the
 * way the MCP server registers (live, push "all"). A sends broadcasts paced at a steady rate; each
 * is timed from just before A's broadcast request to the moment B's session has it in hand: the
 * broker's `wake` notification arrived and the drain that follows returned it, which is what the
 * MCP server's pusher does (its 150 ms burst coalescing is left out: that is a choice of the
 * pusher, not a cost of the bus).
 *
 *   npx tsx bench/federation.ts      prints the rows
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Connection } from '../src/client/connect.ts';
import { findNatsServer, startNats } from '../test/support/nats.ts';
import { makeProject, sleep, waitFor, type TestProject } from '../test/support/project.ts';
import { drainOnWake } from './drain-on-wake.ts';
import { percentile, printTable, type BenchRow } from './table.ts';


const MESSAGES = 500;
const RATE_PER_S = 200;
/** Targets on loopback: a JetStream publish, a consumer delivery and two local appends. */
const P50_TARGET_MS = 25;
const P99_TARGET_MS = 100;

const A1 = { sessionId: 'aaaaaaaa-1111-4000-8000-00000000bench', pid: 101, label: 'main#aaaaaa' };
const B1 = { sessionId: 'bbbbbbbb-1111-4000-8000-00000000bench', pid: 201, label: 'main#bbbbbb' };

export async function federationRows(): Promise<BenchRow[]> {
  // Without nats-server the row says so and the rest of the bench runs.
  if (!findNatsServer()) return [{ row: 'federation: cross-host delivery', figure: 'skipped: nats-server not found (apt-get install nats-server)', target: '-', pass: null }];
  const nats = await startNats();
  const remote = `git@example.com:bench/repo-${randomBytes(4).toString('hex')}.git`;
  const projects: TestProject[] = [];
  const conns: Connection[] = [];
  const host = (name: string) => {
    const p = makeProject({ git: true, env: { SESSION_BUS_NATS_URL: nats.url, SESSION_BUS_HOST: name } });
    execFileSync('git', ['-C', p.dir, 'remote', 'add', 'origin', remote]);
    projects.push(p);
    return p;
  };
  try {
    const a = host('hostA');
    const b = host('hostB');
    const ca = await a.connect();
    const cb = await b.connect();
    conns.push(ca, cb);
    for (const c of [ca, cb]) await waitConnected(c);
    await ca.client.request('register', { ...A1, live: true });
    await cb.client.request('register', { ...B1, live: true, push: 'all' });

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    const drain = drainOnWake(cb, B1, (messages, now) => {
      for (const m of messages) {
        if (seen.has(m.text)) duplicates += 1;
        seen.add(m.text);
        const t0 = sentAt.get(m.text);
        if (t0 !== undefined) latencies.push(now - t0);
      }
    });

    // Warm up the path (consumer pull, first publish) outside the measurement.
    await ca.client.request('broadcast', { ...A1, text: 'warm-up' });
    await waitFor('the warm-up message on B', () => seen.has('warm-up'), 15_000);

    const interval = 1000 / RATE_PER_S;
    const start = performance.now();
    for (let i = 0; i < MESSAGES; i++) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const text = `bench ${i}`;
      sentAt.set(text, performance.now());
      void ca.client.request('broadcast', { ...A1, text });
    }
    await waitFor('every message on B', () => latencies.length >= MESSAGES, 30_000).catch(() => undefined);
    await sleep(300);
    await drain();

    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const delivered = latencies.length;
    const label = `${MESSAGES} msgs @ ${RATE_PER_S}/s, nats-server loopback`;
    return [
      { row: `federation: cross-host delivery p50 (${label})`, figure: `${p50.toFixed(1)} ms`, target: `< ${P50_TARGET_MS} ms`, pass: delivered > 0 && p50 < P50_TARGET_MS },
      { row: `federation: cross-host delivery p99 (${label})`, figure: `${p99.toFixed(1)} ms`, target: `< ${P99_TARGET_MS} ms`, pass: delivered > 0 && p99 < P99_TARGET_MS },
      {
        row: 'federation: delivered exactly once',
        figure: `${delivered}/${MESSAGES}, ${duplicates} duplicate(s)`,
        target: `${MESSAGES}/${MESSAGES}, 0 duplicates`,
        pass: delivered === MESSAGES && duplicates === 0,
      },
    ];
  } finally {
    for (const c of conns) c.client.close();
    await Promise.all(projects.map((p) => p.cleanup()));
    await nats.cleanup();
  }
}

async function waitConnected(c: Connection): Promise<void> {
  await waitFor('federation connected', async () => (await c.client.request('status', {})).federation.state === 'connected', 20_000);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  federationRows().then(
    (rows) => printTable(rows),
    (err: Error) => {
      console.error(err.stack ?? err.message);
      process.exitCode = 1;
    },
  );
}
