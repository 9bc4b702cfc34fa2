/**
 * What every session pays for the MCP server, against the seed's (bench/seed.ts), measured
 * interleaved in one run: spawn → `initialize` → `tools/list` answered, as the host starts it;
 * peak RSS (VmHWM) once the first tool call has gone through the broker; and the tools array.
 * Each server has its own project with its own version's daemon already running, as in a
 * session that is not the project's first.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIST, makeProject, run, type TestProject } from '../test/support/project.ts';
import { extractSeed } from './seed.ts';
import { mb, median, ms, type BenchRow } from './table.ts';

const ROUNDS = Number(process.env.BENCH_MCP_ROUNDS ?? 20);

export interface McpStart {
  /** spawn → tools/list answered */
  listMs: number;
  /** VmHWM after the first tools/call answered */
  peakRss: number;
  tools: unknown[];
}

function hwm(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/** Starts `entry` as the host does (node, stdio), speaking raw JSON-RPC lines to it. */
export function startMcpOnce(entry: string, env: NodeJS.ProcessEnv): Promise<McpStart> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [entry], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    const send = (msg: object) => child.stdin.write(JSON.stringify({ jsonrpc: '2.0', ...msg }) + '\n');
    let listMs = 0;
    let tools: unknown[] = [];
    let buf = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not answer within 20 s`));
    }, 20_000);
    child.on('error', reject);
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const msg = JSON.parse(buf.slice(0, nl)) as { id?: number; result?: { tools?: unknown[] } };
        buf = buf.slice(nl + 1);
        if (msg.id === 1) {
          send({ method: 'notifications/initialized' });
          send({ id: 2, method: 'tools/list' });
        } else if (msg.id === 2) {
          listMs = performance.now() - start;
          tools = msg.result?.tools ?? [];
          send({ id: 3, method: 'tools/call', params: { name: 'inbox', arguments: { limit: 1 } } });
        } else if (msg.id === 3) {
          const peakRss = hwm(child.pid!);
          clearTimeout(timer);
          child.on('close', () => resolve({ listMs, peakRss, tools }));
          child.stdin.end();
        }
      }
    });
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } } });
  });
}

function timedNode(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - start));
  });
}

export async function mcpStartRows(): Promise<BenchRow[]> {
  const seed = extractSeed();
  const ours = makeProject({ git: true });
  const theirs = makeProject({ git: true });
  const mcpEnv = (p: TestProject, id: string) => ({ ...p.env, CLAUDE_CODE_SESSION_ID: id, CLAUDE_PROJECT_DIR: p.dir });
  try {
    // Each project's daemon runs before the servers start: the seed's started by its own CLI.
    (await ours.connect()).client.close();
    const r = await run(process.execPath, [seed.cli, 'send', 'bench warm-up', '--project', theirs.dir], { env: theirs.env });
    if (r.code !== 0) throw new Error(`the seed's send failed: ${r.stderr}`);
    const node: number[] = [];
    const a: McpStart[] = [];
    const b: McpStart[] = [];
    for (let i = 0; i < 2; i++) await startMcpOnce(path.join(DIST, 'mcp.mjs'), mcpEnv(ours, `warm-${i}`)); // page cache
    for (let i = 0; i < ROUNDS; i++) {
      node.push(await timedNode());
      b.push(await startMcpOnce(seed.mcp, mcpEnv(theirs, `seed-${i}`)));
      a.push(await startMcpOnce(path.join(DIST, 'mcp.mjs'), mcpEnv(ours, `ours-${i}`)));
    }
    const list = median(a.map((x) => x.listMs));
    const seedList = median(b.map((x) => x.listMs));
    const rss = median(a.map((x) => x.peakRss));
    const seedRss = median(b.map((x) => x.peakRss));
    const toolsChars = JSON.stringify(a[0]!.tools).length;
    const seedChars = JSON.stringify(b[0]!.tools).length;
    return [
      {
        row: `MCP server start: spawn → tools/list answered / the seed's (${seed.commit}), median of ${ROUNDS}`,
        figure: `${(list / seedList).toFixed(2)}× (${ms(list, 0)} vs ${ms(seedList, 0)}; node -e 0: ${ms(median(node), 0)}, ours ${(list / median(node)).toFixed(2)}×)`,
        target: '≤ 1.00×',
        pass: list <= seedList,
      },
      {
        row: "MCP server peak RSS through its first tool call / the seed's",
        figure: `${(rss / seedRss).toFixed(2)}× (${mb(rss)} vs ${mb(seedRss)})`,
        target: '≤ 1.10×',
        pass: rss <= seedRss * 1.1,
      },
      {
        row: `  tools/list's tools array as the server sends it (${a[0]!.tools.length} tools; the seed's ${b[0]!.tools.length})`,
        figure: `${toolsChars} chars (the seed's: ${seedChars})`,
        target: '',
        pass: null,
      },
    ];
  } finally {
    await run(process.execPath, [seed.cli, 'stop', '--project', theirs.dir], { env: theirs.env });
    await ours.cleanup();
    await theirs.cleanup();
    seed.cleanup();
  }
}
