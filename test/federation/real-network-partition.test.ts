/**
 * Issue 19 on a real network (hosts in network namespaces; see test/support/netns.ts): silent
 * partitions. A cut drops every packet between a host and NATS on both ends, with no RST and no
 * ICMP, as a pulled cable or a dead Wi-Fi does: only the host's own liveness checks can tell.
 */
import { describe, it } from 'vitest';
import { A1, B1, claim, eventually, fedStatus, federated, LOCAL_ONLY, outcomeText, shared, uniqueRemote } from '../support/federation-calls.ts';
import { useNetwork } from '../support/net-hosts.ts';
import { skipWithoutNetns } from '../support/netns.ts';
import { sleep, waitFor } from '../support/project.ts';

const skip = skipWithoutNetns();
// The tests run at once (each mostly waits: for a liveness check, a lease, a SYN's retransmission),
// each on its own bus, cutting only its own hosts; the hosts are undone after the file.
const net = useNetwork({ skip, scope: 'file' });

/** Short, so a partition longer than the lease takes seconds. */
const LEASE_MS = 2000;

async function twoHosts(env: NodeJS.ProcessEnv = {}) {
  const remote = uniqueRemote();
  const [a, b] = await Promise.all([net.host('hostA', { remote, env }), net.host('hostB', { remote, env })]);
  const [ca, cb] = await Promise.all([a.connect(), b.connect()]);
  await Promise.all([federated(ca), federated(cb)]);
  return { a, b, ca, cb };
}

describe.skipIf(skip).concurrent('issue 19 on a real network: silent partitions', () => {
  it('issue 19 (liveness): a silent cut is seen within 5 s (disconnected, claims local only), a claim meanwhile says "local only", and healing reconnects', async ({ expect }) => {
    const { a, ca } = await twoHosts();
    net.cut(a);
    const down = await eventually(() => fedStatus(ca), (s) => s.state !== 'connected', 5000);
    expect(down.state, 'A\'s federation state 5 s after a silent cut').toBe('disconnected');
    expect(down.claimsLocalOnly).toBe(true);
    const during = await claim(ca, A1, 'db:dev');
    expect(during.warning, outcomeText(during)).toMatch(LOCAL_ONLY);
    expect((await fedStatus(ca)).warnings.join('\n')).toContain('db:dev');
    net.heal(a);
    // A reconnect tried during the cut waits for its SYN's next retransmission: seconds, not a bound of the contract.
    const up = await federated(ca, 'connected', 30_000);
    expect(up.claimsLocalOnly).toBe(false);
  });

  it('issue 19 finding 2: the first seconds of a silent partition: B is granted X, and A\'s claim of X, made meanwhile, says "local only" at once and in status', async ({ expect }) => {
    const { a, ca, cb } = await twoHosts();
    net.cut(a);
    const onB = await claim(cb, B1, 'port:1420');
    expect(shared(onB), outcomeText(onB)).toBe(true);
    const onA = await claim(ca, A1, 'port:1420');
    // A cannot see B's claim; what it must not do is grant as if it could.
    expect(onA.granted && onA.warning === undefined, `A: ${outcomeText(onA)}`).toBe(false);
    expect(onA.warning, outcomeText(onA)).toMatch(LOCAL_ONLY);
    expect((await fedStatus(ca)).warnings.join('\n')).toContain('port:1420');
    // Within ~2 s and a few round trips, not a timeout's worth.
    expect(onA.ms).toBeLessThan(3500);
  });

  it('issue 19 (partition longer than the lease): A\'s claim lapses in the bucket, B is granted it; after heal both hosts warn naming it and the other host, A\'s warning says it lapsed', async ({ expect }) => {
    const { a, ca, cb } = await twoHosts({ SESSION_BUS_FED_LEASE_MS: String(LEASE_MS) });
    const resource = 'port:5432';
    const onA = await claim(ca, A1, resource);
    expect(shared(onA), outcomeText(onA)).toBe(true);
    net.cut(a);
    const first = await claim(cb, B1, resource);
    expect(first.granted, `B's first try, just after the cut: ${outcomeText(first)}`).toBe(false);
    // B tries until A's hold lapses from the bucket (a lease after A's last refresh).
    const onB = await waitFor('B to be granted A\'s lapsed claim', async () => {
      const o = await claim(cb, B1, resource);
      if (o.granted) return o;
      await sleep(200);
      return undefined;
    }, 5 * LEASE_MS);
    expect(shared(onB), outcomeText(onB)).toBe(true);
    net.heal(a);
    await federated(ca, 'connected', 30_000);
    const names = (host: string) => (w: string[]) => w.some((x) => x.includes(resource) && x.includes(host));
    const [wa, wb] = await Promise.all([
      eventually(async () => (await fedStatus(ca)).warnings, names('hostB'), 15_000),
      eventually(async () => (await fedStatus(cb)).warnings, names('hostA'), 15_000),
    ]);
    expect.soft(wa, 'A\'s warnings').toSatisfy(names('hostB'));
    expect.soft(wb, 'B\'s warnings').toSatisfy(names('hostA'));
    expect(wa.find((x) => x.includes(resource)), 'A\'s warning').toMatch(/lapsed/);
  });
});
