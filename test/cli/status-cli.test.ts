/**
 * `session-bus status`, `send` and `stop` as a person runs them, against real daemons. The CLI
 * runs in this process (support/cli.ts) but once, as the built CLI, for an exit code (3) of its process.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/width.ts';
import { sessionLabel } from '../../src/place/identity.ts';
import { VERSION } from '../../src/protocol/version.ts';
import { useProjects } from '../support/project.ts';

const project = useProjects({ scope: 'file' });
const p = project();

describe('session-bus status', () => {
  it('on a stopped daemon: exit 3, human and --json, and it does not start one', async () => {
    // The human run as a process: exit 3 is the process's exit code, not only run()'s.
    const [human, json] = await Promise.all([p.cli(['status']), p.cliHere(['status', '--json'])]);
    expect(human.code).toBe(3);
    expect(human.stdout).toMatch(/^session-bus daemon: not running for /);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ running: false, socketPath: p.endpoint().socketPath });
    expect(p.daemonPids()).toEqual([]);
  });

  it('newcomer tryout 2026-12-02: status with no daemon left out the mailbox path README says it prints (--json had it)', async () => {
    const [human, json] = await Promise.all([p.cliHere(['status']), p.cliHere(['status', '--json'])]);
    const paths = JSON.parse(json.stdout);
    expect(human.stdout.split('\n').slice(1)).toEqual([`  socket    ${paths.socketPath}`, `  log       ${paths.logPath}`, `  mailbox   ${paths.mailboxPath}`, '']);
  });

  it('on a running daemon: exit 0 with pid, version, paths, counts and every session', async () => {
    const conn = await p.connect();
    await conn.client.request('register', { sessionId: 'aaaa1111-x', pid: 11, label: 'main#aaaa11', live: true });
    await conn.client.request('register', { sessionId: 'bbbb2222-y', pid: 22, label: 'feat#bbbb22' });
    expect((await p.cliHere(['send', 'branch feat pushed, safe to rebase', '--kind', 'handoff'])).stdout).toMatch(/^sent #1 as human:/);

    const [human, jsonRun] = await Promise.all([p.cliHere(['status']), p.cliHere(['status', '--json'])]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`pid ${conn.hello.pid}, version ${VERSION}`);
    expect(human.stdout).toContain(p.endpoint().socketPath);
    expect(human.stdout).toContain(p.mailboxPath());
    expect(human.stdout).toMatch(/messages\s+1 retained, last seq 1/);
    expect(human.stdout).toMatch(/main#aaaa11\s+connected\s+1/);
    expect(human.stdout).toMatch(/feat#bbbb22\s+away\s+1/);

    const json = JSON.parse(jsonRun.stdout);
    expect(json).toMatchObject({ running: true, pid: conn.hello.pid, lastSeq: 1, messageCount: 1, logPath: p.endpoint().logPath });
    const a = json.sessions.find((s: { label: string }) => s.label === 'main#aaaa11');
    expect(a).toMatchObject({ shortId: 'aaaa11', connected: true, queueDepth: 1 });
    expect(typeof a.lastSeen).toBe('number');
    conn.client.close();
  });

  it('send rejects a bad kind with usage exit 2; stop stops it, exit 3 when nothing runs', async () => {
    const bad = await p.cliHere(['send', 'x', '--kind', 'shout']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--kind must be one of note, lock, unlock, handoff/);
    expect((await p.cliHere(['stop'])).code).toBe(0);
    const [again, status] = await Promise.all([p.cliHere(['stop']), p.cliHere(['status'])]);
    expect(again.code).toBe(3);
    expect(status.code).toBe(3);
  });
});

describe('session-bus peers and claims', () => {
  const q = project();

  it('print tables and --json, exit 3 when no daemon runs', async () => {
    expect((await q.cliHere(['peers'])).code).toBe(3);
    const conn = await q.connect();
    const who = { sessionId: 'aaaa1111-x', pid: 11, label: 'main#aaaa11' };
    await conn.client.request('register', { ...who, live: true });
    await conn.client.request('claim', { ...who, resource: 'port:1420', note: 'dev server', ttlSeconds: 600 });
    // Reads of one state, side by side.
    const [peers, peersJson, claims, claimsJson, status] = await Promise.all([q.cliHere(['peers']), q.cliHere(['peers', '--json']), q.cliHere(['claims']), q.cliHere(['claims', '--json']), q.cliHere(['status'])]);
    expect(peers.code).toBe(0);
    expect(peers.stdout).toMatch(/^SESSION\s+SINCE\s+ACTIVE\s+WORKTREE\nmain#aaaa11\s+\d+s ago/);
    expect(JSON.parse(peersJson.stdout).peers[0]).toMatchObject({ label: 'main#aaaa11', shortId: 'aaaa11' });
    expect(claims.stdout).toMatch(/port:1420\s+main#aaaa11\s+\d+s ago\s+in (9m|10m) \d+s\s+dev server/);
    expect(JSON.parse(claimsJson.stdout).claims[0]).toMatchObject({ resource: 'port:1420', label: 'main#aaaa11', note: 'dev server' });
    expect(status.stdout).toMatch(/RESOURCE\s+HOLDER[\s\S]*port:1420/);
    conn.client.close();
  });
});

describe('the terminal view at COLUMNS=80 with a long branch name', () => {
  const w = project({ git: true });

  it('status, peers and claims fit 80 columns (cut with …), worktrees are relative, --wide prints them whole', async () => {
    const branch = 'feature/JIRA-12345-rework-the-login-flow-for-single-sign-on-with-機能';
    const wt = path.join(w.base, 'proj-login');
    execFileSync('git', ['-C', w.dir, 'worktree', 'add', '-q', '-b', branch, wt]);
    const conn = await w.connect();
    const who = { sessionId: 'aaaa1111-x', pid: 11, label: sessionLabel(wt, 'aaaa1111-x'), cwd: wt };
    await conn.client.request('register', { ...who, live: true });
    await conn.client.request('claim', { ...who, resource: 'src/auth/**', note: 'moving the session store to redis, do not touch the middleware until this lands' });
    expect((await w.cliHere(['send', 'hello'])).code).toBe(0);

    // Reads of one state, side by side: each table cut, and whole with --wide.
    const cmds = ['status', 'peers', 'claims'];
    const [cut, whole] = await Promise.all([Promise.all(cmds.map((cmd) => w.cliHere([cmd], { COLUMNS: '80' }))), Promise.all(cmds.map((cmd) => w.cliHere([cmd, '--wide'], { COLUMNS: '80' })))]);
    cmds.forEach((cmd, i) => {
      const r = cut[i]!;
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      const tooWide = lines.filter((l) => displayWidth(l) > 80 && !/^ {2}(project|socket|log|mailbox) /.test(l));
      expect(tooWide, `${cmd}:\n${r.stdout}`).toEqual([]);
      expect(r.stdout).toContain('…');
      expect(whole[i]!.stdout).toContain(cmd === 'claims' ? 'until this lands' : who.label);
    });
    const s = cut[0]!;
    expect(s.stdout).toMatch(/\.\.\/proj-login$/m);
    expect(s.stdout).toMatch(/^ {2}people {4}human:/m);
    expect(s.stdout).not.toMatch(/^human:/m);
    conn.client.close();
  });
});
