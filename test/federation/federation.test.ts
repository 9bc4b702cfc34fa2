/**
 * Federation through a real nats-server: messages between two hosts (exactly once, pipelined,
 * direct messages across hosts) and a claim seen from the other host.
 */
import type { Connection } from '../../src/client/connect.ts';
import { describe, expect, it } from 'vitest';
import { A1, A2, B1, B2, C1, useFederation } from '../support/federation-hosts.ts';
import { waitFor } from '../support/project.ts';

const fed = useFederation();
const { uniqueRemote, host, connect, twoHosts, federated, isSentinel, drainUntil, mailboxMessages, claimError } = fed;

describe.skipIf(fed.skipped)('federation: two hosts, one NATS', () => {
  it('a broadcast on one host reaches the sessions on the other exactly once; a claim on one is refused on the other', async () => {
    const remote = uniqueRemote();
    const a = host('hostA', remote);
    // The other host spells the same remote differently: one project key.
    const b = host('hostB', remote.replace(/^git@example\.com:/, 'https://example.com/').replace(/\.git$/, ''));
    const [ca, cb] = await Promise.all([connect(a), connect(b)]);
    await ca.client.request('register', { ...A1, live: true });
    await cb.client.request('register', { ...B1, live: true, push: 'all' });
    let wakes = 0;
    cb.client.onNotification = (method) => {
      if (method === 'wake') wakes += 1;
    };
    const [sa, sb] = await Promise.all([federated(ca), federated(cb)]);
    expect(sa.federation.project).toBe(sb.federation.project);
    expect(sa.federation.host?.id).not.toBe(sb.federation.host?.id);

    for (let i = 0; i < 5; i++) await ca.client.request('broadcast', { ...A1, text: `hello ${i}` });
    const got = await drainUntil(cb, B1, 5, [ca, A1]);
    expect(got.map((m) => m.text)).toEqual(['hello 0', 'hello 1', 'hello 2', 'hello 3', 'hello 4']);
    expect(got[0]).toMatchObject({ from: 'main#aaaaaa@hostA', host: 'hostA', kind: 'note' });
    expect(wakes).toBeGreaterThan(0);
    // The way back, and no echo of one's own messages.
    await cb.client.request('broadcast', { ...B1, text: 'reply from B' });
    const back = await drainUntil(ca, A1, 1, [cb, B1]);
    expect(back.map((m) => [m.text, m.from])).toEqual([['reply from B', 'main#bbbbbb@hostB']]);
    expect(mailboxMessages(b).filter((m) => m.remoteId).map((m) => m.text)).toEqual(['hello 0', 'hello 1', 'hello 2', 'hello 3', 'hello 4']);
    expect(mailboxMessages(a).filter((m) => m.remoteId).map((m) => m.text)).toEqual(['reply from B']);

    // Claims: taken on A, refused on B naming the holder and its host, in describeError's words.
    await ca.client.request('claim', { ...A1, resource: 'port:1420', note: 'dev server' });
    expect(await claimError(cb, B1, 'port:1420')).toMatch(/^port:1420 is held by main#aaaaaa on hostA since just now \(\d\d:\d\d UTC\) \(dev server\)$/);
    await ca.client.request('claim', { ...A1, resource: 'src/**' });
    expect(await claimError(cb, B1, 'src/api/a.ts')).toMatch(/^src\/\*\* is held by main#aaaaaa on hostA/);
    expect(await claimError(cb, B1, 'docs/**')).toBeUndefined();
    expect(await claimError(ca, A1, 'docs/guide.md')).toMatch(/^docs\/\*\* is held by main#bbbbbb on hostB/);
    const seen = await waitFor('B to list the claims of A', async () => {
      const { claims } = await cb.client.request('claims', {});
      return claims.some((c) => c.host === 'hostA' && c.resource === 'src/**') ? claims : undefined;
    });
    expect(seen.map((c) => `${c.resource} ${c.label} ${c.host ?? 'here'}`).sort()).toEqual(['docs/** main#bbbbbb here', 'port:1420 main#aaaaaa hostA', 'src/** main#aaaaaa hostA']);

    // Released on A: free on B.
    await ca.client.request('release', { ...A1, resource: 'port:1420' });
    await waitFor('port:1420 to be free on B', async () => (await claimError(cb, B1, 'port:1420')) === undefined);
    expect(await claimError(ca, A1, 'port:1420')).toMatch(/^port:1420 is held by main#bbbbbb on hostB/);

    // Presence: each host sees the other's live sessions; status shows the federation.
    const peers = await waitFor('A in B\'s peers', async () => {
      const { peers } = await cb.client.request('peers', { sessionId: B1.sessionId });
      return peers.some((p) => p.host === 'hostA') ? peers : undefined;
    });
    expect(peers.map((p) => p.label).sort()).toEqual(['main#aaaaaa@hostA', 'main#bbbbbb']);
    const text = (await a.cli(['status'])).stdout;
    expect(text).toMatch(/federation connected .* as hostA/);
    expect(text).toMatch(/hosts {5}hostB \([0-9a-f]{12}\): 1 session\(s\) main#bbbbbb/);
    expect(text).toMatch(/lag {7}outbox 0 to publish/);
  });

  it('issue 19: a burst of 300 broadcasts (publishing pipelined) arrives on the other host exactly once and in order', async () => {
    const { b, ca, cb } = await twoHosts();
    await cb.client.request('register', { ...B1, live: true });
    await Promise.all([federated(ca), federated(cb)]);
    const N = 300;
    // One burst: the requests go out together, the outbox has them all at once.
    await Promise.all(Array.from({ length: N }, (_, i) => ca.client.request('broadcast', { ...A1, text: `burst ${i}` })));
    const got = await drainUntil(cb, B1, N, [ca, A1], 30_000);
    expect(got.map((m) => m.text)).toEqual(Array.from({ length: N }, (_, i) => `burst ${i}`));
    const ids = mailboxMessages(b).flatMap((m) => (m.remoteId ? [Number(m.remoteId.split(':')[1])] : []));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(N);
    // B may take the sentinel in before A hears JetStream's confirmation of it.
    await waitFor('A outbox empty', async () => (await federated(ca)).federation.outbox === 0);
  });

  it('issue 19: a direct message (to) naming a session on another host reaches that session only, exactly once; an unknown recipient is still refused', async () => {
    const remote = uniqueRemote();
    const [a, b, c] = [host('hostA', remote), host('hostB', remote), host('hostC', remote)];
    // One connection per live session (a live registration is its connection's presence).
    const [ca, ca2, cb, cb2, cc] = await Promise.all([connect(a), connect(a), connect(b), connect(b), connect(c)]);
    await ca.client.request('register', { ...A1, live: true });
    await ca2.client.request('register', { ...A2, live: true });
    await cb.client.request('register', { ...B1, live: true });
    await cb2.client.request('register', { ...B2, live: true });
    await cc.client.request('register', { ...C1, live: true });
    await Promise.all([federated(ca), federated(cb), federated(cc)]);
    const sees = (conn: Connection, n: number) => waitFor(`${n} remote peers`, async () => (await conn.client.request('peers', {})).peers.filter((p) => p.host).length === n);
    await Promise.all([sees(ca, 3), sees(cb, 3)]);

    // By the label peers shows, by the short id, several at once, a local and a remote one together.
    await ca.client.request('broadcast', { ...A1, text: 'for B1', to: 'main#bbbbbb@hostB' });
    await ca.client.request('broadcast', { ...A1, text: 'for B2', to: 'cccccc' });
    await ca.client.request('broadcast', { ...A1, text: 'for B1 and B2', to: ['main#bbbbbb', 'main#cccccc@hostB'] });
    await ca.client.request('broadcast', { ...A1, text: 'for A2 and B1', to: ['main#aaaa22', 'bbbbbb@hostB'] });
    const onB1 = await drainUntil(cb, B1, 3, [ca, A1]);
    expect(onB1.map((m) => m.text)).toEqual(['for B1', 'for B1 and B2', 'for A2 and B1']);
    expect(onB1[0]).toMatchObject({ from: 'main#aaaaaa@hostA', host: 'hostA', to: [B1.sessionId] });
    const texts = async (conn: Connection, who: typeof A1) => (await conn.client.request('drain', who)).messages.filter((m) => !isSentinel(m)).map((m) => m.text);
    expect(await texts(cb2, B2)).toEqual(['for B2', 'for B1 and B2']);
    expect(await texts(ca2, A2)).toEqual(['for A2 and B1']);
    // A host none of whose sessions is named takes none of it in (the sentinel after them came).
    await waitFor('the sentinel on C', async () => mailboxMessages(c, true).some(isSentinel));
    expect(mailboxMessages(c).map((m) => m.text)).toEqual([]);
    expect(await texts(cc, C1)).toEqual([]);
    // Each once in B's mailbox.
    expect(mailboxMessages(b).filter((m) => m.remoteId).map((m) => m.text)).toEqual(['for B1', 'for B2', 'for B1 and B2', 'for A2 and B1']);

    // The way back, by the label A's session has in B's peers.
    await cb.client.request('broadcast', { ...B1, text: 'answer', to: 'main#aaaaaa@hostA' });
    expect((await drainUntil(ca, A1, 1, [cb, B1])).map((m) => [m.text, m.from])).toEqual([['answer', 'main#bbbbbb@hostB']]);
    expect(await texts(ca2, A2)).toEqual([]);

    // Neither a local nor a remote live session: the clear error of before, naming the live peers of both.
    const refused = (to: string | string[]) => ca.client.request('broadcast', { ...A1, text: 'x', to }).then(() => 'sent', (err: Error) => err.message);
    expect(await refused('nobody')).toMatch(/^unknown or ambiguous recipient "nobody"; live peers: .*main#aaaa22.*main#bbbbbb@hostB/);
    expect(await refused(['main#bbbbbb@hostB', 'main#zzzzzz@hostB'])).toMatch(/^unknown or ambiguous recipient "main#zzzzzz@hostB"/);
    // `main` names every session here and there: ambiguous.
    expect(await refused('main')).toMatch(/^unknown or ambiguous recipient "main"/);
  });
});
