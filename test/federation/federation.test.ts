/**
 * Federation through a real nats-server (JetStream, loopback, random port): two brokers with
 * their own socket dirs and mailboxes stand for two hosts of one repository (same origin URL).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/client/connect.ts';
import type { MessageRecord, StatusResult } from '../../src/protocol/messages.ts';
import { findNatsServer, NATS_MISSING, natsRequired, startNats, type NatsServer } from '../support/nats.ts';
import { isAlive, sleep, useProjects, waitFor, type TestProject } from '../support/project.ts';

/** Short, so a dead host's presence and claims go within the test's patience. */
const LEASE_MS = 2000;

let nats: NatsServer;
// A failure on a loaded machine is hard to read without the brokers' side of it.
const project = useProjects({ onFailure: (projects) => projects.forEach(dumpLog) });

/** Without nats-server the suite is skipped, saying so in one line; where CI must run it, it fails. */
const skipped = !findNatsServer() && !natsRequired();
if (skipped) console.warn(`session-bus: ${NATS_MISSING}`);

beforeAll(async () => {
  if (!skipped) nats = await startNats();
});
afterAll(async () => {
  await nats?.cleanup();
});

const A1 = { sessionId: 'aaaaaaaa-1111-4000-8000-000000000001', pid: 101, label: 'main#aaaaaa' };
const A2 = { sessionId: 'aaaaaaaa-2222-4000-8000-000000000002', pid: 102, label: 'main#aaaa22' };
const B1 = { sessionId: 'bbbbbbbb-1111-4000-8000-000000000001', pid: 201, label: 'main#bbbbbb' };
const B2 = { sessionId: 'cccccccc-2222-4000-8000-000000000002', pid: 202, label: 'main#cccccc' };
const C1 = { sessionId: 'dddddddd-1111-4000-8000-000000000001', pid: 301, label: 'main#dddddd' };

function uniqueRemote(): string {
  return `git@example.com:team/repo-${randomBytes(4).toString('hex')}.git`;
}

/** A "host": its own project dir, socket dir and mailbox; the repository's origin is `remote`. */
function host(name: string, remote: string | undefined, env: NodeJS.ProcessEnv = {}): TestProject {
  const p = project({ git: true, env: { SESSION_BUS_NATS_URL: nats.url, SESSION_BUS_HOST: name, SESSION_BUS_FED_LEASE_MS: String(LEASE_MS), ...env } });
  if (remote) execFileSync('git', ['-C', p.dir, 'remote', 'add', 'origin', remote]);
  return p;
}

function dumpLog(p: TestProject): void {
  let log: string;
  try {
    log = fs.readFileSync(p.endpoint().logPath, 'utf8');
  } catch {
    log = '(no log)';
  }
  const lines = log.split('\n').filter((l) => /federation|claim|"level":[456]0/.test(l));
  console.log(`--- daemon log of ${p.env.SESSION_BUS_HOST} (federation lines) ---\n${lines.slice(-(Number(process.env.FED_LOG_LINES) || 40)).join('\n')}`);
}

function connect(p: TestProject): Promise<Connection> {
  return project.connect(p);
}

/** Two hosts of one repository on the test's NATS, each with a connection to its broker. */
async function twoHosts() {
  const remote = uniqueRemote();
  const a = host('hostA', remote);
  const b = host('hostB', remote);
  return { a, b, ca: await connect(a), cb: await connect(b) };
}

async function status(c: Connection): Promise<StatusResult> {
  return c.client.request('status', {});
}

async function federated(c: Connection, state = 'connected'): Promise<StatusResult> {
  let last: StatusResult['federation'] | undefined;
  try {
    return await waitFor(`federation ${state}`, async () => {
      const s = await status(c);
      last = s.federation;
      return s.federation.state === state ? s : undefined;
    }, 20_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}; last: ${last?.state} (${last?.reason ?? 'no reason'})`);
  }
}

/** Sentinels end a wait for messages: what one host sends reaches another in order. */
let sentinels = 0;
const isSentinel = (m: { text: string }) => /^sentinel \d+$/.test(m.text);

/** Broadcasts a sentinel from `who` through `via`; returns its text. */
async function sendSentinel([via, who]: Sender): Promise<string> {
  const text = `sentinel ${++sentinels}`;
  await via.client.request('broadcast', { ...who, text });
  return text;
}
type Sender = [Connection, typeof A1];

/**
 * Drains `who` until `n` messages came, then until a sentinel that `from` sends after them:
 * an extra message (a duplicate) from that host would come before it. Sentinels are left out.
 */
async function drainUntil(c: Connection, who: typeof A1, n: number, from: Sender, timeoutMs = 15_000): Promise<MessageRecord[]> {
  const got: MessageRecord[] = [];
  const take = async () => got.push(...(await c.client.request('drain', who)).messages);
  await waitFor(`${n} messages for ${who.label}`, async () => {
    await take();
    return got.filter((m) => !isSentinel(m)).length >= n;
  }, timeoutMs);
  const marker = await sendSentinel(from);
  await waitFor(`the sentinel for ${who.label}`, async () => {
    await take();
    return got.some((m) => m.text === marker);
  }, timeoutMs);
  return got.filter((m) => !isSentinel(m));
}

/** The messages in `p`'s mailbox, sentinels left out. */
function mailboxMessages(p: TestProject, withSentinels = false): MessageRecord[] {
  return fs
    .readFileSync(p.mailboxPath(), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((e) => e.type === 'msg' && (withSentinels || !isSentinel(e)));
}

function claimError(c: Connection, who: typeof A1, resource: string): Promise<string | undefined> {
  return c.client.request('claim', { ...who, resource }).then(
    () => undefined,
    (err: Error) => err.message,
  );
}

describe.skipIf(skipped)('federation: two hosts, one NATS', () => {
  it('a broadcast on one host reaches the sessions on the other exactly once; a claim on one is refused on the other', async () => {
    const remote = uniqueRemote();
    const a = host('hostA', remote);
    // The other host spells the same remote differently: one project key.
    const b = host('hostB', remote.replace(/^git@example\.com:/, 'https://example.com/').replace(/\.git$/, ''));
    const ca = await connect(a);
    const cb = await connect(b);
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

  it('two hosts claiming one resource, or overlapping ones, at the same moment: exactly one gets it', async () => {
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

  it('NATS stopped for a while and restarted: nothing lost, no duplicates (also across a broker restart)', async () => {
    const { a, b, ca, cb } = await twoHosts();
    await ca.client.request('register', { ...A1, live: true });
    await ca.client.request('register', { ...A2, live: true });
    await cb.client.request('register', { ...B1, live: true });
    await Promise.all([federated(ca), federated(cb)]);
    await ca.client.request('broadcast', { ...A1, text: 'before' });
    expect((await drainUntil(cb, B1, 1, [ca, A1])).map((m) => m.text)).toEqual(['before']);

    await nats.stop();
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
    expect((await a.cli(['status'])).stdout).toMatch(/warning {3}NATS unreachable .*claims are local only/);
    const doctor = await a.cli(['doctor', '--json']);
    expect(JSON.parse(doctor.stdout).checks.find((c: { name: string }) => c.name === 'federation')).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/^disconnected .*claims are local only and 12 message\(s\) wait/),
    });

    await nats.start();
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
    await nats.stop();
    ca = await connect(a);
    for (let i = 0; i < 5; i++) await ca.client.request('broadcast', { ...A1, text: `stored ${i}` });
    expect((await status(ca)).federation.outbox).toBeGreaterThanOrEqual(5);
    process.kill(ca.hello.pid, 'SIGKILL');
    await waitFor('A daemon to die', () => !isAlive(ca.hello.pid));
    await nats.start();
    ca = await connect(a);
    // A re-published message would come before the sentinel A sends after the 25.
    const got = await drainUntil(cb, B1, 25, [ca, A1], 30_000);
    expect(got.map((m) => m.text)).toEqual([...Array.from({ length: 20 }, (_, i) => `up ${i}`), ...Array.from({ length: 5 }, (_, i) => `stored ${i}`)]);
    // B may take the sentinel in before A hears JetStream's confirmation of it.
    await waitFor('A outbox empty', async () => (await federated(ca)).federation.outbox === 0);
  });

  it('the receiving broker killed twice while a stream of messages arrives: each enters its mailbox exactly once', async () => {
    const hosts = await twoHosts();
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
    expect((await federated(ca)).federation.outbox).toBe(0);
  });

  it('issue 19: NATS stopped in the middle of a pipelined burst and started again: nothing lost, nothing twice, still in order', async () => {
    const { b, ca, cb } = await twoHosts();
    await cb.client.request('register', { ...B1, live: true });
    await Promise.all([federated(ca), federated(cb)]);
    const N = 1000;
    const sending = Promise.all(Array.from({ length: N }, (_, i) => ca.client.request('broadcast', { ...A1, text: `burst ${i}` })));
    await waitFor('B to take some of the burst in', () => mailboxMessages(b).filter((m) => m.remoteId).length >= 20, 20_000);
    await nats.stop();
    await sending;
    const down = await federated(ca, 'disconnected');
    // In the middle: part of the burst still waits in A's outbox.
    expect(down.federation.outbox).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) await ca.client.request('broadcast', { ...A1, text: `down ${i}` });
    await nats.start();
    const want = [...Array.from({ length: N }, (_, i) => `burst ${i}`), ...Array.from({ length: 5 }, (_, i) => `down ${i}`)];
    const got = await drainUntil(cb, B1, want.length, [ca, A1], 60_000);
    expect(got.map((m) => m.text)).toEqual(want);
    const ids = mailboxMessages(b).flatMap((m) => (m.remoteId ? [m.remoteId] : []));
    expect(new Set(ids).size).toBe(want.length);
    expect((await federated(ca)).federation.outbox).toBe(0);
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

  it('a host whose broker is killed: its presence and claims expire on the other host', async () => {
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

  it('credentials by the usual NATS options: user/password connects, a wrong password is shown in status', async () => {
    const secured = await startNats(['--user', 'bus', '--pass', 's3cret']);
    try {
      const remote = uniqueRemote();
      const good = host('hostA', remote, { SESSION_BUS_NATS_URL: secured.url, SESSION_BUS_NATS_USER: 'bus', SESSION_BUS_NATS_PASSWORD: 's3cret' });
      const inUrl = host('hostB', remote, { SESSION_BUS_NATS_URL: secured.url.replace('nats://', 'nats://bus:s3cret@') });
      const bad = host('hostC', remote, { SESSION_BUS_NATS_URL: secured.url, SESSION_BUS_NATS_USER: 'bus', SESSION_BUS_NATS_PASSWORD: 'wrong' });
      const [cg, ci, cx] = await Promise.all([connect(good), connect(inUrl), connect(bad)]);
      await ci.client.request('register', { ...B1, live: true });
      await Promise.all([federated(cg), federated(ci)]);
      expect((await status(ci)).federation.url).toBe(secured.url);
      const refused = await federated(cx, 'disconnected');
      expect(refused.federation.reason).toMatch(/authorization/i);
      expect(refused.federation.claimsLocalOnly).toBe(true);
      await cg.client.request('broadcast', { ...A1, text: 'authenticated' });
      expect((await drainUntil(ci, B1, 1, [cg, A1])).map((m) => m.text)).toEqual(['authenticated']);
    } finally {
      // Stopped with the hosts after the test (they stop by signal, whatever their NATS does).
      project.defer(() => secured.cleanup());
    }
  });

  it('TLS when the URL says tls://, verified against the CA given in SESSION_BUS_NATS_CA', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-tls-'));
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=sb-test-ca');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
    fs.writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
    ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'ext.cnf');
    const secured = await startNats(['--tls', '--tlscert', path.join(dir, 'server.pem'), '--tlskey', path.join(dir, 'server.key')]);
    try {
      const url = secured.url.replace('nats://', 'tls://');
      const remote = uniqueRemote();
      const a = host('hostA', remote, { SESSION_BUS_NATS_URL: url, SESSION_BUS_NATS_CA: path.join(dir, 'ca.pem') });
      // Without the CA the server's certificate is not trusted: no connection, and status says so.
      const b = host('hostB', remote, { SESSION_BUS_NATS_URL: url });
      const [ca, cb] = await Promise.all([connect(a), connect(b)]);
      expect((await federated(ca)).federation.url).toBe(url);
      expect((await federated(cb, 'disconnected')).federation.reason).toMatch(/certificate/i);
    } finally {
      // Stopped with the hosts after the test (they stop by signal, whatever their NATS does).
      project.defer(() => secured.cleanup());
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('issue 19: a garbage SESSION_BUS_NATS_URL is refused with its reason in status, and doctor\'s fix names the URL setting; the local bus works', async () => {
    const p = host('hostA', uniqueRemote(), { SESSION_BUS_NATS_URL: 'nats://nats.internal:port' });
    const c = await connect(p);
    // Not retried: refused as soon as federation starts.
    const s = await federated(c, 'refused');
    expect(s.federation).toMatchObject({ reason: 'SESSION_BUS_NATS_URL "nats://nats.internal:port": the port must be a number from 1 to 65535, not "port"' });
    await c.client.request('register', { ...A2, live: true });
    await c.client.request('broadcast', { ...A1, text: 'local only' });
    expect((await c.client.request('drain', A2)).messages.map((m) => m.text)).toEqual(['local only']);
    expect((await p.cli(['status'])).stdout).toMatch(/federation refused: SESSION_BUS_NATS_URL "nats:\/\/nats\.internal:port": the port must be/);
    const check = JSON.parse((await p.cli(['doctor', '--json'])).stdout).checks.find((x: { name: string }) => x.name === 'federation');
    expect(check).toMatchObject({ status: 'fail', fix: expect.stringContaining('session-bus config set nats-url') });
  });

  it('no origin remote and no SESSION_BUS_PROJECT: federation refuses with the reason, the local bus works; SESSION_BUS_PROJECT fixes it', async () => {
    const p = host('hostA', undefined);
    const c = await connect(p);
    const s = await status(c);
    expect(s.federation.state).toBe('refused');
    expect(s.federation.reason).toMatch(/no project key: this repository has no "origin" remote/);
    await c.client.request('register', { ...A2, live: true });
    await c.client.request('broadcast', { ...A1, text: 'local only' });
    expect((await c.client.request('drain', A2)).messages.map((m) => m.text)).toEqual(['local only']);
    expect((await p.cli(['status'])).stdout).toMatch(/federation refused: no project key/);
    expect(fs.readFileSync(p.endpoint().logPath, 'utf8')).toMatch(/federation refused to start: no project key/);

    const q = host('hostB', undefined, { SESSION_BUS_PROJECT: `override-${randomBytes(3).toString('hex')}` });
    const cq = await connect(q);
    expect((await federated(cq)).federation.project).toMatch(/^override-/);
  });
});
