/**
 * `session-bus tail` and `log` as a person runs them, against real daemons and, with none
 * running, the mailbox: what they print, plain or colored, filtered, paged, and an older daemon
 * without the `history` method. The CLI runs in this process (support/cli.ts): these tests are
 * about what it prints and its exit code, not about its process.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useProjects, waitFor, type TestProject } from '../support/project.ts';
import { LINE, PLAIN, seed, USER, who } from '../support/terminal-view.ts';
import type { MessageRecord } from '../../src/protocol/messages.ts';

const project = useProjects();
const shared = useProjects({ scope: 'file' });

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

describe('session-bus tail', () => {
  it('prints the last messages one line each (time, label, kind, text), plain when piped; --json is one record per line', async () => {
    const p = await seeded();
    const [r, two] = await Promise.all([p.cliHere(['tail'], PLAIN), p.cliHere(['tail', '-n', '2', '--json'], PLAIN)]);
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
    const [colored, plain] = await Promise.all([p.cliHere(['tail', '-n', '1'], { FORCE_COLOR: '1', NO_COLOR: '' }), p.cliHere(['tail', '-n', '1'], { FORCE_COLOR: '1', NO_COLOR: '1' })]);
    expect(colored.stdout).toMatch(/\u001b\[2m\d\d:\d\d:\d\d\u001b\[22m/);
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout.trimEnd()).toMatch(LINE);
  });

  it('with no daemon it reads the mailbox and starts none; -n bad is a usage error', async () => {
    const p = project();
    const conn = await seed(p);
    conn.client.close();
    expect((await p.cliHere(['stop'])).code).toBe(0);
    await waitFor('the daemon to exit', () => p.daemonPids().length === 0);
    const [r, bad] = await Promise.all([p.cliHere(['tail', '-n', '1'], PLAIN), p.cliHere(['tail', '-n', 'many'])]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[note\] {2}lunch, back at 2\n$/);
    expect(p.daemonPids()).toEqual([]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^session-bus: -n takes a whole number/);
  });
});

describe('session-bus log', () => {
  it('filters by --since, --from, --kind, --grep and -n; --json says where it read', async () => {
    const p = await seeded();
    const texts = async (args: string[]) => {
      const r = await p.cliHere(['log', ...args, '--json'], PLAIN);
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
      p.cliHere(['log', '--kind', 'handoff'], PLAIN),
      p.cliHere(['log', '--grep', 'nothing like this'], PLAIN),
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
    const all = JSON.parse((await p.cliHere(['log', '--json'])).stdout);
    expect(all.messages).toHaveLength(1200);
    expect(all.messages.map((m: MessageRecord) => m.seq)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    conn.client.close();
    await p.cliHere(['stop']);
    await waitFor('the daemon to exit', () => p.daemonPids().length === 0);

    const offline = JSON.parse((await p.cliHere(['log', '--json', '--grep', 'n119'])).stdout);
    expect(offline.source).toBe('mailbox');
    expect(offline.messages.map((m: MessageRecord) => m.text)).toEqual(['n119', ...Array.from({ length: 10 }, (_, i) => `n${1190 + i}`)]);
    expect((await p.cliHere(['log', '--json'])).stdout.length).toBeGreaterThan(1200 * 50);
    expect(p.daemonPids()).toEqual([]);

    const refusals = [
      [['--since', 'yesterday'], /--since takes a span like 30m/],
      [['--kind', 'shout'], /--kind must be one of note, lock, unlock, handoff/],
      [['-f'], /log does not take --follow/],
      [['extra'], /log takes no arguments/],
    ] as const;
    const refused = await Promise.all(refusals.map(([args]) => p.cliHere(['log', ...args])));
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
      const [logRun, tailRun, f] = await Promise.all([p.cliHere(['log', '--json']), p.cliHere(['tail'], PLAIN), p.cliHere(['tail', '-f'])]);
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
