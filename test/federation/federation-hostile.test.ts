/**
 * What another host sends is cleaned where it enters (issue 19): hostile values published
 * straight into the stream and the presence bucket with the NATS client, as a broken or hostile
 * host could, and what `peers`, `status` and a received message then show.
 */
import { randomBytes } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { connect as natsConnect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/client/connect.ts';
import { busNames } from '../../src/daemon/federation/wire.ts';
import type { StatusResult } from '../../src/protocol/messages.ts';
import { findNatsServer, natsRequired, startNats, type NatsServer } from '../support/nats.ts';
import { useProjects, waitFor } from '../support/project.ts';

const skipped = !findNatsServer() && !natsRequired();
let nats: NatsServer;
let nc: NatsConnection;
const project = useProjects();

beforeAll(async () => {
  if (skipped) return;
  nats = await startNats();
  nc = await natsConnect({ servers: nats.url });
});
afterAll(async () => {
  await nc?.close();
  await nats?.cleanup();
});

const A1 = { sessionId: 'aaaaaaaa-1111-4000-8000-000000000001', pid: 101, label: 'main#aaaaaa' };
/** Escapes that clear or retitle a terminal, C0 and C1 controls, line separators, bidi overrides and isolates, a NUL. */
const EVIL = '\u001b[2J\u001b]0;pwned\u0007\r\n\u0085\u009b31m\u2028\u202eevil\u2066x\u0000\u0007';
/** What may never reach a terminal or a model from another host (a message text keeps its newlines). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const ONE_LINE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

async function federatedHost(key: string): Promise<{ c: Connection; cli: (args: string[]) => Promise<string> }> {
  const p = project({ git: true, env: { SESSION_BUS_NATS_URL: nats.url, SESSION_BUS_PROJECT: key, SESSION_BUS_HOST: 'hostA', SESSION_BUS_FED_LEASE_MS: '5000' } });
  const c = await project.connect(p);
  await c.client.request('register', { ...A1, live: true });
  await waitFor('federation connected', async () => ((await c.client.request('status', {})) as StatusResult).federation.state === 'connected', 20_000);
  return { c, cli: async (args) => (await p.cli(args)).stdout };
}

describe.skipIf(skipped)('federation: hostile input from another host', () => {
  it('issue 19: ANSI escapes, C0/C1 controls and bidi overrides in another host\'s name, labels, paths and texts are cleaned where they enter: peers, status and the received message show none', async () => {
    const key = `hostile-${randomBytes(4).toString('hex')}`;
    const { c, cli } = await federatedHost(key);
    const names = busNames(key);
    const presence = await new Kvm(nc).open(names.presenceBucket);
    const evilSession = { sessionId: `eeeeeeee-1111-4000-8000-00000000000${EVIL}`, shortId: `eeeeee${EVIL}`, label: `main${EVIL}#eeeeee`, cwd: `/home/${EVIL}/wt`, since: Date.now() };
    await presence.put('evilhost0001', JSON.stringify({ v: 1, hostId: 'evilhost0001', host: `box${EVIL}`, ts: Date.now(), sessions: [evilSession] }));
    await jetstream(nc).publish(
      `${names.subjectPrefix}.evilhost0001`,
      JSON.stringify({ v: 1, hostId: 'evilhost0001', host: `box${EVIL}`, seq: 1, ts: Date.now(), sessionId: evilSession.sessionId, from: evilSession.label, kind: 'note', text: `hello${EVIL}world\n2nd line` }),
      { msgID: 'evilhost0001:1' },
    );

    const peers = await waitFor('the evil host in peers', async () => {
      const { peers } = await c.client.request('peers', {});
      return peers.some((p) => p.host) ? peers : undefined;
    });
    const remote = peers.find((p) => p.host)!;
    for (const v of [remote.label, remote.host!, remote.shortId, remote.sessionId, remote.cwd!]) expect(v).not.toMatch(ONE_LINE_CONTROLS);
    // Escapes go whole (a C1 CSI leaves its harmless tail); a line break becomes a space.
    expect(remote.label).toBe('main 31mevilx#eeeeee@box 31mevilx');

    const got = await waitFor('the evil message', async () => {
      const { messages } = await c.client.request('drain', A1);
      return messages.length > 0 ? messages : undefined;
    });
    expect(got).toHaveLength(1);
    expect(got[0]!.text).not.toMatch(CONTROLS);
    expect(got[0]!.text).toBe('hello\n31mevilxworld\n2nd line');
    expect(got[0]!.from).not.toMatch(ONE_LINE_CONTROLS);
    expect(got[0]!.host).not.toMatch(ONE_LINE_CONTROLS);

    // What the terminal shows: status, peers and the feed, no control reaches it.
    const status = await cli(['status']);
    expect(status).toMatch(/hosts {5}box/);
    const peersText = await cli(['peers']);
    expect(peersText).toMatch(/main.*#eeeeee@box/);
    // Once: the label of another host's session already says where it is (it read `…@box…@box…`).
    expect(peersText).not.toMatch(/@box.*@box/);
    const log = await cli(['log']);
    expect(log).toMatch(/hello/);
    for (const out of [status, peersText, log]) expect(out.replace(/\n/g, '')).not.toMatch(ONE_LINE_CONTROLS);
  });

  it('issue 19: very long names and texts from another host are cut to the local limits where they enter, not dropped with everything else that host sent', async () => {
    const key = `hostile-${randomBytes(4).toString('hex')}`;
    const { c, cli } = await federatedHost(key);
    const names = busNames(key);
    const presence = await new Kvm(nc).open(names.presenceBucket);
    const long = (n: number, ch = 'x') => ch.repeat(n);
    const session = { sessionId: 'ffffffff-1111-4000-8000-000000000001', shortId: 'ffffff', label: `${long(5000, 'l')}#ffffff`, cwd: `/${long(20_000, 'p')}`, since: Date.now() };
    await presence.put('longhost0001', JSON.stringify({ v: 1, hostId: 'longhost0001', host: long(1000, 'h'), ts: Date.now(), sessions: [session] }));
    await jetstream(nc).publish(
      `${names.subjectPrefix}.longhost0001`,
      JSON.stringify({ v: 1, hostId: 'longhost0001', host: long(1000, 'h'), seq: 1, ts: Date.now(), sessionId: session.sessionId, from: session.label, kind: 'note', text: long(50_000, 't') }),
      { msgID: 'longhost0001:1' },
    );
    const peers = await waitFor('the long host in peers', async () => {
      const { peers } = await c.client.request('peers', {});
      return peers.some((p) => p.host) ? peers : undefined;
    });
    const remote = peers.find((p) => p.host)!;
    expect(remote.host!.length).toBeLessThanOrEqual(128);
    expect(remote.label.length).toBeLessThanOrEqual(2 * 64 + 1 + 128);
    expect(remote.cwd!.length).toBeLessThanOrEqual(4096);
    const got = await waitFor('the long message', async () => {
      const { messages } = await c.client.request('drain', A1);
      return messages.length > 0 ? messages : undefined;
    });
    // A local message over 4 KiB is refused to its sender; another host's is cut to that.
    expect(Buffer.byteLength(got[0]!.text)).toBeLessThanOrEqual(4096);
    expect(got[0]!.text).toMatch(/^t{100}/);
    expect(await cli(['status'])).toMatch(/hosts {5}h{20}/);
  });
});
