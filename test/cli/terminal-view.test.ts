/**
 * The terminal view for people, as a person runs it against real daemons: send as a human,
 * peers and claims, help and completion. The CLI runs in this process (support/cli.ts); the
 * feed (tail, log) is in feed-history and feed-follow, doctor in doctor-run.
 */
import { describe, expect, it } from 'vitest';
import { useProjects } from '../support/project.ts';
import { USER, who } from '../support/terminal-view.ts';

const project = useProjects();

describe('session-bus send as a person', () => {
  it('is labeled human:<user>, never as a session, and the person is no peer', async () => {
    const p = project();
    const conn = await p.connect();
    const a = who(1, 'main');
    await conn.client.request('register', { ...a, live: true });
    const sent = JSON.parse((await p.cliHere(['send', 'deploying now', '--json'])).stdout);
    expect(sent).toEqual({ seq: 1, from: `human:${USER}` });
    const got = await conn.client.request('drain', a);
    expect(got.messages[0]).toMatchObject({ from: `human:${USER}`, origin: { sessionId: `human:${USER}`, pid: 0 }, text: 'deploying now' });
    const peers = JSON.parse((await p.cliHere(['peers', '--json'])).stdout).peers;
    expect(peers.map((x: { label: string }) => x.label)).toEqual(['main#111111']);
    conn.client.close();
  });
});

describe('session-bus peers and claims', () => {
  it('--json when no daemon runs: {"running":false} with an empty list, exit 3, none started', async () => {
    const p = project();
    const cmds = ['peers', 'claims'];
    const runs = await Promise.all(cmds.map((cmd) => p.cliHere([cmd, '--json'])));
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
    const [peers, claims] = await Promise.all([p.cliHere(['peers']), p.cliHere(['claims'])]);
    for (const out of [peers.stdout, claims.stdout]) expect(out).not.toContain('\u001b');
    expect(claims.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(claims.stdout).toMatch(/port:1\s+xy\s+.*a b$/m);
    conn.client.close();
  });
});

describe('session-bus help', () => {
  it('--help lists every command; help CMD and CMD --help explain one with examples; completion prints a script', async () => {
    const p = project();
    // Each a CLI of its own, side by side: none needs a daemon or changes anything.
    const [general, a, b, logHelp, doctorHelp, unknown, helpUnknown, completion, zsh] = await Promise.all([
      p.cliHere(['--help']),
      p.cliHere(['help', 'tail']),
      p.cliHere(['tail', '--help']),
      p.cliHere(['log', '-h']),
      p.cliHere(['doctor', '--help']),
      p.cliHere(['frobnicate']),
      p.cliHere(['help', 'frobnicate']),
      p.cliHere(['completion', 'bash']),
      p.cliHere(['completion', 'zsh']),
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
