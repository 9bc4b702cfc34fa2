/**
 * Attacks on federation's claims between live hosts on loopback (a real nats-server).
 */
import { describe, expect, it } from 'vitest';
import { A1, B1, C1, useFederation } from '../support/federation-hosts.ts';
import { waitFor } from '../support/project.ts';

const fed = useFederation();
const { host, connect, uniqueRemote, federated, claimError } = fed;

/** Long enough that the dead host's entry is still in the bucket when the new host starts. */
const LEASE = 6000;

describe.skipIf(fed.skipped)('attack: claims between live hosts', () => {
  it("a dead host's claim is refused by a host that starts (or reconnects) after the death for a full lease more: the copy ages entries from when it first saw them", async () => {
    const remote = uniqueRemote();
    const env = { SESSION_BUS_FED_LEASE_MS: String(LEASE) };
    const a = host('hostA', remote, env);
    const b = host('hostB', remote, env);
    const [ca, cb] = [await connect(a), await connect(b)];
    await Promise.all([federated(ca), federated(cb)]);
    await ca.client.request('claim', { ...A1, resource: 'src/**' });
    await waitFor('B sees A\'s claim', async () => (await claimError(cb, B1, 'src/b.ts')) !== undefined);

    process.kill(ca.hello.pid, 'SIGKILL');
    const killedAt = Date.now();
    await new Promise((r) => setTimeout(r, LEASE - 2500));
    const c = host('hostC', remote, env);
    const cc = await connect(c);
    await federated(cc);
    const cSaw = await claimError(cc, C1, 'src/c.ts');
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
    expect(cTook, `C (started ${LEASE - 2500} ms after the death) refused the dead host's claim for ${cTook} ms; B, watching all along, for ${bTook} ms`).toBeLessThan(LEASE + 1500);
  }, 60_000);
});

describe.skipIf(fed.skipped)('attack: many claims on a slow link', () => {
  it('a host holding 200 claims at +30 ms round trip keeps them all shared: no refresh times out, none lapses, the other host sees them all for three leases', async () => {
    const { startDelayProxy } = await import('../support/delay-proxy.ts');
    const port = Number(new URL(fed.nats.url).port);
    const proxy = await startDelayProxy({ targetHost: '127.0.0.1', targetPort: port, delayMs: 15 });
    try {
      const remote = uniqueRemote();
      const env = { SESSION_BUS_FED_LEASE_MS: '3000', SESSION_BUS_NATS_URL: `nats://127.0.0.1:${proxy.port}` };
      const a = host('hostA', remote, env);
      const b = host('hostB', remote, env);
      const [ca, cb] = [await connect(a), await connect(b)];
      await Promise.all([federated(ca), federated(cb)]);
      const N = 200;
      const t0 = Date.now();
      const outcomes = await Promise.all(Array.from({ length: N }, (_, i) => ca.client.request('claim', { ...A1, resource: `many/${i}.ts` })));
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
      const until = Date.now() + 3 * 3000;
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
