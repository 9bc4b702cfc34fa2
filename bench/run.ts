/**
 * `npm run bench`: the numbers users feel, as one table of figure against target.
 *   npm run bench                 every row
 *   npm run bench -- hooks mcp    only some groups (hooks, mcp, tools, push, start, throughput,
 *                                 ack, latency, memory, scale, federation)
 * Whole processes and end-to-end paths, measured from outside as users pay for them. Process
 * costs are ratios to baselines measured in the same run, interleaved (`sh -c true`,
 * `node -e 0`, the seed's MCP server); the machine is printed with the table because the
 * absolute figures mean little without it.
 */
import * as os from 'node:os';
import { coldStartRows, latencyRows, memoryRows, scaleRows, throughputRows } from './daemon.ts';
import { federationRows } from './federation.ts';
import { federationWanRows } from './federation-wan.ts';
import { hookRows } from './hook-cost.ts';
import { ackRows, drainingThroughputRows } from './draining.ts';
import { mcpStartRows } from './mcp-start.ts';
import { pushLatencyRows } from './push-latency.ts';
import { toolsInHostRows } from './tools-in-host.ts';
import { printTable, type BenchRow } from './table.ts';

const details: string[] = [];
const groups: Record<string, () => Promise<BenchRow[]>> = {
  hooks: hookRows,
  mcp: mcpStartRows,
  tools: toolsInHostRows,
  start: coldStartRows,
  throughput: async () => [...(await throughputRows()), ...(await drainingThroughputRows())],
  ack: ackRows,
  latency: () => latencyRows(),
  push: pushLatencyRows,
  memory: memoryRows,
  scale: () => scaleRows((line) => details.push(line)),
  federation: async () => [...(await federationRows()), ...(await federationWanRows())],
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const w of wanted) {
  if (!(w in groups)) {
    console.error(`bench: no group "${w}"; the groups are ${Object.keys(groups).join(', ')}`);
    process.exit(2);
  }
}

const cpu = os.cpus()[0]?.model.trim() ?? 'unknown cpu';
console.log(`session-bus bench · node ${process.version} · ${os.platform()} ${os.release()} · ${cpu} × ${os.cpus().length} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
const rows: BenchRow[] = [];
for (const [name, measure] of Object.entries(groups)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...(await measure()));
}
console.log('');
printTable(rows);
if (details.length > 0) console.log(`\n${details.join('\n')}`);
const missed = rows.filter((r) => r.pass === false).length;
console.log(missed === 0 ? '\nevery row meets its target' : `\n${missed} row(s) miss their target`);
