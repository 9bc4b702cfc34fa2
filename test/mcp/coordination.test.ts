/**
 * Presence, claims, direct messages, the start-of-session briefing and the end-of-session
 * release, through the MCP server, the real daemon and the hook processes. The servers run in
 * this process (support/mcp-here.ts): what is tested is what they say and do; a session whose
 * process is killed is the real bundle under a stand-in host.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HOOK, isAlive, run, useProjects, waitFor, type TestProject } from '../support/project.ts';
import { hereSession, sessionsHere, sessionsSideBySide, type SessionSpec } from '../support/sessions.ts';

const project = useProjects();
const session = (p: TestProject, id: string) => hereSession(project, p, id);
/** Sessions started side by side (on a daemon started first): nothing here depends on their order. */
const sessions = <T extends (string | SessionSpec)[]>(p: TestProject, ...specs: T) => sessionsHere(project, p, ...specs);

const A_ID = 'aaaaaaaa-1111-4000-8000-000000000001';
const B_ID = 'bbbbbbbb-2222-4000-8000-000000000002';
const C_ID = 'cccccccc-3333-4000-8000-000000000003';

function hook(p: TestProject, event: string, sessionId: string, claudePid: number, extra: object = {}) {
  return run(process.execPath, [HOOK, event], {
    // What is tested is what the hook says, not its deadline (SessionEnd keeps its own, shorter one):
    // a loaded machine must not turn it into "no answer".
    env: { ...p.env, CLAUDE_PID: String(claudePid), CLAUDE_PROJECT_DIR: p.dir, SESSION_BUS_HOOK_TIMEOUT_MS: '15000' },
    input: JSON.stringify({ session_id: sessionId, hook_event_name: event, cwd: p.dir, ...extra }),
  });
}

describe('claims', () => {
  it('names, paths and globs conflict as they overlap; release frees them; refusals name the holder', async () => {
    const p = project({ git: true });
    const [a, b] = await sessions(p, A_ID, B_ID);
    expect(await a.call('claim', { resource: 'port:1420', note: 'dev server' })).toEqual({ isError: false, text: 'claimed port:1420 ("dev server")' });
    const refused = await b.call('claim', { resource: 'port:1420' });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/^port:1420 is held by main#aaaaaa since just now \(\d\d:\d\d UTC\) \(dev server\)$/);
    expect((await b.call('claim', { resource: 'port:1421' })).isError).toBe(false);

    expect((await a.call('claim', { resource: 'src/**' })).isError).toBe(false);
    expect((await b.call('claim', { resource: 'src/a.ts' })).text).toMatch(/^src\/\*\* is held by main#aaaaaa/);
    expect((await b.call('claim', { resource: 'docs/**' })).isError).toBe(false);
    expect((await a.call('claim', { resource: 'docs/guide.md' })).text).toMatch(/^docs\/\*\* is held by main#bbbbbb/);

    expect((await b.call('release', { resource: 'src/**' })).text).toMatch(/not held by this session/);
    expect(await a.call('release', { resource: 'src/**' })).toEqual({ isError: false, text: 'released src/**' });
    expect((await b.call('claim', { resource: 'src/a.ts' })).isError).toBe(false);

    const list = (await a.call('claims', {})).text.split('\n');
    expect(list).toEqual(['port:1420 ("dev server") by main#aaaaaa', 'port:1421 by main#bbbbbb', 'docs/** by main#bbbbbb', 'src/a.ts by main#bbbbbb']);
  });

  it('a claim with a TTL ends by itself and is announced', async () => {
    const p = project({ git: true });
    const [a, b] = await sessions(p, A_ID, B_ID);
    expect((await a.call('claim', { resource: 'db:dev', ttl: 1 })).text).toMatch(/^claimed db:dev, expires in 1s$/);
    expect((await b.call('claim', { resource: 'db:dev' })).isError).toBe(true);
    // Expired claims are swept every second: B gets it once A's has ended, not before.
    await waitFor('A\'s claim to expire', async () => !(await b.call('claim', { resource: 'db:dev' })).isError, 5000);
    const inbox = (await b.call('inbox', {})).text;
    expect(inbox).toMatch(/main#aaaaaa \[lock\]: "claimed db:dev for 1s"/);
  });

  it('taking and ending a claim is announced to the others as lock/unlock', async () => {
    const p = project({ git: true });
    const [a, b] = await sessions(p, A_ID, B_ID);
    await a.call('claim', { resource: 'port:1420' });
    await a.call('release', { resource: 'port:1420' });
    const inbox = (await b.call('inbox', {})).text;
    expect(inbox).toMatch(/\[lock\]: "claimed port:1420"[\s\S]*\[unlock\]: "released port:1420"/);
    expect((await a.call('inbox', {})).text).toBe('No messages from other sessions.');
  });
});

describe('presence', () => {
  it('a session killed with SIGKILL leaves peers at once and its claims within the grace period', async () => {
    const p = project({ git: true, env: { SESSION_BUS_GRACE_MS: '500' } });
    // Processes: what is tested is the end of one (B's server is here, it only watches).
    const [a] = await sessionsSideBySide(project, p, A_ID);
    const b = await session(p, B_ID);
    await a.call('claim', { resource: 'port:1420' });
    expect((await b.call('peers', {})).text).toMatch(/^main#aaaaaa \(aaaaaa\) in .*, since (just now|\d+m ago), active (just now|\d+m ago)$/);
    // The Claude process dies hard: its MCP server (our host stand-in's child) goes with it.
    process.kill(a.pid!, 'SIGKILL');
    await waitFor('A to leave peers', async () => (await b.call('peers', {})).text === 'No other session is here.', 5000);
    const t0 = Date.now();
    await waitFor('A\'s claim to end', async () => !(await b.call('claim', { resource: 'port:1420' })).isError, 5000);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect((await b.call('inbox', {})).text).toMatch(/\[unlock\]: "port:1420 is free: its session is gone"/);
  });

  it('status and the peers tool list the live sessions with label, id and since', async () => {
    const p = project({ git: true });
    const [, b] = await sessions(p, A_ID, B_ID);
    const status = JSON.parse((await p.cliHere(['status', '--json'])).stdout);
    expect(status.sessions.filter((s: { connected: boolean }) => s.connected).map((s: { label: string }) => s.label).sort()).toEqual(['main#aaaaaa', 'main#bbbbbb']);
    expect((await b.call('peers', {})).text).toContain('main#aaaaaa (aaaaaa)');
  });
});

describe('restart', () => {
  it('a daemon restart keeps live claims; the holders reconnect', async () => {
    // The extra grace a restart gives is 5 s; what is pinned here is what it keeps and ends, not
    // its length: 1.5 s is still ample for the MCP servers, which reconnect within milliseconds.
    const p = project({ git: true, env: { SESSION_BUS_GRACE_MS: '500', SESSION_BUS_RESTART_GRACE_EXTRA_MS: '1500' } });
    const [a, b] = await sessions(p, A_ID, B_ID);
    await a.call('claim', { resource: 'port:1420', note: 'dev' });
    // The sentinel: a holder that never comes back. Its claim ends when the restarted daemon's
    // grace period for reconnecting holders is over, the same check that keeps A's.
    const before = await project.connect(p);
    const gone = { sessionId: 'dddddddd-4444-4000-8000-000000000004', pid: process.pid, label: 'main#dddddd' };
    await before.client.request('register', { ...gone, live: true });
    await before.client.request('claim', { ...gone, resource: 'port:9999' });
    process.kill(before.hello.pid, 'SIGKILL');
    await waitFor('daemon to die', () => !isAlive(before.hello.pid));
    // The MCP servers restart the daemon and register again on their own.
    await waitFor('A back in peers', async () => (await b.call('peers', {})).text.includes('main#aaaaaa'), 5000);
    await waitFor('the restart\'s grace period to end the gone holder\'s claim', async () => !(await b.call('claim', { resource: 'port:9999' })).isError, 20_000);
    expect((await b.call('inbox', {})).text).toMatch(/\[unlock\]: "port:9999 is free: its session is gone"/);
    expect((await b.call('claim', { resource: 'port:1420' })).text).toMatch(/held by main#aaaaaa .*\(dev\)/);
    const after = await p.connect();
    expect(after.hello.pid).not.toBe(before.hello.pid);
    after.client.close();
  }, 30_000);
});

describe('direct messages', () => {
  it('reach only their recipient, are not in others\' inbox, and an unknown recipient lists live peers', async () => {
    const p = project({ git: true });
    // C after B: the error lists live peers in the order they came.
    const [a, b] = await sessions(p, A_ID, B_ID);
    const c = await session(p, C_ID);
    expect((await a.call('broadcast', { text: 'B: your turn on api.ts', kind: 'handoff', to: ['bbbbbb'] })).text).toBe('sent #1 as main#aaaaaa to bbbbbb');
    expect((await b.call('inbox', {})).text).toMatch(/main#aaaaaa \[handoff\] \(to you\): "B: your turn on api.ts"/);
    expect((await c.call('inbox', {})).text).toBe('No messages from other sessions.');
    const unknown = await a.call('broadcast', { text: 'hi', to: ['zzzz'] });
    expect(unknown).toEqual({ isError: true, text: 'unknown or ambiguous recipient "zzzz"; live peers: main#bbbbbb, main#cccccc' });
    expect((await a.call('broadcast', { text: 'hi', to: ['main#cccccc'] })).isError).toBe(false);
  });
});

describe('to: a unique branch name', () => {
  it('to accepts a unique branch name as log --from does; a branch with two sessions is ambiguous', async () => {
    const p = project({ git: true });
    const wt = `${p.base}/proj-feat-b`;
    execFileSync('git', ['-C', p.dir, 'worktree', 'add', '-q', '-b', 'feat-b', wt]);
    const [a, b] = await sessions(p, A_ID, { id: B_ID, dir: wt });
    // A recipient must be live: B's MCP server registers as it starts, not before it answers.
    await waitFor('B live', async () => (await a.call('peers', {})).text.includes('feat-b#'));
    expect((await a.call('broadcast', { text: 'your turn on api.ts', kind: 'handoff', to: ['feat-b'] })).text).toBe('sent #1 as main#aaaaaa to feat-b');
    expect((await b.call('inbox', {})).text).toMatch(/main#aaaaaa \[handoff\] \(to you\): "your turn on api.ts"/);
    await session(p, C_ID);
    await waitFor('C live', async () => (await b.call('peers', {})).text.split('\n').filter((l) => l.startsWith('main#')).length === 2);
    expect((await b.call('broadcast', { text: 'hi', to: ['main'] })).text).toMatch(/^unknown or ambiguous recipient "main"/);
  });
});

describe('session hooks', () => {
  it('SessionStart briefs in a few hundred characters: who is here, claims, unread', async () => {
    const p = project({ git: true });
    const a = await session(p, A_ID);
    await a.call('claim', { resource: 'port:1420', note: 'dev server' });
    const r = await hook(p, 'SessionStart', 'dddddddd-4', 4004, { source: 'startup' });
    const out = JSON.parse(r.stdout).hookSpecificOutput;
    expect(out.hookEventName).toBe('SessionStart');
    expect(out.additionalContext).toMatch(/1 other session here: main#aaaaaa \(just now\)\. Claimed: "port:1420" by main#aaaaaa \("dev server"\)\./);
    expect(out.additionalContext.length).toBeLessThan(500);
  });

  it('SessionStart is silent for a session alone; with backfill it includes the backlog', async () => {
    const p = project({ git: true });
    expect((await hook(p, 'SessionStart', 'eeeeeeee-5', 5005)).stdout).toBe('');
    await p.cliHere(['send', 'earlier news']);
    const r = await run(process.execPath, [HOOK, 'SessionStart'], {
      env: { ...p.env, CLAUDE_PID: '6006', CLAUDE_PROJECT_DIR: p.dir, SESSION_BUS_BACKFILL_MIN: '5', SESSION_BUS_HOOK_TIMEOUT_MS: '15000' },
      input: JSON.stringify({ session_id: 'ffffffff-6', hook_event_name: 'SessionStart', cwd: p.dir }),
    });
    const context = JSON.parse(r.stdout).hookSpecificOutput.additionalContext;
    // Shown in the same block: "below", not "with the next prompt".
    expect(context).toMatch(/1 unread message, below\.[\s\S]*\n.*from a person at a terminal[\s\S]*"earlier news"/);
    expect(context).not.toContain('next prompt');
  });

  it('a session resumed alone, holding only its own claim, gets no briefing: nothing is new', async () => {
    const p = project({ git: true });
    const a = await session(p, A_ID);
    await a.call('claim', { resource: 'port:1420' });
    const r = await hook(p, 'SessionStart', A_ID, 0, { source: 'resume' });
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });

  it('SessionEnd releases the session\'s claims at once, well inside the host\'s 1.5 s budget, and never starts a daemon', async () => {
    const p = project({ git: true, env: { SESSION_BUS_GRACE_MS: '60000' } });
    const [a, b] = await sessions(p, A_ID, B_ID);
    await a.call('claim', { resource: 'port:1420' });
    const t0 = Date.now();
    // The MCP server's host pid is its stand-in parent; the hook correlates by session id here.
    const r = await hook(p, 'SessionEnd', A_ID, 0, { reason: 'prompt_input_exit' });
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(Date.now() - t0).toBeLessThan(1500);
    expect((await b.call('claim', { resource: 'port:1420' })).isError).toBe(false);
    expect((await b.call('inbox', {})).text).toMatch(/"port:1420 is free: session ended \(prompt_input_exit\)"/);

    const q = project();
    expect(await hook(q, 'SessionEnd', 'x', 1)).toMatchObject({ code: 0, stdout: '' });
    expect(q.daemonPids()).toEqual([]);
  });
});

describe('token budget', () => {
  it('all tool descriptions and schemas together stay under ~1,200 tokens (4,800 characters of JSON)', async () => {
    const p = project();
    const a = await session(p, A_ID);
    const { tools } = await a.client.listTools();
    const size = JSON.stringify(tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema }))).length;
    expect(size).toBeLessThan(4800);
  });
});
