/**
 * Attack on issue 14 item 9 (a session is its session id). The broker still joins a new session
 * id to the connected session of the same pid (meant for hooks after `/clear`). A pid is only
 * unique inside one pid namespace: two dev containers from one image that share the repository
 * and the socket dir start their Claude processes at the same small pid (the hook sends
 * CLAUDE_PID, the MCP server its parent's pid, both namespace-local). The second container's
 * session then becomes the first one: it shows under the first's label, receives (and
 * acknowledges, so the first never sees) the first session's direct messages.
 */
import { describe, expect, it } from 'vitest';
import { HOOK, run, useProjects, type TestProject } from '../support/project.ts';

const project = useProjects();

/** The Claude process's pid inside each container: the same in both. */
const CONTAINER_PID = 7;
const ONE = { sessionId: 'c1000000-1111', pid: CONTAINER_PID, label: 'main#c10000' };
const TWO = { sessionId: 'c2000000-2222', pid: CONTAINER_PID, label: 'main#c20000' };
const A = { sessionId: 'aaaaaaaa-1', pid: 1001, label: 'main#aaaaaa' };

function promptHook(p: TestProject, sessionId: string, claudePid: number) {
  return run(process.execPath, [HOOK, 'UserPromptSubmit'], {
    env: { ...p.env, CLAUDE_PID: String(claudePid), CLAUDE_PROJECT_DIR: p.dir },
    input: JSON.stringify({ session_id: sessionId, hook_event_name: 'UserPromptSubmit', cwd: p.dir, prompt: 'go' }),
  });
}

describe('one pid in two pid namespaces (attack on issue 14 item 9)', () => {
  it('Pid namespace merge: two containers whose Claude processes share a pid become one session; the second receives the first one\'s direct message', async () => {
    const p = project({ git: true });
    // Container 1's MCP server: connected, live.
    const one = await project.connect(p);
    await one.client.request('register', { ...ONE, live: true });
    // Container 2's MCP server, same namespace-local pid.
    const two = await project.connect(p);
    await two.client.request('register', { ...TWO, live: true });

    const sender = await project.connect(p);
    await sender.client.request('broadcast', { ...A, text: 'for container one only', to: [ONE.label] });

    const r = await promptHook(p, TWO.sessionId, CONTAINER_PID);
    expect(r.code).toBe(0);
    const status = (await sender.client.request('status', {})).sessions;
    console.log(JSON.stringify(status.map((s) => ({ id: s.sessionId, label: s.label, q: s.queueDepth }))));
    // Must: the second container's session is its own and does not get the first one's mail.
    expect(r.stdout).not.toContain('for container one only');
    expect(status.find((s) => s.sessionId === TWO.sessionId)).toMatchObject({ label: TWO.label });
    expect(status.find((s) => s.sessionId === ONE.sessionId)).toMatchObject({ queueDepth: 1 });
  }, 60_000);
});
