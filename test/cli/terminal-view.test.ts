/**
 * The terminal view for people, run as a person runs it (the built CLI against real daemons):
 * tail [-f], log, send as a human, doctor, help. Plus the `subscribe`/`history` wire methods
 * behind them: a watcher is not a peer, and a watcher that stops reading is dropped.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeClaude as fakeClaudeIn } from '../support/fake-claude.ts';
import { CLI, REPO, useProjects, waitFor, type TestProject } from '../support/project.ts';
import type { MessageRecord } from '../../src/protocol/messages.ts';
import { VERSION } from '../../src/protocol/version.ts';

const USER = os.userInfo().username;
/** Plain output whatever the runner's environment says about colors. */
const PLAIN = { NO_COLOR: '', FORCE_COLOR: '' };

const project = useProjects();
const shared = useProjects({ scope: 'file' });

/** A long-running CLI (tail -f) whose output a test can wait on. */
function startCli(p: TestProject, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [CLI, ...args, '--project', p.dir], { env: { ...p.env, ...PLAIN, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  project.defer(() => child.kill('SIGKILL'));
  const out = { stdout: '', stderr: '', code: undefined as number | null | undefined };
  child.stdout!.on('data', (d) => (out.stdout += d));
  child.stderr!.on('data', (d) => (out.stderr += d));
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r((out.code = code))));
  return { child, out, exited };
}

const who = (n: number, label: string) => ({ sessionId: `${label}-session-${n}`, pid: process.pid, label: `${label}#${String(n).repeat(6)}` });

/** Three messages: a lock from main#111111, a handoff from feat-login#222222, a note from the human. */
async function seed(p: TestProject) {
  const conn = await p.connect();
  const a = who(1, 'main');
  const b = who(2, 'feat-login');
  // Distinct pids: a session's own messages are not "for" it, and pid counts as identity.
  b.pid = 0;
  await conn.client.request('broadcast', { ...a, text: 'holding the dev server on :1420', kind: 'lock' });
  await conn.client.request('broadcast', { ...b, text: 'branch feat-login pushed, safe to rebase', kind: 'handoff' });
  expect((await p.cli(['send', 'lunch, back at 2'], PLAIN)).stdout).toMatch(new RegExp(`^sent #3 as human:${USER}`));
  return conn;
}

/**
 * One seeded project for the tests that only read it (tail, colors, log filters): they ask for
 * nothing that changes it, so each sees the three messages as if it had seeded them itself.
 * Made by whichever of them runs first; its connection and daemon go after the file.
 */
let seededOnce: Promise<TestProject> | undefined;
function seeded(): Promise<TestProject> {
  seededOnce ??= (async () => {
    const p = shared();
    const conn = await seed(p);
    shared.defer(() => conn.client.close());
    return p;
  })();
  return seededOnce;
}

const LINE = /^\d\d:\d\d:\d\d {2}(\S+) {2,}\[(\w+)\](?: \(to [^)]*\))? {2}(.*)$/;

describe('session-bus tail', () => {
  it('prints the last messages one line each (time, label, kind, text), plain when piped; --json is one record per line', async () => {
    const p = await seeded();
    const [r, two] = await Promise.all([p.cli(['tail'], PLAIN), p.cli(['tail', '-n', '2', '--json'], PLAIN)]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.match(LINE)?.slice(1))).toEqual([
      ['main#111111', 'lock', 'holding the dev server on :1420'],
      ['feat-login#222222', 'handoff', 'branch feat-login pushed, safe to rebase'],
      [`human:${USER}`, 'note', 'lunch, back at 2'],
    ]);
    expect(r.stdout).not.toContain('\u001b[');

    expect(two.code).toBe(0);
    const records = two.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as MessageRecord);
    expect(records.map((m) => m.seq)).toEqual([2, 3]);
    for (const m of records) {
      expect(Object.keys(m).sort()).toEqual(['from', 'kind', 'origin', 'seq', 'text', 'ts']);
      expect(typeof m.ts).toBe('number');
    }
    expect(records[1]).toMatchObject({ from: `human:${USER}`, origin: { sessionId: `human:${USER}`, pid: 0 }, kind: 'note' });
  });

  it('colors only on request of a terminal: FORCE_COLOR colors a pipe, NO_COLOR wins', async () => {
    const p = await seeded();
    const [colored, plain] = await Promise.all([p.cli(['tail', '-n', '1'], { FORCE_COLOR: '1', NO_COLOR: '' }), p.cli(['tail', '-n', '1'], { FORCE_COLOR: '1', NO_COLOR: '1' })]);
    expect(colored.stdout).toMatch(/\u001b\[2m\d\d:\d\d:\d\d\u001b\[22m/);
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout.trimEnd()).toMatch(LINE);
  });

  it('with no daemon it reads the mailbox and starts none; -n bad is a usage error', async () => {
    const p = project();
    const conn = await seed(p);
    conn.client.close();
    expect((await p.cli(['stop'])).code).toBe(0);
    await waitFor('the daemon to exit', () => p.daemonPids().length === 0);
    const [r, bad] = await Promise.all([p.cli(['tail', '-n', '1'], PLAIN), p.cli(['tail', '-n', 'many'])]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[note\] {2}lunch, back at 2\n$/);
    expect(p.daemonPids()).toEqual([]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^session-bus: -n takes a whole number/);
  });

  it('-f prints a message sent after it started, and its watcher is no peer and takes no one\'s messages', async () => {
    const p = project();
    const conn = await seed(p);
    const reader = who(3, 'fix');
    await conn.client.request('register', { ...reader, pid: 0, live: true });
    const before = JSON.parse((await p.cli(['status', '--json'])).stdout);

    const t = startCli(p, ['tail', '-f', '-n', '1']);
    // The backlog printed means the subscription is on: both happen in one daemon turn.
    await waitFor('the backlog', () => t.out.stdout.includes('lunch, back at 2'));
    expect(t.out.stdout.trimEnd().split('\n')).toHaveLength(1);

    const [peersRun, duringRun] = await Promise.all([p.cli(['peers', '--json']), p.cli(['status', '--json'])]);
    const peers = JSON.parse(peersRun.stdout).peers;
    expect(peers.map((x: { label: string }) => x.label)).toEqual(['fix#333333']);
    const during = JSON.parse(duringRun.stdout);
    expect(during.sessions.length).toBe(before.sessions.length);

    await p.cli(['send', 'sent after tail -f started', '--kind', 'handoff']);
    await conn.client.request('broadcast', { ...who(1, 'main'), text: 'released :1420', kind: 'unlock' });
    await waitFor('the live messages', () => t.out.stdout.includes('released :1420'));
    const lines = t.out.stdout.trimEnd().split('\n');
    expect(lines.slice(1).map((l) => l.match(LINE)?.slice(1))).toEqual([
      [`human:${USER}`, 'handoff', 'sent after tail -f started'],
      ['main#111111', 'unlock', 'released :1420'],
    ]);
    // The session's queue holds every message regardless of the watcher.
    const drained = await conn.client.request('drain', { ...reader, pid: 0 });
    expect(drained.messages.map((m) => m.text)).toEqual(['sent after tail -f started', 'released :1420']);

    t.child.kill('SIGINT');
    expect(await t.exited).toBe(130);
    conn.client.close();
  });

  it('tail -f: pads the label column so kinds line up; Ctrl-C exits 130', async () => {
    const p = project();
    const conn = await seed(p);
    const t = startCli(p, ['tail', '-f', '-n', '3']);
    await waitFor('the backlog', () => t.out.stdout.includes('lunch, back at 2'));
    await conn.client.request('broadcast', { ...who(4, 'feature-with-a-much-longer-name'), text: 'late and long', kind: 'note' });
    await waitFor('the live message', () => t.out.stdout.includes('late and long'));
    const lines = t.out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    // The backlog lines up among itself, and the column never narrows afterwards.
    const kindAt = lines.map((l) => l.indexOf(' ['));
    expect(new Set(kindAt.slice(0, 3)).size).toBe(1);
    expect(kindAt[3]).toBeGreaterThanOrEqual(kindAt[0]!);
    t.child.kill('SIGINT');
    expect(await t.exited).toBe(130);
    conn.client.close();
  });

  it('-f --json streams records; with no daemon it waits, then follows the one that starts, and catches up after a restart', async () => {
    const p = project();
    const t = startCli(p, ['tail', '-f', '--json']);
    await waitFor('the waiting note', () => t.out.stderr.includes('no daemon runs for this project; waiting'));
    expect(p.daemonPids()).toEqual([]);
    await p.cli(['send', 'first, starts the daemon']);
    await waitFor('the first message', () => t.out.stdout.includes('first, starts the daemon'), 15_000);

    expect((await p.cli(['stop'])).code).toBe(0);
    await waitFor('the note that the daemon went', () => t.out.stderr.includes('the daemon went away'));
    await p.cli(['send', 'second, after a restart']);
    await waitFor('the second message', () => t.out.stdout.includes('second, after a restart'), 15_000);
    const records = t.out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as MessageRecord);
    expect(records.map((m) => [m.seq, m.text])).toEqual([
      [1, 'first, starts the daemon'],
      [2, 'second, after a restart'],
    ]);
    t.child.kill('SIGTERM');
    expect(await t.exited).toBe(143);
  });
});

describe('the subscribe wire method', () => {
  it('a watcher does not keep an idle daemon alive; tail -f waits for the next one', async () => {
    const p = project({ env: { SESSION_BUS_IDLE_MS: '500' } });
    // A session's connection holds the daemon up until the watcher is in.
    const held = await p.connect();
    await held.client.request('broadcast', { ...who(1, 'main'), text: 'before the idle exit' });
    const t = startCli(p, ['tail', '-f']);
    await waitFor('the backlog', () => t.out.stdout.includes('before the idle exit'));
    expect(t.out.stderr).toBe('');
    held.client.close();
    await waitFor('the idle exit', () => p.daemonPids().length === 0, 15_000);
    await waitFor('the note', () => t.out.stderr.includes('the daemon went away'));
    await p.cli(['send', 'a new daemon']);
    await waitFor('the next message', () => t.out.stdout.includes('a new daemon'), 15_000);
    t.child.kill('SIGINT');
    expect(await t.exited).toBe(130);
  });

  it('answers with the history asked for, then pushes each accepted message; a watcher that never reads is dropped alone', async () => {
    const p = project();
    const conn = await seed(p);
    const watcher = await p.connect();
    const pushed: MessageRecord[] = [];
    watcher.client.onNotification = (method, params) => {
      if (method === 'message') pushed.push(params as MessageRecord);
    };
    const r = await watcher.client.request('subscribe', { limit: 2 });
    expect(r).toMatchObject({ more: true, lastSeq: 3 });
    expect(r.messages.map((m) => m.seq)).toEqual([2, 3]);
    await conn.client.request('broadcast', { ...who(1, 'main'), text: 'one more' });
    await waitFor('the push', () => pushed.length === 1);
    expect(pushed[0]).toMatchObject({ seq: 4, text: 'one more', from: 'main#111111' });
    const caughtUp = await watcher.client.request('subscribe', { afterSeq: 2 });
    expect(caughtUp.messages.map((m) => m.seq)).toEqual([3, 4]);

    // A raw watcher that stops reading: past the backlog cap the daemon drops it, nobody else.
    const sock = net.createConnection(p.endpoint().socketPath);
    await new Promise<void>((r2) => sock.once('connect', () => r2()));
    const subscribed = new Promise((r2) => sock.once('data', r2));
    sock.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'subscribe', params: { limit: 0 } }) + '\n');
    // Subscribed (its reply came) before it stops reading.
    await subscribed;
    sock.pause();
    const big = 'x'.repeat(4000);
    for (let i = 0; i < 120; i++) await Promise.all(Array.from({ length: 5 }, () => conn.client.request('broadcast', { ...who(1, 'main'), text: big })));
    await waitFor('the slow watcher dropped', () => fs.readFileSync(p.endpoint().logPath, 'utf8').includes('slow consumer'), 20_000);
    expect(watcher.client.closed).toBe(false);
    expect((await conn.client.request('history', { limit: 1 })).messages[0]!.seq).toBe(604);
    sock.destroy();
    watcher.client.close();
    conn.client.close();
  });
});

describe('session-bus log', () => {
  it('filters by --since, --from, --kind, --grep and -n; --json says where it read', async () => {
    const p = await seeded();
    const texts = async (args: string[]) => {
      const r = await p.cli(['log', ...args, '--json'], PLAIN);
      expect(r.code).toBe(0);
      const body = JSON.parse(r.stdout) as { source: string; messages: MessageRecord[] };
      expect(body.source).toBe('daemon');
      return body.messages.map((m) => m.text);
    };
    // Independent reads of one mailbox: the CLI runs side by side.
    const [all, fromHuman, fromBranch, fromTwo, kinds, grep, sinceLast, sinceFuture, human, none] = await Promise.all([
      texts([]),
      texts(['--from', 'human']),
      texts(['--from', 'feat-login']),
      texts(['--from', '#111111', '--from', `human:${USER}`]),
      texts(['--kind', 'lock,handoff']),
      texts(['--grep', 'REBASE']),
      texts(['--since', '1h', '-n', '1']),
      texts(['--since', '2099-01-01']),
      p.cli(['log', '--kind', 'handoff'], PLAIN),
      p.cli(['log', '--grep', 'nothing like this'], PLAIN),
    ]);
    expect(all).toHaveLength(3);
    expect(fromHuman).toEqual(['lunch, back at 2']);
    expect(fromBranch).toEqual(['branch feat-login pushed, safe to rebase']);
    expect(fromTwo).toEqual(['holding the dev server on :1420', 'lunch, back at 2']);
    expect(kinds).toEqual(['holding the dev server on :1420', 'branch feat-login pushed, safe to rebase']);
    expect(grep).toEqual(['branch feat-login pushed, safe to rebase']);
    expect(sinceLast).toEqual(['lunch, back at 2']);
    expect(sinceFuture).toEqual([]);

    expect(human.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}feat-login#222222 {2}\[handoff\] {2}branch feat-login pushed, safe to rebase\n$/);
    expect(none).toMatchObject({ code: 0, stdout: '' });
    expect(none.stderr).toContain('No messages match.');
  });

  it('reads the mailbox when no daemon runs, pages past a reply, and refuses bad filters with exit 2', async () => {
    const p = project();
    const conn = await p.connect();
    // More than one history reply holds (1000): the CLI pages.
    const a = who(1, 'main');
    for (let i = 0; i < 12; i++) await Promise.all(Array.from({ length: 100 }, (_, j) => conn.client.request('broadcast', { ...a, text: `n${i * 100 + j}` })));
    const all = JSON.parse((await p.cli(['log', '--json'])).stdout);
    expect(all.messages).toHaveLength(1200);
    expect(all.messages.map((m: MessageRecord) => m.seq)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    conn.client.close();
    await p.cli(['stop']);
    await waitFor('the daemon to exit', () => p.daemonPids().length === 0);

    const offline = JSON.parse((await p.cli(['log', '--json', '--grep', 'n119'])).stdout);
    expect(offline.source).toBe('mailbox');
    expect(offline.messages.map((m: MessageRecord) => m.text)).toEqual(['n119', ...Array.from({ length: 10 }, (_, i) => `n${1190 + i}`)]);
    expect((await p.cli(['log', '--json'])).stdout.length).toBeGreaterThan(1200 * 50);
    expect(p.daemonPids()).toEqual([]);

    const refusals = [
      [['--since', 'yesterday'], /--since takes a span like 30m/],
      [['--kind', 'shout'], /--kind must be one of note, lock, unlock, handoff/],
      [['-f'], /log does not take --follow/],
      [['extra'], /log takes no arguments/],
    ] as const;
    const refused = await Promise.all(refusals.map(([args]) => p.cli(['log', ...args])));
    refusals.forEach(([, why], i) => {
      const r = refused[i]!;
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(why);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });
});

describe('an older daemon without history and subscribe', () => {
  it('log and tail read the mailbox instead; tail -f says to restart it, in one line, exit 1', async () => {
    const p = project();
    const ep = p.endpoint();
    fs.mkdirSync(ep.dir, { recursive: true, mode: 0o700 });
    fs.mkdirSync(path.dirname(p.mailboxPath()), { recursive: true });
    const record = { seq: 1, ts: Date.now(), origin: { sessionId: 's-1', pid: 1 }, from: 'main#s1', kind: 'note', text: 'from the old days' };
    fs.writeFileSync(p.mailboxPath(), JSON.stringify({ type: 'msg', ...record }) + '\n');
    // Knows hello, nothing newer: what a daemon of an earlier build answers.
    const old = net.createServer((sock) => {
      let buf = '';
      sock.on('data', (d) => {
        buf += d;
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const req = JSON.parse(buf.slice(0, nl));
          buf = buf.slice(nl + 1);
          const reply =
            req.method === 'hello'
              ? { result: { protocol: 1, version: '0.1.0', pid: 4242, root: req.params.root, startedAt: 0 } }
              : { error: { code: -32601, message: `unknown method "${req.method}"` } };
          sock.write(JSON.stringify({ jsonrpc: '2.0', id: req.id, ...reply }) + '\n');
        }
      });
    });
    await new Promise<void>((r) => old.listen(ep.socketPath, () => r()));
    try {
      const [logRun, tailRun, f] = await Promise.all([p.cli(['log', '--json']), p.cli(['tail'], PLAIN), p.cli(['tail', '-f'])]);
      const logged = JSON.parse(logRun.stdout);
      expect(logged).toEqual({ source: 'mailbox', messages: [record] });
      expect(tailRun.stdout).toMatch(/main#s1 {2}\[note\] {2}from the old days\n$/);
      expect(f.code).toBe(1);
      expect(f.stderr).toBe('session-bus: the running session-bus daemon (pid 4242, version 0.1.0) predates `tail -f` (the subscribe method). Restart it with `session-bus restart`\n');
    } finally {
      old.close();
    }
  });
});

describe('session-bus send as a person', () => {
  it('is labeled human:<user>, never as a session, and the person is no peer', async () => {
    const p = project();
    const conn = await p.connect();
    const a = who(1, 'main');
    await conn.client.request('register', { ...a, live: true });
    const sent = JSON.parse((await p.cli(['send', 'deploying now', '--json'])).stdout);
    expect(sent).toEqual({ seq: 1, from: `human:${USER}` });
    const got = await conn.client.request('drain', a);
    expect(got.messages[0]).toMatchObject({ from: `human:${USER}`, origin: { sessionId: `human:${USER}`, pid: 0 }, text: 'deploying now' });
    const peers = JSON.parse((await p.cli(['peers', '--json'])).stdout).peers;
    expect(peers.map((x: { label: string }) => x.label)).toEqual(['main#111111']);
    conn.client.close();
  });
});

describe('session-bus peers and claims', () => {
  it('--json when no daemon runs: {"running":false} with an empty list, exit 3, none started', async () => {
    const p = project();
    const cmds = ['peers', 'claims'];
    const runs = await Promise.all(cmds.map((cmd) => p.cli([cmd, '--json'])));
    cmds.forEach((cmd, i) => {
      expect(runs[i]!.code).toBe(3);
      expect(JSON.parse(runs[i]!.stdout)).toEqual({ running: false, [cmd]: [] });
    });
    expect(p.daemonPids()).toEqual([]);
  });

  it('tables never pass a peer\'s escape codes or newlines to the terminal', async () => {
    const p = project();
    const conn = await p.connect();
    // The daemon refuses a label that is not one plain line, and cleans a claim's note; the
    // tables clean again, for a mailbox edited by hand.
    await expect(conn.client.request('register', { sessionId: 'evil-1', pid: process.pid, label: 'x\u001b[2Jy', live: true })).rejects.toThrow(/one line/);
    const evil = { sessionId: 'evil-1', pid: process.pid, label: 'xy' };
    await conn.client.request('register', { ...evil, live: true });
    await conn.client.request('claim', { ...evil, resource: 'port:1', note: 'a\nb\u001b]0;title\u0007' });
    const [peers, claims] = await Promise.all([p.cli(['peers']), p.cli(['claims'])]);
    for (const out of [peers.stdout, claims.stdout]) expect(out).not.toContain('\u001b');
    expect(claims.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(claims.stdout).toMatch(/port:1\s+xy\s+.*a b$/m);
    conn.client.close();
  });
});

/** A `claude` stand-in on PATH: validation passes or fails on demand, in milliseconds. */
const fakeClaude = (p: TestProject, passes: boolean) => fakeClaudeIn(p.base, passes);

interface Report {
  ok: boolean;
  root: string;
  checks: { name: string; status: 'ok' | 'warn' | 'fail' | 'skip'; message: string; fix?: string }[];
}

/** `doctor --json`, and with `withText` the text report of the same state, run side by side. */
async function doctor(p: TestProject, env: NodeJS.ProcessEnv, withText = false) {
  const [json, text] = await Promise.all([p.cli(['doctor', '--json'], env), withText ? p.cli(['doctor'], { ...env, ...PLAIN }) : undefined]);
  const report = JSON.parse(json.stdout) as Report;
  const byName = (name: string) => report.checks.find((c) => c.name === name);
  return { code: json.code, report, byName, text: text?.stdout ?? '' };
}

describe('session-bus doctor', () => {
  it('passes on a healthy live daemon: every check ok or skipped, exit 0, --json schema', async () => {
    const p = project();
    const conn = await p.connect();
    await conn.client.request('register', { ...who(1, 'main'), live: true });
    await conn.client.request('broadcast', { ...who(1, 'main'), text: 'hi' });
    const d = await doctor(p, fakeClaude(p, true), true);
    expect(d.code).toBe(0);
    expect(d.report.ok).toBe(true);
    for (const c of d.report.checks) {
      expect(Object.keys(c).every((k) => ['name', 'status', 'message', 'fix'].includes(k))).toBe(true);
      expect(['ok', 'skip']).toContain(c.status);
    }
    expect(d.report.checks.map((c) => c.name)).toEqual(['node', 'project', 'socket dir', 'daemon', 'version', 'sessions', 'federation', 'daemon log', 'mailbox', 'plugin', 'host inbox']);
    expect(d.byName('daemon')!.message).toMatch(new RegExp(`^running, pid ${conn.hello.pid}, answered in \\d+ ms$`));
    expect(d.byName('version')!.message).toBe(`daemon and this CLI are both version ${VERSION}`);
    expect(d.byName('mailbox')!.message).toMatch(/1 messages retained/);
    expect(d.byName('plugin')!.message).toBe(`${path.join(REPO, 'plugin')}: validation passed`);
    expect(d.byName('host inbox')!.status).toBe('skip');
    expect(d.byName('federation')!.message).toMatch(/^off \(SESSION_BUS_NATS_URL not set\)/);
    expect(d.text).toMatch(/^ {2}ok {4}node {8}node v\d+/m);
    expect(d.text).toMatch(/All checks passed\.\n$/);
    conn.client.close();
  });

  it('finds a planted stale socket and a socket directory others can enter, says the fix, exit 1', async () => {
    const p = project();
    const ep = p.endpoint();
    fs.mkdirSync(ep.dir, { recursive: true, mode: 0o700 });
    // A process that bound the socket and died hard leaves it behind.
    const planted = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(ep.socketPath)}, () => process.kill(process.pid, 'SIGKILL'))`]);
    await new Promise((r) => planted.on('close', r));
    expect(fs.lstatSync(ep.socketPath).isSocket()).toBe(true);
    fs.chmodSync(ep.dir, 0o755);

    const d = await doctor(p, fakeClaude(p, true), true);
    expect(d.code).toBe(1);
    expect(d.report.ok).toBe(false);
    expect(d.byName('socket dir')).toEqual({
      name: 'socket dir',
      status: 'fail',
      message: `refusing the socket directory ${ep.dir}: mode 755 lets others in`,
      fix: `Run: chmod 700 ${ep.dir}`,
    });
    // Nothing in a socket dir others can enter is read or connected to (issue 14 item 7).
    expect(d.byName('daemon')).toBeUndefined();
    expect(d.text).toMatch(/^ {2}FAIL {2}socket dir {2}refusing the socket directory .* lets others in\n {20}fix: Run: chmod 700 /m);
    expect(d.text).toMatch(/1 check failed\.\n$/);
    expect(p.daemonPids()).toEqual([]);
    expect(fs.statSync(ep.dir).mode & 0o777).toBe(0o755);

    // Fixed as it says: then the stale socket is found, with its fix.
    fs.chmodSync(ep.dir, 0o700);
    const again = await doctor(p, fakeClaude(p, true));
    expect(again.byName('daemon')).toMatchObject({ status: 'fail', message: `stale socket ${ep.socketPath}: no daemon answers there (one was killed or crashed)` });
    expect(again.byName('daemon')!.fix).toContain(`rm ${ep.socketPath}`);
    fs.rmSync(ep.socketPath);
    expect((await p.cli(['doctor'], fakeClaude(p, true))).code).toBe(0);
  });

  it('finds a socket with a wrong mode, a stale registration, a stale start lock, a failing plugin and a missing inbox socket', async () => {
    const p = project();
    const conn = await p.connect();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('close', r));
    await conn.client.request('register', { sessionId: 'ghost-1', pid: dead.pid!, label: 'main#ghost1', live: true });
    const ep = p.endpoint();
    fs.chmodSync(ep.socketPath, 0o666);
    fs.writeFileSync(ep.lockPath, String(dead.pid));
    const env = { ...fakeClaude(p, false), CLAUDE_CODE_MESSAGING_SOCKET: path.join(p.base, 'no-such.sock'), CLAUDE_CODE_MESSAGING_TOKEN: 't' };
    const d = await doctor(p, env);
    expect(d.code).toBe(1);
    expect(d.byName('socket')).toMatchObject({ status: 'fail', message: `${ep.socketPath} has mode 666: others may connect to the bus`, fix: expect.stringContaining(`chmod 600 ${ep.socketPath}`) });
    expect(d.byName('sessions')).toMatchObject({ status: 'fail', message: expect.stringContaining(`main#ghost1 (Claude Code pid ${dead.pid} is gone)`) });
    expect(d.byName('start lock')).toMatchObject({ status: 'warn', message: expect.stringContaining(`pid ${dead.pid} is gone`) });
    expect(d.byName('plugin')).toMatchObject({ status: 'fail', message: `${path.join(REPO, 'plugin')} does not validate: name: Plugin name is reserved`, fix: expect.stringContaining('plugin validate') });
    expect(d.byName('host inbox')).toMatchObject({ status: 'fail', message: expect.stringContaining('which is missing') });
    expect(d.byName('daemon')!.status).toBe('ok');
    conn.client.close();
  });

  it('says the host offers its inbox socket when CLAUDE_CODE_MESSAGING_SOCKET is a socket', async () => {
    const p = project();
    const sockPath = path.join(p.base, 'inbox.sock');
    const server = net.createServer(() => undefined);
    await new Promise<void>((r) => server.listen(sockPath, () => r()));
    const d = await doctor(p, { ...fakeClaude(p, true), CLAUDE_CODE_MESSAGING_SOCKET: sockPath, CLAUDE_CODE_MESSAGING_TOKEN: 't' });
    expect(d.byName('host inbox')).toMatchObject({ status: 'ok', message: expect.stringContaining(`offered at ${sockPath}`) });
    expect(d.byName('daemon')).toMatchObject({ status: 'ok', message: 'not running (the first session starts it)' });
    expect(d.code).toBe(0);
    server.close();
  });

  it.skipIf(!fs.existsSync(path.join(REPO, 'node_modules', '.bin', 'claude')))('validates the plugin with the real claude binary from node_modules/.bin', async () => {
    const p = project();
    const home = path.join(p.base, 'home');
    fs.mkdirSync(home);
    // No claude on PATH: the one npm installed beside the plugin is used.
    const d = await doctor(p, { PATH: path.dirname(process.execPath) + path.delimiter + '/usr/bin:/bin', HOME: home, CLAUDE_CODE_MESSAGING_SOCKET: '' });
    expect(d.byName('plugin')).toMatchObject({ status: 'ok', message: expect.stringMatching(/validation passed/) });
    expect(d.code).toBe(0);
  });
});

describe('session-bus help', () => {
  it('--help lists every command; help CMD and CMD --help explain one with examples; completion prints a script', async () => {
    const p = project();
    // Each a CLI of its own, side by side: none needs a daemon or changes anything.
    const [general, a, b, logHelp, doctorHelp, unknown, helpUnknown, completion, zsh] = await Promise.all([
      p.cli(['--help']),
      p.cli(['help', 'tail']),
      p.cli(['tail', '--help']),
      p.cli(['log', '-h']),
      p.cli(['doctor', '--help']),
      p.cli(['frobnicate']),
      p.cli(['help', 'frobnicate']),
      p.cli(['completion', 'bash']),
      p.cli(['completion', 'zsh']),
    ]);
    expect(general.code).toBe(0);
    for (const cmd of ['status', 'peers', 'claims', 'tail', 'log', 'send', 'stop', 'doctor', 'help', 'completion']) expect(general.stdout).toMatch(new RegExp(`^ {2}${cmd} `, 'm'));
    expect(general.stdout).toMatch(/Exit codes: 0 ok, 1 error .* 2 usage, 3 daemon not running/);
    expect(a).toEqual(b);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^Usage: session-bus tail \[-f\] \[-n N\]/);
    expect(a.stdout).toMatch(/Examples:\n {2}session-bus tail\n {2}session-bus tail -f/);
    expect(logHelp.stdout).toContain('--since SPAN|DATE');
    expect(doctorHelp.stdout).toContain('CLAUDE_CODE_MESSAGING_SOCKET');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^session-bus: unknown command "frobnicate"; the commands are status, peers/);
    expect(helpUnknown.code).toBe(2);
    expect(completion.stdout).toContain('complete -F _session_bus session-bus');
    expect(completion.stdout).toMatch(/tail\) opts="--project --json --help --follow --lines"/);
    expect(zsh.stdout).toContain('bashcompinit');
  });
});
