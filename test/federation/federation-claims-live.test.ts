/**
 * Federation's claims between two live hosts on loopback: races, and a dead host's claims.
 */
import { describe, it } from 'vitest';
import { A1, B1, LEASE_MS, useFederation } from '../support/federation-hosts.ts';
import { waitFor } from '../support/project.ts';

// The two tests run at once (one mostly waits out a dead host's lease), each on its own bus;
// their hosts are undone after the file.
const fed = useFederation({ scope: 'file' });
const { twoHosts, status, federated, claimError } = fed;

describe.skipIf(fed.skipped).concurrent('federation: claims between hosts', () => {
  it('two hosts claiming one resource, or overlapping ones, at the same moment: exactly one gets it', async ({ expect }) => {
    const { ca, cb } = await twoHosts();
    await Promise.all([federated(ca), federated(cb)]);
    for (let i = 0; i < 20; i++) {
      const [ra, rb] = i % 2 === 0 ? [`port:${7000 + i}`, `port:${7000 + i}`] : [`race${i}/**`, `race${i}/deep/file.ts`];
      const [ea, eb] = await Promise.all([claimError(ca, A1, ra), claimError(cb, B1, rb)]);
      const winners = [ea, eb].filter((e) => e === undefined).length;
      expect(winners, `round ${i}: ${ea ?? 'A got it'} / ${eb ?? 'B got it'}`).toBe(1);
      expect(ea ?? eb).toMatch(/ is held by main#(aaaaaa on hostA|bbbbbb on hostB) since /);
    }
  });

  it('a host whose broker is killed: its presence and claims expire on the other host', async ({ expect }) => {
    const { ca, cb } = await twoHosts();
    await ca.client.request('register', { ...A1, live: true });
    await Promise.all([federated(ca), federated(cb)]);
    await ca.client.request('claim', { ...A1, resource: 'port:9000' });
    expect(await claimError(cb, B1, 'port:9000')).toMatch(/held by main#aaaaaa on hostA/);
    await waitFor('hostA present on B', async () => (await status(cb)).federation.hosts.some((h) => h.name === 'hostA' && h.sessions.length === 1));

    const aPid = ca.hello.pid;
    process.kill(aPid, 'SIGKILL');
    const t0 = Date.now();
    await waitFor('hostA to leave B\'s view', async () => (await status(cb)).federation.hosts.length === 0, 5 * LEASE_MS);
    await waitFor('port:9000 to be free on B', async () => (await claimError(cb, B1, 'port:9000')) === undefined, 5 * LEASE_MS);
    const took = Date.now() - t0;
    expect(took).toBeLessThan(3 * LEASE_MS);
    expect((await cb.client.request('claims', {})).claims.map((c) => `${c.resource} ${c.label}`)).toEqual(['port:9000 main#bbbbbb']);
  });
});
