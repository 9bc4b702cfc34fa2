/**
 * A push as a session gets it, end to end: a broadcast from one session, the daemon, the other
 * session's real MCP server (plugin/dist/mcp.mjs, spawned under a stand-in Claude process as
 * test/support/mcp.ts does), and the host's inbox socket: a stand-in speaking the protocol of
 * HOST.md "Pushing into a session" (an auth line, then a user line). Each sample is timed from
 * just before the broadcast request to the moment the user line reaches the stand-in.
 *
 * The runaway guard lets a session take PUSH_BURST pushes before it rations them, so the
 * isolated messages are spread over fresh MCP servers, PUSH_BURST each, spaced wider than the
 * coalescing window: every sample is a first push after a quiet spell.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as net from 'node:net';
import * as path from 'node:path';
import { shortId } from '../src/protocol/messages.ts';
import { COALESCE_MS, PUSH_BURST } from '../src/mcp/pusher.ts';
import { HOST_STANDIN } from '../test/support/mcp.ts';
import { DIST, makeProject, sleep, waitFor, type TestProject } from '../test/support/project.ts';
import { int, ms, percentile, type BenchRow } from './table.ts';

const SAMPLES = Number(process.env.BENCH_PUSH_SAMPLES ?? 90);
const BURST = 20;
const A = { sessionId: 'aaaaaaaa-push-bench', pid: 30_001, label: 'main#aaaaaa' };

/** The host's inbox socket: calls `got` with each posted user text as its line arrives. */
function standInInbox(socketPath: string, got: (text: string, at: number) => void): Promise<net.Server> {
  const server = net.createServer((s) => {
    let buf = '';
    let lines = 0;
    s.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = JSON.parse(buf.slice(0, nl)) as { type: string; message?: { content: string } };
        buf = buf.slice(nl + 1);
        if (++lines === 2 && line.type === 'user') got(line.message!.content, performance.now());
      }
    });
    s.on('end', () => s.end());
    s.on('error', () => undefined);
  });
  return new Promise((resolve) => server.listen(socketPath, () => resolve(server)));
}

interface Peer {
  child: ChildProcess;
  short: string;
}

async function startPeer(p: TestProject, inboxPath: string): Promise<Peer> {
  const sessionId = randomUUID();
  const env = { ...p.env, CLAUDE_CODE_SESSION_ID: sessionId, CLAUDE_PROJECT_DIR: p.dir, CLAUDE_CODE_MESSAGING_SOCKET: inboxPath, CLAUDE_CODE_MESSAGING_TOKEN: 'bench' };
  const child = spawn(process.execPath, ['-e', HOST_STANDIN, path.join(DIST, 'mcp.mjs')], { env, stdio: ['pipe', 'ignore', 'ignore'] });
  const short = shortId(sessionId);
  const c = await p.connect();
  try {
    await waitFor('the MCP server registered', async () => (await c.client.request('status', {})).sessions.some((s) => s.shortId === short && s.connected), 20_000);
  } finally {
    c.client.close();
  }
  return { child, short };
}

function stopPeer(peer: Peer): Promise<void> {
  return new Promise((resolve) => {
    peer.child.on('close', () => resolve());
    peer.child.stdin!.end();
  });
}

export async function pushLatencyRows(): Promise<BenchRow[]> {
  const p = makeProject({ git: true });
  const arrivals = new Map<string, number>();
  const posts: string[] = [];
  const inboxPath = path.join(p.base, 'host-inbox.sock');
  const server = await standInInbox(inboxPath, (text, at) => {
    posts.push(text);
    for (const m of text.matchAll(/push-bench-(\d+)/g)) arrivals.set(m[1]!, at);
  });
  const sender = await p.connect();
  await sender.client.request('register', { ...A, live: true });
  try {
    const latencies: number[] = [];
    let n = 0;
    while (latencies.length < SAMPLES) {
      const peer = await startPeer(p, inboxPath);
      for (let k = 0; k < PUSH_BURST && latencies.length < SAMPLES; k++) {
        // Wider than the coalescing window: each message is the first after a quiet spell.
        await sleep(COALESCE_MS * 2);
        const id = String(n++);
        const t0 = performance.now();
        await sender.client.request('broadcast', { ...A, text: `push-bench-${id}`, to: [peer.short] });
        await waitFor(`push ${id}`, () => arrivals.has(id), 10_000);
        latencies.push(arrivals.get(id)! - t0);
      }
      await stopPeer(peer);
    }
    // A burst to a fresh session: how many posts it becomes, and when its last message is in.
    const peer = await startPeer(p, inboxPath);
    await sleep(COALESCE_MS * 2);
    const before = posts.length;
    const t0 = performance.now();
    const ids = Array.from({ length: BURST }, () => String(n++));
    await Promise.all(ids.map((id) => sender.client.request('broadcast', { ...A, text: `push-bench-${id}`, to: [peer.short] })));
    await waitFor('the burst pushed', () => ids.every((id) => arrivals.has(id)), 10_000);
    const burstMs = Math.max(...ids.map((id) => arrivals.get(id)!)) - t0;
    const burstPosts = posts.length - before;
    await stopPeer(peer);

    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    return [
      {
        row: `push, isolated direct message: broadcast → daemon → MCP server → host inbox socket, p50 / p99 (${int(latencies.length)} samples)`,
        figure: `${ms(p50, 1)} / ${ms(p99, 1)}`,
        target: 'p50 ≤ 10 ms, p99 ≤ 30 ms',
        pass: p50 <= 10 && p99 <= 30,
      },
      {
        row: `push, a burst of ${BURST} direct messages sent at once: posts it became, last one in after`,
        figure: `${burstPosts} post${burstPosts === 1 ? '' : 's'}, ${ms(burstMs, 0)}`,
        target: '≤ 2 posts',
        pass: burstPosts <= 2,
      },
    ];
  } finally {
    sender.client.close();
    server.close();
    await p.cleanup();
  }
}
