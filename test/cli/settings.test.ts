/**
 * Settings have a home (issue 17): "`session-bus stop` while sessions are connected prints
 * 'stopped' and a session's MCP server restarts it a second later with its own environment, so
 * README's advice 'set the variable, then session-bus stop' does nothing". The bus's settings
 * file is read by every daemon whoever starts it; `stop` says sessions will start it again;
 * `restart` applies new settings; `status` shows each setting's source. Real daemons; the MCP
 * server (support/mcp-here.ts) and the CLI (support/cli.ts) run in this process.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsPath } from '../../src/place/settings.ts';
import { locateProject } from '../../src/place/project.ts';
import { startMcp } from '../support/mcp.ts';
import { useProjects, waitFor } from '../support/project.ts';

const project = useProjects({ scope: 'file' });
const p = project({ git: true });
const file = () => settingsPath(locateProject(p.dir).mailboxDir);

async function statusJson(): Promise<{ pid: number; settings: { key: string; value: string; source: string }[] } | undefined> {
  const r = await p.cliHere(['status', '--json']);
  const s = JSON.parse(r.stdout);
  return s.running ? s : undefined;
}

describe('settings', () => {
  it('config set checks the value as the daemon would (exit 2, file untouched), and config lists every setting with its source', async () => {
    // Both refused, side by side: neither writes the file.
    const [bad, nope] = await Promise.all([p.cliHere(['config', 'set', 'fsync', 'bogus']), p.cliHere(['config', 'set', 'nope', '1'])]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/SESSION_BUS_FSYNC must be "interval" or "always"/);
    expect(fs.existsSync(file())).toBe(false);
    expect(nope.stderr).toMatch(/no setting "nope"; the settings are idle-ms, fsync/);
    const set = await p.cliHere(['config', 'set', 'fsync', 'always']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain(`set fsync=always in ${file()}`);
    const [list, get] = await Promise.all([p.cliHere(['config'], { SESSION_BUS_FSYNC: '' }), p.cliHere(['config', 'get', 'fsync'])]);
    expect(list.stdout).toMatch(/^fsync\s+always\s+file\s+SESSION_BUS_FSYNC$/m);
    expect(list.stdout).toMatch(/^retain-count\s+10000\s+default/m);
    expect(get.stdout).toBe('always\n');
  });

  it('stop with a connected session says it will start again; the daemon that session starts reads the settings file', async () => {
    // In this process (support/mcp-here.ts): what is tested is the daemon it starts, not its process.
    const session = await startMcp(p.env, 'aaaaaaaa-1111-4000-8000-000000000001', p.dir, { host: 'here' });
    try {
      const before = await waitFor('a daemon', () => statusJson());
      expect(before.settings.find((r) => r.key === 'fsync')).toMatchObject({ value: 'always', source: 'file' });
      expect((await p.cliHere(['config', 'set', 'retain-count', '500'])).stdout).toMatch(/the running daemon \(pid \d+\) has retain-count=10000 \(default\); `session-bus restart` applies the file/);

      const stop = await p.cliHere(['stop']);
      expect(stop.stdout).toBe(`session-bus daemon stopped (pid ${before.pid}); 1 connected session will start it again within seconds. To apply new settings, use \`session-bus restart\`.\n`);
      // The session's MCP server starts a new daemon with its own environment; the file still applies.
      const after = await waitFor('the session to start a daemon again', async () => {
        const s = await statusJson();
        return s && s.pid !== before.pid ? s : undefined;
      }, 30_000);
      expect(after.settings.find((r) => r.key === 'retain-count')).toMatchObject({ value: '500', source: 'file' });
      expect((await p.cliHere(['status'])).stdout).toMatch(/^ {2}settings {2}.*fsync=always \(file\), retain-count=500 \(file\)$/m);
    } finally {
      await session.close();
    }
  });

  it('restart applies new settings at once; a variable in the environment wins over the file and says so', async () => {
    expect((await p.cliHere(['config', 'set', 'retain-days', '3'])).code).toBe(0);
    const r = await p.cliHere(['restart'], { SESSION_BUS_FSYNC: 'interval' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^session-bus daemon (restarted \(pid \d+ → \d+\)|started \(pid \d+\))\n {2}settings {2}.*retain-days=3 \(file\)/);
    expect(r.stdout).toContain('fsync=interval (SESSION_BUS_FSYNC)');
    const [s, status] = await Promise.all([statusJson(), p.cliHere(['status'])]);
    expect(s!.settings.find((x) => x.key === 'fsync')).toMatchObject({ value: 'interval', source: 'env' });
    expect(status.stdout).toMatch(/fsync=interval \(SESSION_BUS_FSYNC\)/);
  });

  it('newcomer tryout 2026-12-02: config set accepted values the daemon refuses (a fractional retain-count, fed-lease-ms 5, project bad/name, nats-url http://x)', async () => {
    const before = fs.readFileSync(file(), 'utf8');
    const cases: [string, string, RegExp][] = [
      ['retain-count', '2.5', /SESSION_BUS_RETAIN_COUNT must be a whole number ≥ 1, not "2\.5"/],
      ['grace-ms', '3000000000', /SESSION_BUS_GRACE_MS must be at most 2147483647 ms/],
      ['fed-lease-ms', '5', /SESSION_BUS_FED_LEASE_MS must be a number of milliseconds ≥ 1000/],
      ['project', 'bad/name', /SESSION_BUS_PROJECT must be 1-64 letters, digits, "-" or "_", not "bad\/name"/],
      ['nats-url', 'http://x', /SESSION_BUS_NATS_URL .*http/],
    ];
    const runs = await Promise.all(cases.map(([key, value]) => p.cliHere(['config', 'set', key, value])));
    for (const [i, r] of runs.entries()) {
      expect(r.code, cases[i]![0]).toBe(2);
      expect(r.stderr).toMatch(cases[i]![2]);
    }
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);
    // What the daemon takes is still taken; empty is as unset (review: `project ''` was refused for "no origin remote").
    for (const [key, value] of [['fed-lease-ms', '20000'], ['project', ''], ['nats-url', 'nats://a:4222,tls://b']]) {
      const r = await p.cliHere(['config', 'set', key!, value!]);
      expect(r.code, `${key}=${value}: ${r.stderr}`).toBe(0);
      expect((await p.cliHere(['config', 'unset', key!])).code).toBe(0);
    }
  });

  it('newcomer tryout 2026-12-02: restart stopped the working daemon before checking the new settings (exit 1, then nothing running)', async () => {
    const up = await statusJson();
    const running = up?.pid ?? (await p.connect()).hello.pid;
    const bad = await p.cliHere(['restart'], { SESSION_BUS_IDLE_MS: 'abc' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/SESSION_BUS_IDLE_MS must be a positive number, not "abc"/);
    expect(bad.stderr).toMatch(/the running daemon \(pid \d+\) is left as it is/);
    // A settings file that is not JSON: the same, naming the file.
    const good = fs.readFileSync(file(), 'utf8');
    fs.writeFileSync(file(), '{bad');
    try {
      const broken = await p.cliHere(['restart']);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain(`the settings file ${file()} is not valid JSON`);
    } finally {
      fs.writeFileSync(file(), good);
    }
    expect((await statusJson())?.pid).toBe(running);
  });
});
