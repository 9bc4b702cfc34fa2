/**
 * Issue 14, item 9: a session is its session id; a pid only locates markers, and markers of gone
 * sessions are removed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOOK, isAlive, run, useProjects, waitFor, type TestProject } from '../support/project.ts';

const project = useProjects();

const A = { sessionId: 'aaaaaaaa-1', pid: 1001, label: 'main#aaaaaa' };
/** A Claude process that runs: markers are only for those. */
const PID = process.pid;
const OLD = { sessionId: 'old00000-1', pid: PID, label: 'proj#old000' };
const NEW = { sessionId: 'new00000-2', pid: PID, label: 'proj#new000' };

function promptHook(p: TestProject, sessionId: string, claudePid: number) {
  return run(process.execPath, [HOOK, 'UserPromptSubmit'], {
    env: { ...p.env, CLAUDE_PID: String(claudePid), CLAUDE_PROJECT_DIR: p.dir },
    input: JSON.stringify({ session_id: sessionId, hook_event_name: 'UserPromptSubmit', cwd: p.dir, prompt: 'go' }),
  });
}

/** Pids of processes that have run and ended. */
function deadPids(n: number): number[] {
  const out = execFileSync('sh', ['-c', `for i in $(seq ${n}); do sh -c 'echo $$'; done`], { encoding: 'utf8' });
  return out.trim().split('\n').map(Number).filter((pid) => !isAlive(pid));
}

describe('pid reuse (issue 14 item 9)', () => {
  it('Pid reuse merges sessions: a new Claude process with an old session’s pid is a session of its own', async () => {
    const p = project();
    const c = await project.connect(p);
    await c.client.request('register', OLD);
    await c.client.request('broadcast', { ...A, text: 'stale, for the old session' });
    // Days later a new Claude process gets the same pid; its MCP server registers.
    const mcp = await project.connect(p);
    await mcp.client.request('register', { ...NEW, live: true });
    const r = await promptHook(p, NEW.sessionId, PID);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('stale, for the old session');
    const sessions = (await c.client.request('status', {})).sessions;
    expect(sessions.find((s) => s.sessionId === NEW.sessionId)).toMatchObject({ label: NEW.label, connected: true });
    expect(sessions.find((s) => s.sessionId === OLD.sessionId)).toMatchObject({ label: OLD.label, queueDepth: 1 });
    // A direct message to the new session by its own label is accepted and reaches it.
    const sent = await c.client.request('broadcast', { ...A, text: 'for the new one', to: [NEW.label] });
    const got = await promptHook(p, NEW.sessionId, PID);
    expect(JSON.parse(got.stdout).hookSpecificOutput.additionalContext).toContain('"for the new one"');
    expect(sent.seq).toBeGreaterThan(1);
  });

  it('Markers of dead pids pile up: none is written for a Claude process that is gone, and those left behind are swept at start', async () => {
    const p = project();
    const dir = p.env.SESSION_BUS_SOCKET_DIR!;
    const dead = deadPids(20);
    expect(dead.length).toBeGreaterThan(10);
    // Left by an earlier daemon: markers of processes long gone.
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const pid of dead.slice(0, 5)) {
      fs.writeFileSync(path.join(dir, `pending-${pid}`), '');
      fs.writeFileSync(path.join(dir, `live-${pid}`), '1\n');
    }
    const c = await project.connect(p);
    for (const [i, pid] of dead.entries()) await c.client.request('register', { sessionId: `short-${i}`, pid, label: `main#short${i}` });
    await c.client.request('register', { sessionId: 'alive-1', pid: PID, label: 'main#alive1' });
    await c.client.request('broadcast', { ...A, text: 'for everyone' });
    await waitFor('the live session marker', () => fs.existsSync(path.join(dir, `pending-${PID}`)));
    const markers = fs.readdirSync(dir).filter((n) => /^(pending|live)-\d+$/.test(n));
    expect(markers).toEqual([`pending-${PID}`]);
  });

  it('Markers of dead pids pile up: a marker a reused pid inherited is removed at its first look, so Node stops starting on every call', async () => {
    const p = project();
    const dir = p.env.SESSION_BUS_SOCKET_DIR!;
    const c = await project.connect(p);
    await c.client.request('register', OLD);
    await c.client.request('broadcast', { ...A, text: 'for the old session' });
    await waitFor('the old session marker', () => fs.existsSync(path.join(dir, `pending-${PID}`)));
    const mcp = await project.connect(p);
    await mcp.client.request('register', { ...NEW, live: true });
    expect((await promptHook(p, NEW.sessionId, PID)).stdout).toBe('');
    expect(fs.existsSync(path.join(dir, `pending-${PID}`))).toBe(false);
  });
});
