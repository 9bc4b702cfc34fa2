/**
 * The port while the NATS client loads, just after the daemon answers: a flake in the outage
 * tests showed `status` saying federation was `off` (outbox 0) in that window, and a claim then
 * would have been granted with no word that the other hosts were not asked.
 */
import { describe, expect, it } from 'vitest';
import { federationStarting } from '../../src/daemon/federation/start.ts';
import type { FederationSettings } from '../../src/daemon/federation/config.ts';

const settings: FederationSettings = { servers: ['nats://n:4222'], displayUrl: 'nats://n:4222', auth: {}, project: 'p1', hostName: 'hostA', leaseMs: 15_000 };

describe('federation while it starts', () => {
  it('status says connecting (not off), and a claim is granted here only, saying so', async () => {
    const port = federationStarting(settings, []);
    expect(port.status()).toMatchObject({ state: 'connecting', url: 'nats://n:4222', project: 'p1', claimsLocalOnly: true });
    expect(port.sharesClaims).toBe(true);
    const outcome = await port.acquire({ resource: 'port:1420', holder: 's', label: 'main#aaaaaa', since: 0 });
    expect(outcome).toMatchObject({ ok: true, warning: expect.stringMatching(/^local only: another host may hold it \(federation is starting\)/) });
  });
});
