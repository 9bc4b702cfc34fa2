/**
 * Issue 19 on a real network (hosts in network namespaces, NATS behind a delaying proxy; see
 * test/support/netns.ts): messages across a slow link, and a host that leaves.
 */
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../src/client/connect.ts';
import type { MessageRecord } from '../../src/protocol/messages.ts';
import { A1, B1, fedStatus, federated, uniqueRemote, type Who } from '../support/federation-calls.ts';
import { useNetwork } from '../support/net-hosts.ts';
import { skipWithoutNetns } from '../support/netns.ts';
import { waitFor } from '../support/project.ts';

const skip = skipWithoutNetns();
const net = useNetwork({ skip });

/** Each direction: +30 ms round trip, as issue 19 measured. */
const ONE_WAY_MS = 15;
const BURST = 300;
/**
 * One publish at a time takes a round trip per message: 300 × 30 ms = 9 s, 33 msg/s at best
 * (the finding measured 28). Pipelined, the burst must cross in under a third of that (100
 * msg/s): a bound that tells the two apart on a loaded machine too, where the test's own
 * requests and the daemons share two cores with other test files (alone on this machine it makes about 700).
 */
const MIN_RATE = Math.round(BURST / ((BURST * 2 * ONE_WAY_MS) / 3 / 1000));

/** Drains `who` until `n` messages came; when the n-th was in hand, too. */
async function drainCount(c: Connection, who: Who, n: number, got: MessageRecord[], timeoutMs: number): Promise<number> {
  await waitFor(`${n} messages for ${who.label}`, async () => {
    got.push(...(await c.client.request('drain', who)).messages);
    return got.length >= n;
  }, timeoutMs);
  return performance.now();
}

describe.skipIf(skip)('issue 19 on a real network: delivery', () => {
  it('issue 19 (pipelined publishing): at +30 ms RTT a 300-message burst from A reaches B exactly once, in order, at ≥ 100 msg/s (one at a time makes 33)', async () => {
    const remote = uniqueRemote();
    const [a, b] = await Promise.all([net.host('hostA', { remote, delayed: true }), net.host('hostB', { remote, delayed: true })]);
    const [ca, cb] = await Promise.all([a.connect(), b.connect()]);
    await cb.client.request('register', { ...B1, live: true });
    await Promise.all([federated(ca), federated(cb)]);
    await net.setDelay(ONE_WAY_MS);
    // The path warmed up (consumer pulling, first publish made) outside the measurement.
    await ca.client.request('broadcast', { ...A1, text: 'warm-up' });
    await drainCount(cb, B1, 1, [], 15_000);

    const got: MessageRecord[] = [];
    const t0 = performance.now();
    // Asked all at once, so that what is timed is A's publishing, not the test's own requests: one
    // after another they took most of 7 s on a loaded full run (46 msg/s, under the bound).
    await Promise.all(Array.from({ length: BURST }, (_, i) => ca.client.request('broadcast', { ...A1, text: `m${i}` })));
    const t1 = await drainCount(cb, B1, BURST, got, 30_000);
    const rate = BURST / ((t1 - t0) / 1000);
    // A duplicate would come before a message A sends after the burst.
    await ca.client.request('broadcast', { ...A1, text: 'after' });
    await drainCount(cb, B1, BURST + 1, got, 15_000);
    expect(got.map((m) => m.text)).toEqual([...Array.from({ length: BURST }, (_, i) => `m${i}`), 'after']);
    expect(rate, `${BURST} messages crossed in ${Math.round(t1 - t0)} ms`).toBeGreaterThanOrEqual(MIN_RATE);
  });

  it('issue 19 (graceful leave): a host whose broker stops gracefully (SIGTERM) leaves the other host\'s hosts and peers within 2 s, on the default 15 s lease', async () => {
    const remote = uniqueRemote();
    const [a, b] = await Promise.all([net.host('hostA', { remote }), net.host('hostB', { remote })]);
    const [ca, cb] = await Promise.all([a.connect(), b.connect()]);
    await ca.client.request('register', { ...A1, live: true });
    await cb.client.request('register', { ...B1, live: true });
    await Promise.all([federated(ca), federated(cb)]);
    const remotePeers = async () => (await ca.client.request('peers', { sessionId: A1.sessionId })).peers.filter((p) => p.host === 'hostB').map((p) => p.label);
    await waitFor('hostB and its session in A\'s view', async () => (await fedStatus(ca)).hosts.some((h) => h.name === 'hostB' && h.sessions.length === 1) && (await remotePeers()).length === 1);

    const t0 = performance.now();
    await b.stop('SIGTERM');
    let left: number | undefined;
    await waitFor('hostB to leave A\'s hosts and peers', async () => {
      const gone = !(await fedStatus(ca)).hosts.some((h) => h.name === 'hostB') && (await remotePeers()).length === 0;
      if (gone) left = performance.now() - t0;
      return gone;
    }, 2000).catch(() => undefined);
    expect(left, `hostB still in A's view 2 s after its broker stopped: hosts ${JSON.stringify((await fedStatus(ca)).hosts.map((h) => h.name))}, peers ${JSON.stringify(await remotePeers())}`).toBeDefined();
  });
});
