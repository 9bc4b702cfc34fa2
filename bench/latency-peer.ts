/**
 * A peer session in a process of its own, as a real one is: it drains on every wake and reports
 * how long each message took, from the send time its text carries (`<index> <epoch ms> …`) to
 * the drain reply. Prints `ready`, then, once it has `expected` messages, their latencies as JSON.
 *   tsx bench/latency-peer.ts <project dir> <expected> <warm-up count>
 */
import { connectOrSpawn } from '../src/client/connect.ts';
import { drainOnWake } from './drain-on-wake.ts';

const [dir, expectedArg, warmArg] = process.argv.slice(2);
const expected = Number(expectedArg);
const warm = Number(warmArg);
const B = { sessionId: 'bench-peer', pid: 20_002, label: 'main#peer00' };
const conn = await connectOrSpawn(dir!, { env: process.env });
await conn.client.request('register', { ...B, live: true, push: 'all' });
const latencies: number[] = [];
let seen = 0;
drainOnWake(conn, B, (messages, now) => {
  const at = performance.timeOrigin + now;
  for (const m of messages) {
    const [index, sent] = m.text.split(' ');
    if (Number(index) >= warm) latencies.push(at - Number(sent));
  }
  seen += messages.length;
  if (seen >= expected) {
    process.stdout.write(`${JSON.stringify(latencies)}\n`, () => process.exit(0));
  }
});
process.stdout.write('ready\n');
