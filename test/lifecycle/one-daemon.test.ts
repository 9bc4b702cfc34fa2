/**
 * Issue 14, item 1: two daemons, one mailbox. At most one daemon appends to a mailbox, ever
 * (a lock beside the mailbox); a daemon whose socket path is removed or replaced serves it again
 * within seconds, and its sessions follow; replay never silently drops an entry it cannot place.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectOrSpawn, type Connection } from '../../src/client/connect.ts';
import { endpointFor } from '../../src/place/endpoint.ts';
import { locateProject } from '../../src/place/project.ts';
import { JsonlMailboxLog } from '../../src/daemon/mailbox-log.ts';
import { DIST, isAlive, useProjects, waitFor, type TestProject } from '../support/project.ts';

const project = useProjects();

const A = { sessionId: 'aaaaaaaa-1', pid: 1001, label: 'main#aaaaaa' };
const B = { sessionId: 'bbbbbbbb-2', pid: 2002, label: 'main#bbbbbb' };

async function open(p: TestProject, env: NodeJS.ProcessEnv = p.env): Promise<Connection> {
  const c = await connectOrSpawn(p.dir, { env, timeoutMs: 15_000 });
  project.defer(() => c.client.close());
  return c;
}

/** Every seq in the mailbox appears once. */
function seqsInMailbox(p: TestProject): number[] {
  const r = new JsonlMailboxLog(p.mailboxPath()).replay();
  expect(r.warnings).toEqual([]);
  return r.state.messages.map((m) => m.seq);
}

/** Both connections reach one daemon: what one sends, the other's session receives. */
async function oneBus(first: Connection, second: Connection): Promise<void> {
  expect(second.hello.pid).toBe(first.hello.pid);
  await second.client.request('register', B);
  const sent = await first.client.request('broadcast', { ...A, text: 'from the first' });
  const got = await second.client.request('drain', B);
  expect(got.messages.map((m) => m.seq)).toContain(sent.seq);
}

describe('two daemons, one mailbox (issue 14 item 1)', () => {
  it('Two daemons, one mailbox: deleting the socket dir while sessions run starts no second daemon; the first serves again and both sides hear each other', async () => {
    const p = project({ git: true });
    const first = await open(p);
    await first.client.request('register', { ...B, live: true });
    fs.rmSync(p.env.SESSION_BUS_SOCKET_DIR!, { recursive: true, force: true });
    const second = await open(p);
    await oneBus(first, second);
    expect(p.daemonPids()).toEqual([first.hello.pid]);
    expect(new Set(seqsInMailbox(p)).size).toBe(seqsInMailbox(p).length);
  });

  it('Two daemons, one mailbox: deleting only the socket file is noticed within seconds', async () => {
    const p = project({ git: true });
    const first = await open(p);
    fs.unlinkSync(p.endpoint().socketPath);
    // No client needed: the daemon notices by itself.
    await waitFor('the socket served again', () => fs.existsSync(p.endpoint().socketPath), 5000);
    const second = await open(p);
    await oneBus(first, second);
  });

  it('Two daemons, one mailbox: SESSION_BUS_SOCKET_DIR set in one environment only reaches the daemon that owns the mailbox', async () => {
    const p = project({ git: true });
    const first = await open(p);
    const otherDir = path.join(p.base, 'other-socket-dir');
    const second = await open(p, { ...p.env, SESSION_BUS_SOCKET_DIR: otherDir });
    await oneBus(first, second);
    // The client found the owner through the lock beside the mailbox before starting anything.
    expect(p.daemonPids()).toEqual([first.hello.pid]);
    // And a daemon started for the other dir all the same finds the mailbox owned and goes.
    const child = spawn(process.execPath, [path.join(DIST, 'daemon.js'), '--project', p.dir], { env: { ...p.env, SESSION_BUS_SOCKET_DIR: otherDir }, stdio: 'ignore' });
    expect(await new Promise<number | null>((resolve) => child.on('exit', resolve))).toBe(0);
    const otherLog = endpointFor(locateProject(p.dir).busRoot, { SESSION_BUS_SOCKET_DIR: otherDir }).logPath;
    expect(fs.readFileSync(otherLog, 'utf8')).toContain('another daemon owns this mailbox');
    expect(p.daemonPids()).toEqual([first.hello.pid]);
  });

  it.skipIf(process.getuid?.() !== 0)('Two daemons, one mailbox: a daemon in another pid namespace (a dev container) does not append to a mailbox owned outside it', async () => {
    const p = project({ git: true });
    const first = await open(p);
    await first.client.request('broadcast', { ...A, text: 'owner' });
    const before = fs.readFileSync(p.mailboxPath(), 'utf8');
    const containerDir = path.join(p.base, 'container-sockets');
    const child = spawn('unshare', ['--pid', '--fork', '--mount-proc', process.execPath, path.join(DIST, 'daemon.js'), '--project', p.dir], {
      env: { ...p.env, SESSION_BUS_SOCKET_DIR: containerDir },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const log = fs.readFileSync(endpointFor(locateProject(p.dir).busRoot, { SESSION_BUS_SOCKET_DIR: containerDir }).logPath, 'utf8');
    expect(log).toContain('another daemon owns this mailbox');
    expect(fs.readFileSync(p.mailboxPath(), 'utf8')).toBe(before);
    expect(isAlive(first.hello.pid)).toBe(true);
  });

  it('a daemon SIGKILLed while it owned the mailbox is replaced at once: its lock names a dead pid', async () => {
    const p = project({ git: true });
    const first = await open(p);
    await first.client.request('broadcast', { ...A, text: 'before' });
    first.client.close();
    process.kill(first.hello.pid, 'SIGKILL');
    await waitFor('the daemon gone', () => !isAlive(first.hello.pid));
    const started = Date.now();
    const second = await open(p);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await second.client.request('broadcast', { ...A, text: 'after' })).seq).toBe(2);
  });

  it('Two daemons, one mailbox: replay places a second message given a taken seq after the last one instead of dropping it', () => {
    const p = project();
    // One ts for all: a line written twice is the same message only if every field is (a clock
    // tick between two calls made the repeated line a different message, now and then).
    const ts = Date.now();
    const m = (seq: number, text: string) => JSON.stringify({ type: 'msg', seq, ts, origin: { sessionId: 'w', pid: 1 }, from: 'main#w', kind: 'note', text });
    fs.mkdirSync(path.dirname(p.mailboxPath()), { recursive: true });
    fs.writeFileSync(p.mailboxPath(), [m(1, 'one'), m(2, 'two from daemon X'), m(2, 'two from daemon Y'), m(2, 'two from daemon X'), m(3, 'three')].join('\n') + '\n');
    const r = new JsonlMailboxLog(p.mailboxPath()).replay();
    expect(r.state.messages.map((x) => [x.seq, x.text])).toEqual([
      [1, 'one'],
      [2, 'two from daemon X'],
      [3, 'three'],
      [4, 'two from daemon Y'],
    ]);
    expect(r.warnings.map((w) => w.reason)).toEqual(['message 2 is in the log twice; kept once', 'seq 2 was given to two different messages; this one is kept as seq 4']);
    expect(r.state.lastSeq).toBe(4);
  });
});

describe('the mailbox lock itself', () => {
  it('is beside the mailbox, names the daemon and its socket, and goes with the daemon', async () => {
    const p = project({ git: true });
    const c = await open(p);
    const lock = JSON.parse(fs.readFileSync(`${p.mailboxPath()}.lock`, 'utf8'));
    expect(lock).toMatchObject({ pid: c.hello.pid, socket: p.endpoint().socketPath });
    await c.client.request('shutdown', {});
    await waitFor('the daemon to stop', () => !isAlive(c.hello.pid));
    expect(fs.existsSync(`${p.mailboxPath()}.lock`)).toBe(false);
    execFileSync('git', ['-C', p.dir, 'status', '--porcelain']);
  });
});
