/**
 * Sessions that drain on every wake, in a process of their own as real sessions are: each has
 * its own connection, registered live with push "all", and drains (as the MCP server's pusher
 * does) whenever the daemon says messages wait. Prints `ready` once all are registered; exits
 * when its stdin closes.
 *   tsx bench/drainers.ts <project dir> <sessions>
 */
import { connectOrSpawn } from '../src/client/connect.ts';
import { drainOnWake } from './drain-on-wake.ts';

const [dir, countArg] = process.argv.slice(2);
const count = Number(countArg);
const conns = await Promise.all(
  Array.from({ length: count }, async (_, i) => {
    const who = { sessionId: `bench-drainer-${i}`, pid: 40_000 + i, label: `main#d${String(i).padStart(5, '0')}` };
    const conn = await connectOrSpawn(dir!, { env: process.env });
    await conn.client.request('register', { ...who, live: true, push: 'all' });
    drainOnWake(conn, who, () => undefined);
    return conn;
  }),
);
process.stdin.on('close', () => {
  for (const c of conns) c.client.close();
  process.exit(0);
});
process.stdin.resume();
process.stdout.write('ready\n');
