/**
 * `session-bus doctor` on real projects and daemons: a healthy bus passes; planted faults (a
 * stale socket, modes others can use, a gone session, a stale lock, a failing plugin, a missing
 * inbox socket) each fail or warn with their fix. The CLI runs in this process (support/cli.ts);
 * the plugin check runs a `claude` stand-in, and the real binary once.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeClaude as fakeClaudeIn } from '../support/fake-claude.ts';
import { REPO, useProjects, type TestProject } from '../support/project.ts';
import { PLAIN, who } from '../support/terminal-view.ts';
import { VERSION } from '../../src/protocol/version.ts';
import { locateProject } from '../../src/place/project.ts';
import { settingsPath } from '../../src/place/settings.ts';

const project = useProjects();

/** A `claude` stand-in on PATH: validation passes or fails on demand, in milliseconds. */
const fakeClaude = (p: TestProject, passes: boolean) => fakeClaudeIn(p.base, passes);

interface Report {
  ok: boolean;
  root: string;
  checks: { name: string; status: 'ok' | 'warn' | 'fail' | 'skip'; message: string; fix?: string }[];
}

/** `doctor --json`, and with `withText` the text report of the same state, run side by side. */
async function doctor(p: TestProject, env: NodeJS.ProcessEnv, withText = false) {
  const [json, text] = await Promise.all([p.cliHere(['doctor', '--json'], env), withText ? p.cliHere(['doctor'], { ...env, ...PLAIN }) : undefined]);
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
    expect(d.report.checks.map((c) => c.name)).toEqual(['node', 'project', 'settings', 'socket dir', 'daemon', 'version', 'sessions', 'federation', 'daemon log', 'mailbox', 'plugin', 'host inbox']);
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
    expect((await p.cliHere(['doctor'], fakeClaude(p, true))).code).toBe(0);
  });

  it('finds a socket with a wrong mode, a stale registration, a stale start lock, a failing plugin and a missing inbox socket', async () => {
    const p = project();
    const conn = await p.connect();
    // A pid that was a process and is gone: `true` is one without a Node start.
    const dead = spawn('true');
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

  it("newcomer tryout 2026-12-02: doctor said 'All checks passed' with a settings file no daemon can start with, and named no setting for a refused value", async () => {
    const p = project();
    const file = settingsPath(locateProject(p.dir).mailboxDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{bad');
    const broken = await doctor(p, fakeClaude(p, true), true);
    expect(broken.code).toBe(1);
    expect(broken.byName('settings')).toMatchObject({ status: 'fail', message: expect.stringContaining(`no daemon can start with them: the settings file ${file} is not valid JSON`), fix: expect.stringContaining('session-bus restart') });
    expect(broken.byName('settings')!.fix).toBe(`Fix or remove ${file}, then session-bus restart`);
    expect(broken.text).not.toContain('All checks passed');
    fs.writeFileSync(file, JSON.stringify({ 'retain-count': '2.5' }));
    const refused = await doctor(p, fakeClaude(p, true));
    expect(refused.byName('settings')).toMatchObject({ status: 'fail', message: 'no daemon can start with them: SESSION_BUS_RETAIN_COUNT must be a whole number ≥ 1, not "2.5"' });
    expect(refused.byName('settings')!.fix).toMatch(/^Fix the value \(session-bus config set KEY VALUE/);
    // The environment wins over the file, as for a daemon started from here.
    const overridden = await doctor(p, { ...fakeClaude(p, true), SESSION_BUS_RETAIN_COUNT: '100' });
    expect(overridden.byName('settings')).toMatchObject({ status: 'ok', message: `a daemon started now accepts them (this environment over ${file})` });
    expect(overridden.code).toBe(0);
  });

  it('review of the newcomer fixes: with no daemon running, doctor said "All checks passed" for a NATS URL federation refuses', async () => {
    const p = project({ git: true });
    const d = await doctor(p, { ...fakeClaude(p, true), SESSION_BUS_NATS_URL: 'http://x' }, true);
    expect(d.byName('daemon')!.message).toBe('not running (the first session starts it)');
    expect(d.byName('federation')).toMatchObject({ status: 'fail', message: expect.stringMatching(/^refused: SESSION_BUS_NATS_URL "http:\/\/x": the scheme must be nats:\/\/ or tls:\/\//), fix: expect.stringContaining('session-bus config set nats-url') });
    expect(d.code).toBe(1);
    expect(d.text).not.toContain('All checks passed');
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

