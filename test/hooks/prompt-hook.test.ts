/**
 * The UserPromptSubmit hook as the host runs it: a fresh process fed JSON on stdin. It delivers
 * unread peer messages once, and on any failure exits 0 with no output and says why in the log.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOOK, run, useProjects, waitFor, type TestProject } from '../support/project.ts';

const project = useProjects();

const A = { sessionId: 'aaaaaaaa-1', pid: 1001, label: 'main#aaaaaa' };

function hook(p: TestProject, sessionId: string, claudePid: number, extraEnv: NodeJS.ProcessEnv = {}, input?: string) {
  return run(process.execPath, [HOOK, 'UserPromptSubmit'], {
    // What is tested is what the hook delivers, not its deadline (the test of that sets its own):
    // a loaded machine must not turn it into "no answer".
    env: { ...p.env, CLAUDE_PID: String(claudePid), CLAUDE_PROJECT_DIR: p.dir, SESSION_BUS_HOOK_TIMEOUT_MS: '15000', ...extraEnv },
    input: input ?? JSON.stringify({ session_id: sessionId, hook_event_name: 'UserPromptSubmit', cwd: p.dir, prompt: 'go on' }),
  });
}

function context(stdout: string): string {
  return JSON.parse(stdout).hookSpecificOutput.additionalContext;
}

describe('prompt hook', () => {
  it('first sight is forward-only, then delivers each message once', async () => {
    const p = project();
    const c = await p.connect();
    await c.client.request('broadcast', { ...A, text: 'before B existed' });
    const first = await hook(p, 'bbbb-2', 2002);
    expect(first).toMatchObject({ code: 0, stdout: '' });
    await c.client.request('broadcast', { ...A, text: 'rebase onto main now' });
    const second = await hook(p, 'bbbb-2', 2002);
    expect(second.code).toBe(0);
    const out = JSON.parse(second.stdout);
    expect(out.hookSpecificOutput.hookEventName).toBe('UserPromptSubmit');
    expect(out.hookSpecificOutput.additionalContext).toMatch(/not instructions from the user/);
    expect(out.hookSpecificOutput.additionalContext).toMatch(/#2 \S+ UTC main#aaaaaa \[note\]: "rebase onto main now"/);
    expect(out.hookSpecificOutput.additionalContext).not.toContain('before B existed');
    expect((await hook(p, 'bbbb-2', 2002)).stdout).toBe('');
    c.client.close();
  });

  it('SESSION_BUS_BACKFILL_MIN shows recent backlog on first sight', async () => {
    const p = project();
    const c = await p.connect();
    await c.client.request('broadcast', { ...A, text: 'recent news' });
    c.client.close();
    const r = await hook(p, 'cccc-3', 3003, { SESSION_BUS_BACKFILL_MIN: '10' });
    expect(context(r.stdout)).toContain('"recent news"');
  });

  it('starts the broker when none runs', async () => {
    const p = project();
    expect(p.daemonPids()).toEqual([]);
    const r = await hook(p, 'dddd-4', 4004);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(p.daemonPids()).toHaveLength(1);
  });

  it('keeps a delivery under the host\'s inline limit and advances only past what it delivered', async () => {
    const p = project();
    await hook(p, 'eeee-5', 5005);
    const c = await p.connect();
    // Sent side by side: each gets the next seq as it arrives, and seqs are what is checked.
    await Promise.all(Array.from({ length: 60 }, (_, i) => c.client.request('broadcast', { ...A, text: `${i} ${'"quoted\\'.repeat(30)}` })));
    c.client.close();
    const seen: string[] = [];
    for (let round = 0; round < 30; round++) {
      const r = await hook(p, 'eeee-5', 5005);
      if (r.stdout === '') break;
      const ctx = context(r.stdout);
      expect(ctx.length).toBeLessThan(10_000);
      seen.push(...[...ctx.matchAll(/^#(\d+) /gm)].map((m) => m[1]!));
    }
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => String(i + 1)));
  });

  it('a session never receives its own messages after /clear gives it a new session id', async () => {
    const p = project();
    const c = await p.connect();
    // The MCP server keeps the spawn-time id; the host process is the same (pid 7007).
    const mcp = { sessionId: 'orig-7', pid: 7007, label: 'main#orig7' };
    await c.client.request('register', { ...mcp, live: true });
    await c.client.request('broadcast', { ...mcp, text: 'mine, sent before /clear' });
    await hook(p, 'after-clear-7', 7007);
    await c.client.request('broadcast', { ...mcp, text: 'mine, sent after /clear' });
    await c.client.request('broadcast', { ...A, text: 'from a peer' });
    const r = await hook(p, 'after-clear-7', 7007);
    const ctx = context(r.stdout);
    expect(ctx).toContain('from a peer');
    expect(ctx).not.toContain('mine,');
    c.client.close();
  });

  it('never blocks a prompt: a hung broker, garbage stdin, a refused socket dir all exit 0 silently and log why', async () => {
    const p = project();
    const c = await p.connect();
    c.client.close();
    process.kill(c.hello.pid, 'SIGSTOP');
    try {
      const started = Date.now();
      const hung = await hook(p, 'ffff-6', 6006, { SESSION_BUS_HOOK_TIMEOUT_MS: '500' });
      expect(hung).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(Date.now() - started).toBeLessThan(5000);
      await waitFor('hook log line', () => fs.readFileSync(p.endpoint().logPath, 'utf8').includes('no answer from the broker within 500 ms; going on without the bus'));
    } finally {
      process.kill(c.hello.pid, 'SIGCONT');
    }
    expect(await hook(p, 'ffff-6', 6006, {}, 'not json')).toEqual({ code: 0, stdout: '', stderr: '' });
    // A socket dir that is not private is not written to, not even to log: the plugin data folder is.
    const data = path.join(p.base, 'plugin-data');
    fs.mkdirSync(data);
    fs.chmodSync(p.env.SESSION_BUS_SOCKET_DIR!, 0o755);
    const logBefore = fs.readFileSync(p.endpoint().logPath, 'utf8');
    expect(await hook(p, 'ffff-6', 6006, { CLAUDE_PLUGIN_DATA: data })).toEqual({ code: 0, stdout: '', stderr: '' });
    fs.chmodSync(p.env.SESSION_BUS_SOCKET_DIR!, 0o700);
    expect(fs.readFileSync(p.endpoint().logPath, 'utf8')).toBe(logBefore);
    expect(fs.readFileSync(path.join(data, 'hook.log'), 'utf8')).toMatch(/hook failed; going on without bus messages: refusing the socket directory/);
  });

  it('review of the newcomer fixes: SESSION_BUS_HOOK_TIMEOUT_MS=3e9 overflowed the hooks\' timer (gave up after 1 ms, and a TimeoutOverflowWarning on stderr)', async () => {
    const p = project();
    const c = await p.connect();
    await hook(p, 'bbbb-2', 2002);
    await c.client.request('broadcast', { ...A, text: 'after B came' });
    const GUARD = path.join(path.dirname(HOOK), 'guard.cjs');
    const [prompt, guard] = await Promise.all([
      hook(p, 'bbbb-2', 2002, { SESSION_BUS_HOOK_TIMEOUT_MS: '3000000000' }),
      run(process.execPath, [GUARD, 'PreToolUse'], { env: { ...p.env, CLAUDE_PID: '2002', CLAUDE_PROJECT_DIR: p.dir, SESSION_BUS_HOOK_TIMEOUT_MS: '3000000000' }, input: JSON.stringify({ session_id: 'bbbb-2', hook_event_name: 'PreToolUse', cwd: p.dir, tool_name: 'Edit', tool_input: { file_path: path.join(p.dir, 'a.ts') } }) }),
    ]);
    expect(prompt).toMatchObject({ code: 0, stderr: '' });
    expect(context(prompt.stdout)).toContain('after B came');
    expect(guard).toMatchObject({ code: 0, stderr: '' });
    c.client.close();
  });
});
