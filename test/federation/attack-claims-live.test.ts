/**
 * Attacks on federation's claims between live hosts on loopback (a real nats-server).
 */
import { describe, it } from 'vitest';
import { A1, B1, C1, useFederation } from '../support/federation-hosts.ts';
import { waitFor } from '../support/project.ts';

// The two attacks run at once (describe.concurrent: one mostly waits out a lease, the other a
// slow link), each on its own bus; their hosts are undone after the file.
const fed = useFederation({ scope: 'file' });
const { host, connect, uniqueRemote, federated, claimError } = fed;

/** Long enough that the dead host's entry is still in the bucket when the new host connects. */
const LEASE = 6000;
/** How long after the death C connects: more than the test's margin (1500 ms) before the lease ends. */
const C_AFTER = LEASE - 2500;

describe.skipIf(fed.skipped).concurrent('attack: claims between live hosts', () => {
  it("a dead host's claim is refused by a host that starts (or reconnects) after the death for a full lease more: the copy ages entries from when it first saw them", async ({ expect }) => {
    const { startDelayProxy } = await import('../support/delay-proxy.ts');
    // C's broker starts with the others, its NATS connection held at a gate until C_AFTER past
    // the death: its view of the bus starts then, and a daemon's start-up (seconds on a busy
    // machine) does not decide whether the dead host's entry is still there to be seen.
    const gate = await startDelayProxy({ targetHost: '127.0.0.1', targetPort: Number(new URL(fed.nats.url).port), delayMs: 0, held: true });
    fed.project.defer(() => gate.close());
    const remote = uniqueRemote();
    const env = { SESSION_BUS_FED_LEASE_MS: String(LEASE) };
    const a = host('hostA', remote, env);
    const b = host('hostB', remote, env);
    const c = host('hostC', remote, { ...env, SESSION_BUS_NATS_URL: `nats://127.0.0.1:${gate.port}` });
    const [ca, cb, cc] = await Promise.all([connect(a), connect(b), connect(c)]);
    await Promise.all([federated(ca), federated(cb)]);
    await ca.client.request('claim', { ...A1, resource: 'src/**' });
    await waitFor('B sees A\'s claim', async () => (await claimError(cb, B1, 'src/b.ts')) !== undefined);
    expect((await fed.status(cc)).federation.state, 'C before its connection is let through').not.toBe('connected');

    process.kill(ca.hello.pid, 'SIGKILL');
    const killedAt = Date.now();
    // Time passing is the point: C's first sight of the bus comes this long after the death.
    await new Promise((r) => setTimeout(r, C_AFTER));
    gate.release();
    await federated(cc);
    const cSaw = await claimError(cc, C1, 'src/c.ts');
    // Else C never saw the dead host's entry, and its time to free it proves nothing.
    expect(cSaw, `C connected ${Date.now() - killedAt} ms after the death`).toMatch(/^src\/\*\* is held by main#aaaaaa on hostA/);
    const freeOnC = async () => {
      await waitFor('src/c.ts free on C', async () => (await claimError(cc, C1, 'src/c.ts')) === undefined, 4 * LEASE);
      return Date.now() - killedAt;
    };
    const freeOnB = async () => {
      await waitFor('src/b.ts free on B', async () => (await claimError(cb, B1, 'src/b.ts')) === undefined, 4 * LEASE);
      return Date.now() - killedAt;
    };
    // Each probes its own key under the dead host's src/**: neither's claim touches the other's view of it.
    const [bTook, cTook] = await Promise.all([freeOnB(), freeOnC()]);
    console.log(`dead host's claim: C first saw "${cSaw ?? 'free'}"; free on B after ${bTook} ms, on C after ${cTook} ms (lease ${LEASE} ms)`);
    expect(cTook, `C (connected ${C_AFTER} ms after the death) refused the dead host's claim for ${cTook} ms; B, watching all along, for ${bTook} ms`).toBeLessThan(LEASE + 1500);
  }, 60_000);
});

/**
 * The slow link's lease: short, so three of them pass soon; each is several of A's refreshes of
 * all 200 entries at +30 ms (a tick is a third of a lease), any of which lapsing or timing out shows.
 */
const SLOW_LEASE = 2000;

describe.skipIf(fed.skipped).concurrent('attack: many claims on a slow link', () => {
  it('a host holding 200 claims at +30 ms round trip keeps them all shared: no refresh times out, none lapses, the other host sees them all for three leases', async ({ expect }) => {
    const { startDelayProxy } = await import('../support/delay-proxy.ts');
    const port = Number(new URL(fed.nats.url).port);
    const proxy = await startDelayProxy({ targetHost: '127.0.0.1', targetPort: port, delayMs: 15 });
    try {
      const remote = uniqueRemote();
      const env = { SESSION_BUS_FED_LEASE_MS: String(SLOW_LEASE), SESSION_BUS_NATS_URL: `nats://127.0.0.1:${proxy.port}` };
      const a = host('hostA', remote, env);
      const b = host('hostB', remote, env);
      const [ca, cb] = await Promise.all([connect(a), connect(b)]);
      await Promise.all([federated(ca), federated(cb)]);
      const N = 200;
      const t0 = Date.now();
      // One at a time in A's claims lane, a few round trips each: the last answers seconds after it was asked.
      const outcomes = await Promise.all(Array.from({ length: N }, (_, i) => ca.client.request('claim', { ...A1, resource: `many/${i}.ts` }, 60_000)));
      const claimedIn = Date.now() - t0;
      const warned = outcomes.filter((o) => (o as { warning?: string }).warning).length;
      const onB = async () => (await cb.client.request('claims', {})).claims.filter((c) => c.host === 'hostA').length;
      const lagSamples: string[] = [];
      const tDone = Date.now();
      for (let n = await onB(); n < N && Date.now() - tDone < 15_000; n = await onB()) {
        lagSamples.push(`${Date.now() - tDone}:${n}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const bLag = Date.now() - tDone;
      console.log(`B's copy behind A's confirmed claims for ${bLag} ms: ${lagSamples.join(' ')}`);
      const seen: number[] = [];
      const until = Date.now() + 3 * SLOW_LEASE;
      while (Date.now() < until) {
        const remoteClaims = (await cb.client.request('claims', {})).claims.filter((c) => c.host === 'hostA').length;
        seen.push(remoteClaims);
        await new Promise((r) => setTimeout(r, 250));
      }
      const st = (await ca.client.request('status', {})).federation;
      const why = new Map<string, number>();
      for (const o of outcomes) {
        const w = (o as { warning?: string }).warning;
        if (w) why.set(w, (why.get(w) ?? 0) + 1);
      }
      console.log(`warnings: ${JSON.stringify([...why])}; B saw over time: ${seen.join(' ')}`);
      console.log(`${N} claims at +30 ms: taken in ${claimedIn} ms, ${warned} local only; B saw min ${Math.min(...seen)} max ${Math.max(...seen)}; A warnings: ${JSON.stringify(st.warnings).slice(0, 300)}`);
      expect(warned).toBe(0);
      expect(bLag, "B's copy lagged behind claims A had confirmed").toBeLessThan(1000);
      expect(Math.min(...seen), 'B lost sight of some of A\'s claims').toBe(N);
      expect(st.warnings).toEqual([]);
    } finally {
      await proxy.close();
    }
  }, 120_000);
});
