/**
 * Federation through outages: NATS stopped and started, brokers killed while sending or
 * receiving; nothing lost, nothing twice.
 */
import { describe, expect, it } from 'vitest';
import { A1, A2, B1, useFederation } from '../support/federation-hosts.ts';
import { fakeClaude } from '../support/fake-claude.ts';
import { isAlive, sleep, waitFor } from '../support/project.ts';

const fed = useFederation();
const { sendSentinel, connect, twoHosts, status, federated, isSentinel, drainUntil, mailboxMessages, claimError } = fed;

/**
 * What a killed receiver had pulled and not acknowledged comes again after the consumer's ack
 * wait, and a publish lost with a stopped server is retried after its timeout: 5 s each by
 * default. The tests that wait for those redeliveries set them shorter (SESSION_BUS_FED_*_MS,
 * for tests only); a redelivery or re-publish that comes early is dropped by its id like any other.
 */
const ACK_WAIT = { SESSION_BUS_FED_ACK_WAIT_MS: '1000' };
const PUBLISH_TIMEOUT = { SESSION_BUS_FED_PUBLISH_TIMEOUT_MS: '1000' };
/** Longer than any test: what the link reads while it holds never arrives (it is cut first). */
const HOLD_MS = 10 * 60_000;

describe.skipIf(fed.skipped)('federation: outages', () => {
  it('NATS stopped for a while and restarted: nothing lost, no duplicates (also across a broker restart)', async () => {
    const { a, b, ca, cb } = await twoHosts();
    await ca.client.request('register', { ...A1, live: true });
    await ca.client.request('register', { ...A2, live: true });
    await cb.client.request('register', { ...B1, live: true });
    await Promise.all([federated(ca), federated(cb)]);
    await ca.client.request('broadcast', { ...A1, text: 'before' });
    expect((await drainUntil(cb, B1, 1, [ca, A1])).map((m) => m.text)).toEqual(['before']);

    await fed.nats.stop();
    await federated(ca, 'disconnected');
    for (let i = 0; i < 10; i++) await ca.client.request('broadcast', { ...A1, text: `down ${i}` });
    for (let i = 0; i < 3; i++) await cb.client.request('broadcast', { ...B1, text: `b down ${i}` });
    // The local bus keeps working.
    expect((await ca.client.request('drain', A2)).messages.filter((m) => !isSentinel(m)).map((m) => m.text)).toEqual(['before', ...Array.from({ length: 10 }, (_, i) => `down ${i}`)]);
    await ca.client.request('claim', { ...A1, resource: 'db:dev' });
    // Both hosts take overlapping claims while they cannot see each other.
    await ca.client.request('claim', { ...A1, resource: 'src/a.ts' });
    await cb.client.request('claim', { ...B1, resource: 'src/**' });
    const down = await status(ca);
    // Ten messages and the announcements of the two claims wait in the outbox.
    expect(down.federation).toMatchObject({ state: 'disconnected', outbox: 12, claimsLocalOnly: true });
    expect(down.federation.warnings.join('\n')).toMatch(/claims are local only; 12 message\(s\) wait to be forwarded/);
    // Two reads of one daemon: asked at once.
    const [statusOut, doctor] = await Promise.all([a.cli(['status']), a.cli(['doctor', '--json'], fakeClaude(a.base, true))]);
    expect(statusOut.stdout).toMatch(/warning {3}NATS unreachable .*claims are local only/);
    expect(JSON.parse(doctor.stdout).checks.find((c: { name: string }) => c.name === 'federation')).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/^disconnected .*claims are local only and 12 message\(s\) wait/),
    });

    await fed.nats.start();
    const onB = await drainUntil(cb, B1, 12, [ca, A1], 30_000);
    expect(onB.map((m) => m.text)).toEqual([...Array.from({ length: 10 }, (_, i) => `down ${i}`), 'claimed db:dev', 'claimed src/a.ts']);
    const onA = await drainUntil(ca, A1, 4, [cb, B1], 30_000);
    expect(onA.map((m) => m.text)).toEqual(['b down 0', 'b down 1', 'b down 2', 'claimed src/**']);
    await waitFor('A outbox empty', async () => (await federated(ca)).federation.outbox === 0);
    // The claim taken while NATS was down is shared once it is back.
    await waitFor('db:dev refused on B', async () => /^db:dev is held by main#aaaaaa on hostA/.test((await claimError(cb, B1, 'db:dev')) ?? ''));
    // The overlapping pair: whichever host shared its claim first keeps it; both say so in status.
    const conflicts = await waitFor('a claim conflict in status on both hosts', async () => {
      const onA = (await status(ca)).federation.warnings.find((x) => /conflicts with/.test(x));
      const onB = (await status(cb)).federation.warnings.find((x) => /conflicts with/.test(x));
      return onA && onB ? [onA, onB] : undefined;
    });
    const shared = conflicts.find((x) => /taken here while NATS was not answering/.test(x));
    expect(shared).toMatch(/^claim (src\/a\.ts \(held here by main#aaaaaa\) conflicts with src\/\*\* held by main#bbbbbb on hostB|src\/\*\* \(held here by main#bbbbbb\) conflicts with src\/a\.ts held by main#aaaaaa on hostA): it was taken here while NATS was not answering, and both hosts hold it now; one of them should release it$/);
    expect(conflicts.find((x) => x !== shared)).toMatch(/outside the shared bucket \(that host could not reach NATS\): both hosts hold it now/);

    // B's broker is killed; A goes on sending; B comes back and takes each message in once.
    const bPid = cb.hello.pid;
    process.kill(bPid, 'SIGKILL');
    await waitFor('B daemon to die', () => !isAlive(bPid));
    for (let i = 0; i < 5; i++) await ca.client.request('broadcast', { ...A1, text: `while B was dead ${i}` });
    const cb2 = await connect(b);
    await cb2.client.request('register', { ...B1, live: true });
    const after = await drainUntil(cb2, B1, 5, [ca, A1], 30_000);
    expect(after.map((m) => m.text)).toEqual(Array.from({ length: 5 }, (_, i) => `while B was dead ${i}`));
    const ids = mailboxMessages(b).flatMap((m) => (m.remoteId ? [m.remoteId] : []));
    expect(ids).toHaveLength(1 + 10 + 2 + 5); // before, down ×10, A's two claim announcements, after ×5
    expect(new Set(ids).size).toBe(ids.length);
    const idsOnA = mailboxMessages(a).flatMap((m) => (m.remoteId ? [m.remoteId] : []));
    expect(idsOnA).toHaveLength(4);
  });

  it('the sending broker killed with messages in its outbox, or before it recorded their confirmation: forwarded once after its restart', async () => {
    const hosts = await twoHosts();
    const { a, cb } = hosts;
    let ca = hosts.ca;
    await cb.client.request('register', { ...B1, live: true });
    await Promise.all([federated(ca), federated(cb)]);
    // Published, then killed at once: the confirmed position may not be written yet; a re-publish is dropped.
    for (let i = 0; i < 20; i++) await ca.client.request('broadcast', { ...A1, text: `up ${i}` });
    process.kill(ca.hello.pid, 'SIGKILL');
    await waitFor('A daemon to die', () => !isAlive(ca.hello.pid));
    // Sent while NATS is down, then killed: the mailbox is the outbox.
    await fed.nats.stop();
    ca = await connect(a);
    // Federation starts just after the daemon answers (the NATS client is loaded on demand).
    await federated(ca, 'disconnected');
    for (let i = 0; i < 5; i++) await ca.client.request('broadcast', { ...A1, text: `stored ${i}` });
    expect((await status(ca)).federation.outbox).toBeGreaterThanOrEqual(5);
    process.kill(ca.hello.pid, 'SIGKILL');
    await waitFor('A daemon to die', () => !isAlive(ca.hello.pid));
    await fed.nats.start();
    ca = await connect(a);
    // A re-published message would come before the sentinel A sends after the 25.
    const got = await drainUntil(cb, B1, 25, [ca, A1], 30_000);
    expect(got.map((m) => m.text)).toEqual([...Array.from({ length: 20 }, (_, i) => `up ${i}`), ...Array.from({ length: 5 }, (_, i) => `stored ${i}`)]);
    // B may take the sentinel in before A hears JetStream's confirmation of it.
    await waitFor('A outbox empty', async () => (await federated(ca)).federation.outbox === 0);
  });

  it('the receiving broker killed twice while a stream of messages arrives: each enters its mailbox exactly once', async () => {
    const hosts = await twoHosts(ACK_WAIT);
    const { b, ca } = hosts;
    let cb = hosts.cb;
    await cb.client.request('register', { ...B1, live: true });
    await Promise.all([federated(ca), federated(cb)]);
    const N = 300;
    const sending = (async () => {
      for (let i = 0; i < N; i++) {
        await ca.client.request('broadcast', { ...A1, text: `m${i}` });
        // Load pacing, not a wait: a stream the kills land in, not one burst before them.
        if (i % 50 === 0) await sleep(20);
      }
    })();
    for (let k = 0; k < 2; k++) {
      await waitFor('B to take some in', () => mailboxMessages(b).filter((m) => m.remoteId).length > (k + 1) * 60, 20_000);
      process.kill(cb.hello.pid, 'SIGKILL');
      await waitFor('B daemon to die', () => !isAlive(cb.hello.pid));
      cb = await connect(b);
    }
    await sending;
    await waitFor('all on B', () => mailboxMessages(b).filter((m) => m.remoteId).length >= N, 30_000);
    // A message taken in twice would be in B's mailbox before a sentinel A sends now.
    const marker = await sendSentinel([ca, A1]);
    await waitFor('the sentinel on B', () => mailboxMessages(b, true).some((m) => m.text === marker), 30_000);
    // B's session never drained: its queue holds each message once.
    const queued = (await cb.client.request('drain', B1)).messages.filter((m) => !isSentinel(m)).map((m) => m.text);
    expect(queued).toHaveLength(N);
    expect(new Set(queued).size).toBe(N);
    const texts = mailboxMessages(b).filter((m) => m.remoteId).map((m) => m.text);
    expect(texts).toHaveLength(N);
    expect(new Set(texts)).toEqual(new Set(Array.from({ length: N }, (_, i) => `m${i}`)));
    // What a killed broker had pulled but not acknowledged comes again later: out of order, once.
  });

  it('issue 19: NATS stopped in the middle of a pipelined burst and started again: nothing lost, nothing twice, still in order', async () => {
    // A reaches NATS through a proxy that can hold its link: the middle of the burst is made,
    // not raced for. (Stopping NATS just after part of the burst was confirmed let A publish all
    // 1000 first in loaded runs, however the stop was timed: expected 0 to be greater than 0.)
    const { startDelayProxy } = await import('../support/delay-proxy.ts');
    const link = await startDelayProxy({ targetHost: '127.0.0.1', targetPort: fed.nats.port, delayMs: 0 });
    fed.project.defer(() => link.close());
    const remote = fed.uniqueRemote();
    const a = fed.host('hostA', remote, { ...PUBLISH_TIMEOUT, SESSION_BUS_NATS_URL: `nats://127.0.0.1:${link.port}` });
    const b = fed.host('hostB', remote, PUBLISH_TIMEOUT);
    const [ca, cb] = await Promise.all([connect(a), connect(b)]);
    await cb.client.request('register', { ...B1, live: true });
    await Promise.all([federated(ca), federated(cb)]);
    const N = 1000;
    const before = (await status(ca)).federation.publishedSeq ?? 0;
    const burst = (from: number, to: number) => Promise.all(Array.from({ length: to - from }, (_, i) => ca.client.request('broadcast', { ...A1, text: `burst ${from + i}` })));
    const first = burst(0, N / 2);
    await waitFor('A to publish part of the burst', async () => ((await status(ca)).federation.publishedSeq ?? 0) >= before + 20, 20_000);
    // From here what A sends stays on the link: the second half never reaches JetStream before
    // it stops, and the link fails with it.
    link.setDelay(HOLD_MS);
    const second = burst(N / 2, N);
    await Promise.all([first, second]);
    await fed.nats.stop();
    link.cut();
    link.setDelay(0);
    const down = await federated(ca, 'disconnected');
    // In the middle: at least the second half waits in A's outbox.
    expect(down.federation.outbox).toBeGreaterThanOrEqual(N / 2);
    for (let i = 0; i < 5; i++) await ca.client.request('broadcast', { ...A1, text: `down ${i}` });
    await fed.nats.start();
    const want = [...Array.from({ length: N }, (_, i) => `burst ${i}`), ...Array.from({ length: 5 }, (_, i) => `down ${i}`)];
    const got = await drainUntil(cb, B1, want.length, [ca, A1], 60_000);
    expect(got.map((m) => m.text)).toEqual(want);
    const ids = mailboxMessages(b).flatMap((m) => (m.remoteId ? [m.remoteId] : []));
    expect(new Set(ids).size).toBe(want.length);
    await waitFor('A outbox empty', async () => (await federated(ca)).federation.outbox === 0);
  });
});
