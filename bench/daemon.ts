/**
 * The broker daemon under load, through its real socket: throughput, delivery latency, restart
 * replay, memory, cold start, and whether a drain stays flat as the log and the team grow.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from '../src/client/connect.ts';
import { tailLog } from '../src/client/spawn.ts';
import type { SessionIdentity } from '../src/protocol/messages.ts';
import { CLI, makeProject, REPO, sleep, waitFor, type TestProject } from '../test/support/project.ts';
import { int, mb, median, ms, percentile, printTable, type BenchRow } from './table.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');

const TEXT = 'pushed feat/login to origin, safe to rebase onto it; dev server stays on :1420 '.padEnd(100, '.');

const who = (i: number): SessionIdentity => ({ sessionId: `bench-session-${i}`, pid: 10_000 + i, label: `main#${String(i).padStart(6, '0')}` });

function rss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/** Resident pages no other process shares: RSS counts the node binary's text (~40 MB), shared by every node process. */
function privateBytes(pid: number): number {
  const text = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  let kb = 0;
  for (const m of text.matchAll(/^Private_(?:Clean|Dirty):\s+(\d+) kB/gm)) kb += Number(m[1]);
  return kb * 1024;
}

const memFigure = (pid: number) => `${mb(rss(pid))} RSS, ${mb(privateBytes(pid))} private`;

/** Broadcasts `count` messages from `clients` connections, `window` requests in flight on each. */
async function fill(conns: Connection[], count: number, window = 64): Promise<number> {
  const start = performance.now();
  let next = 0;
  await Promise.all(
    conns.map(async (c, ci) => {
      const sender = who(1000 + ci);
      const lane = async () => {
        while (next < count) {
          next++;
          await c.client.request('broadcast', { ...sender, text: TEXT });
        }
      };
      await Promise.all(Array.from({ length: window }, lane));
    }),
  );
  return performance.now() - start;
}

async function withProject<T>(env: NodeJS.ProcessEnv, fn: (p: TestProject) => Promise<T>): Promise<T> {
  const p = makeProject({ git: true, env });
  try {
    return await fn(p);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}; the daemon's log ends:\n${tailLog(p.endpoint().logPath, 12)}\n`);
    throw err;
  } finally {
    await p.cleanup();
  }
}

const daemonPid = (c: Connection) => c.hello.pid;

/** What a bare Node process holds resident, idle: the floor under the daemon's figures. */
async function bareNodeRss(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
  await sleep(300);
  const r = rss(child.pid!);
  child.kill();
  return r;
}

/** Wall time of a whole process, as a user or a hook pays it. */
function timedProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/**
 * The first `session-bus send` on a cold project (no daemon: the process starts one and waits for
 * it), against a send to the running daemon and bare `node -e 0`, interleaved round by round.
 */
export async function coldStartRows(): Promise<BenchRow[]> {
  const node: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  const idle: number[] = [];
  const idlePrivate: number[] = [];
  const bare = await bareNodeRss();
  const send = (p: TestProject, text: string) => timedProcess(process.execPath, [CLI, 'send', text, '--project', p.dir], p.env);
  for (let i = 0; i < 9; i++) {
    await withProject({}, async (p) => {
      node.push(await timedProcess(process.execPath, ['-e', '0']));
      cold.push(await send(p, 'first send on a cold project'));
      warm.push(await send(p, 'a send to the running daemon'));
      const c = await p.connect();
      // As a daemon serving sessions is: a register (any request past the quick checks) loads
      // its parameter schemas, as the daemon does by itself a second after its start.
      await c.client.request('register', { sessionId: `bench-idle-${i}`, pid: 0, label: 'main#idle00' });
      idle.push(rss(daemonPid(c)));
      idlePrivate.push(privateBytes(daemonPid(c)));
      c.client.close();
    });
  }
  const [n, c, w] = [median(node), median(cold), median(warm)];
  return [
    {
      row: 'cold start: first `session-bus send` on a cold project (whole process) / a send to the running daemon, median of 9',
      figure: `${(c / w).toFixed(2)}× (${ms(c, 0)} vs ${ms(w, 0)}; node -e 0: ${ms(n, 0)}, so ${(c / n).toFixed(2)}× and ${(w / n).toFixed(2)}×)`,
      target: '≤ 2.00×',
      pass: c / w <= 2,
    },
    { row: 'daemon resident memory, idle, its schemas loaded (one session registered)', figure: `${mb(median(idle))} RSS, ${mb(median(idlePrivate))} private (bare node: ${mb(bare)} RSS)`, target: '≤ 60 MB', pass: median(idle) <= 60 * 1024 * 1024 },
  ];
}

/**
 * Memory after a burst of 100,000 messages with the default settings (the newest 10,000 kept).
 * What is waited for: nothing but time. From the last ack, with no traffic, RSS is sampled every
 * 100 ms for 10 s; the row gives the figure at 10 s and when it first was within the target.
 */
export async function memoryRows(): Promise<BenchRow[]> {
  const LIMIT = 60 * 1024 * 1024;
  return withProject({}, async (p) => {
    const senders = await Promise.all(Array.from({ length: 4 }, () => p.connect()));
    await fill(senders, 100_000);
    const lastAck = performance.now();
    const pid = daemonPid(senders[0]!);
    let within: number | undefined;
    let peak = 0;
    for (let t = 0; t < 10_000; t = performance.now() - lastAck) {
      const r = rss(pid);
      peak = Math.max(peak, r);
      if (r <= LIMIT) within ??= t;
      else within = undefined;
      await sleep(100);
    }
    const full = rss(pid);
    const figure = `${memFigure(pid)} at 10 s (${within === undefined ? 'above 60 MB at 10 s' : `≤ 60 MB from ${(within / 1000).toFixed(1)} s on`}; ${mb(peak)} at most)`;
    for (const c of senders) c.client.close();
    return [{ row: 'daemon RSS 10 s after the last ack of a 100,000-message burst (default retention, no traffic)', figure, target: '≤ 60 MB', pass: full <= LIMIT }];
  });
}

export async function throughputRows(): Promise<BenchRow[]> {
  return withProject({}, async (p) => {
    const sessions = await Promise.all(Array.from({ length: 8 }, () => p.connect()));
    await Promise.all(sessions.map((c, i) => c.client.request('register', { ...who(i), live: true })));
    const senders = await Promise.all(Array.from({ length: 4 }, () => p.connect()));
    await fill(senders, 2000); // warm up
    const count = 40_000;
    const elapsed = await fill(senders, count);
    const rate = count / (elapsed / 1000);
    for (const c of [...sessions, ...senders]) c.client.close();
    return [{ row: 'broadcast throughput, pipelined: 4 clients, 64 in flight each, 8 sessions not draining', figure: `${int(rate)} msg/s`, target: '≥ 20,000 msg/s', pass: rate >= 20_000 }];
  });
}

/**
 * A sender paced at `rate` messages a second; a live peer with push "all", in a process of its
 * own (bench/latency-peer.ts), drains on every wake as the MCP server does (without its
 * deliberate 150 ms coalescing). Latency: broadcast sent → message in the peer's drain reply,
 * by the send time the text carries (one clock: both processes run on this machine).
 */
export async function latencyRows(rate = 1000, seconds = 5): Promise<BenchRow[]> {
  return withProject({}, async (p) => {
    const sender = await p.connect();
    // The first second warms both processes up (JIT, buffers) and is not counted.
    const warm = rate;
    const total = warm + rate * seconds;
    const peer = spawn(TSX, [path.join(HERE, 'latency-peer.ts'), p.dir, String(total), String(warm)], { env: p.env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    peer.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const exited = new Promise((resolve) => peer.on('exit', resolve));
    await waitFor('the peer to register', () => out.startsWith('ready\n'), 20_000);
    const A = who(1);
    const start = performance.now();
    const acks: Promise<unknown>[] = [];
    // Paced by a 1 ms timer, sending what is due at each tick: a sender that spun on
    // setImmediate would take a whole vCPU of the two from the daemon and the peer measured.
    for (let i = 0; i < total; ) {
      await new Promise((r) => setTimeout(r, 1));
      const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      for (; i < due; i++) acks.push(sender.client.request('broadcast', { ...A, text: `${i} ${performance.timeOrigin + performance.now()} ${TEXT}` }));
    }
    await Promise.all(acks);
    sender.client.close();
    await Promise.race([exited, sleep(20_000)]);
    peer.kill();
    const latencies = JSON.parse(out.slice('ready\n'.length) || '[]') as number[];
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    return [
      {
        row: `the daemon's part of a push: broadcast → wake → peer drain reply at ${int(rate)} msg/s, p50 / p99 (${int(latencies.length)} of ${int(total - warm)})`,
        figure: `${ms(p50, 2)} / ${ms(p99, 2)}`,
        target: 'p99 ≤ 5 ms',
        pass: latencies.length === total - warm && p99 <= 5,
      },
    ];
  });
}

/**
 * Nine projects, one per cell: 1, 8 or 32 registered sessions × 1k, 10k or 100k messages in the
 * log. The drains are measured round-robin across the nine, so a noisy machine moves every cell
 * alike: each sample is the round trip of a drain that gets one new message. The 100k log with
 * 8 sessions also gives the memory and restart-replay rows.
 */
export async function scaleRows(details: (line: string) => void): Promise<BenchRow[]> {
  const sizes = [1000, 10_000, 100_000];
  const teams = [1, 8, 32];
  const R = who(0);
  interface Cell {
    key: string;
    p: TestProject;
    reader: Connection;
    senders: Connection[];
    times: number[];
  }
  const cells: Cell[] = [];
  const rows: BenchRow[] = [];
  try {
    for (const team of teams) {
      for (const size of sizes) {
        const p = makeProject({ git: true, env: { SESSION_BUS_RETAIN_COUNT: '1000000' } });
        const reader = await p.connect();
        const cell: Cell = { key: `${team}/${size}`, p, reader, senders: [], times: [] };
        cells.push(cell);
        for (let i = 0; i < team; i++) await reader.client.request('register', { ...who(i) });
        cell.senders = await Promise.all(Array.from({ length: 4 }, () => p.connect()));
        await fill(cell.senders, size);
        while ((await reader.client.request('drain', { ...R })).remaining > 0);
      }
    }
    for (let round = 0; round < 250; round++) {
      for (const c of cells) {
        await c.senders[0]!.client.request('broadcast', { ...who(1000), text: TEXT });
        const t = performance.now();
        const r = await c.reader.client.request('drain', { ...R });
        // The first 50 rounds warm up the JIT everywhere; they are not counted.
        if (round >= 50) c.times.push(performance.now() - t);
        if (r.messages.length !== 1) throw new Error(`drain returned ${r.messages.length} messages, expected 1`);
      }
    }
    const big = cells.find((c) => c.key === '8/100000')!;
    const pid = daemonPid(big.reader);
    await sleep(500);
    rows.push({ row: `  the same, all ${int(100_000)} kept in memory (SESSION_BUS_RETAIN_COUNT raised)`, figure: memFigure(pid), target: '', pass: null });
    for (const c of [big.reader, ...big.senders]) c.client.close();
    const replays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const stop = await big.p.cli(['stop']);
      if (stop.code !== 0) throw new Error(`session-bus stop failed: ${stop.stderr}`);
      // Until the first ack: a hello can be answered before the log is in memory.
      const t = performance.now();
      const c = await big.p.connect({ timeoutMs: 30_000 });
      await c.client.request('broadcast', { ...who(1000), text: TEXT });
      replays.push(performance.now() - t);
      c.client.close();
    }
    const replay = median(replays);
    rows.push({ row: 'daemon restart on a 100,000-message log: connectOrSpawn → first broadcast acked (median of 3)', figure: ms(replay, 0), target: '≤ 1 s', pass: replay <= 1000 });
  } finally {
    for (const c of cells) {
      for (const x of [c.reader, ...c.senders]) x.client.close();
      await c.p.cleanup();
    }
  }
  const med = new Map(cells.map((c) => [c.key, median(c.times)]));
  const all = [...med.values()];
  const spread = Math.max(...all) / Math.min(...all);
  rows.unshift({
    row: 'drain of 1 new message vs log 1k/10k/100k × sessions 1/8/32 (max/min of medians)',
    figure: `${ms(Math.min(...all), 3)} – ${ms(Math.max(...all), 3)} (${spread.toFixed(2)}×)`,
    target: 'flat (≤ 2×)',
    pass: spread <= 2,
  });
  details('drain round trip, median (ms), by registered sessions × messages in the log:');
  printTable(
    teams.map((team) => ({
      row: `${team} session${team === 1 ? '' : 's'}`,
      figure: sizes.map((size) => `${int(size)}: ${med.get(`${team}/${size}`)!.toFixed(3)}`).join('   '),
      target: '',
      pass: null,
    })),
    details,
  );
  return rows;
}
