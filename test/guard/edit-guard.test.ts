/**
 * The collision guard before an edit (issue 16, item 2, claims): the PreToolUse hook command run
 * exactly as hooks.json has it, through /bin/sh, against MCP servers run in this process
 * (support/mcp-here.ts) and a real daemon.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, run, useProjects, waitFor, type TestProject } from '../support/project.ts';
import { hereSession, sessionsHere } from '../support/sessions.ts';

const hooksJson = JSON.parse(fs.readFileSync(path.join(DIST, '..', 'hooks', 'hooks.json'), 'utf8'));
const A_ID = 'aaaaaaaa-1111-4000-8000-000000000001';
const B_ID = 'bbbbbbbb-2222-4000-8000-000000000002';

const project = useProjects();
const session = (p: TestProject, id: string) => hereSession(project, p, id);

/** The PreToolUse command for an edit tool, as the host runs it. */
function preToolUse(p: TestProject, sessionId: string, claudePid: number, tool: string, toolInput: Record<string, unknown>, env: NodeJS.ProcessEnv = {}, pluginRoot = path.dirname(DIST)) {
  const entry = hooksJson.hooks.PreToolUse.find((h: { matcher: string }) => new RegExp(`^(${h.matcher})$`).test(tool));
  return run('/bin/sh', ['-c', entry.hooks[0].command], {
    // What is tested is the decision, not the deadline (the test of that sets its own): a loaded
    // machine must not turn it into "no answer".
    env: { ...p.env, CLAUDE_PID: String(claudePid), CLAUDE_PROJECT_DIR: p.dir, CLAUDE_PLUGIN_ROOT: pluginRoot, SESSION_BUS_HOOK_TIMEOUT_MS: '15000', ...env },
    input: JSON.stringify({ session_id: sessionId, hook_event_name: 'PreToolUse', cwd: p.dir, tool_name: tool, tool_input: toolInput }),
  });
}

const decision = (stdout: string) => (stdout ? JSON.parse(stdout).hookSpecificOutput : undefined);

async function twoSessions() {
  const p = project({ git: true });
  const [a, b] = await sessionsHere(project, p, A_ID, B_ID);
  return { p, a, b, marker: (pid: number) => path.join(p.env.SESSION_BUS_SOCKET_DIR!, `guard-${pid}`) };
}

describe('edit guard: claims', () => {
  it("B's claim-covered edit is refused whether the claim was made by absolute or relative path, naming the holder, its note and what to do", async () => {
    const { p, a, b, marker } = await twoSessions();
    expect((await a.call('claim', { resource: 'src/x.ts', note: 'splitting the parser' })).isError).toBe(false);
    expect((await a.call('claim', { resource: path.join(p.dir, 'lib') })).isError).toBe(false);
    await waitFor('B guarded', () => fs.existsSync(marker(b.pid!)));

    // The hook only decides (and tells the holder): the edits' checks go side by side.
    const [absolute, relative, notebook, uncovered, outside] = await Promise.all([
      preToolUse(p, B_ID, b.pid!, 'Write', { file_path: path.join(p.dir, 'src/x.ts'), content: 'x' }),
      preToolUse(p, B_ID, b.pid!, 'Edit', { file_path: 'lib/y.ts', old_string: 'a', new_string: 'b' }),
      preToolUse(p, B_ID, b.pid!, 'NotebookEdit', { notebook_path: path.join(p.dir, 'lib', 'n.ipynb'), new_source: '' }),
      preToolUse(p, B_ID, b.pid!, 'Write', { file_path: path.join(p.dir, 'src/other.ts'), content: 'x' }),
      preToolUse(p, B_ID, b.pid!, 'Write', { file_path: '/etc/hosts', content: 'x' }),
    ]);
    const byAbsolute = decision(absolute.stdout);
    expect(byAbsolute).toMatchObject({ hookEventName: 'PreToolUse', permissionDecision: 'deny' });
    expect(byAbsolute.permissionDecisionReason).toMatch(/^"src\/x\.ts" is claimed by main#aaaaaa \("splitting the parser"\) since just now\. Ask the holder with the broadcast tool/);
    const byRelative = decision(relative.stdout);
    expect(byRelative.permissionDecisionReason).toMatch(/^"lib\/y\.ts" is claimed by main#aaaaaa \(claim on "lib"\)/);
    expect(decision(notebook.stdout).permissionDecision).toBe('deny');
    // A file no claim covers, and one outside the repository: untouched.
    expect(uncovered).toMatchObject({ code: 0, stdout: '' });
    expect(outside).toMatchObject({ code: 0, stdout: '' });

    // Both sides hear it: the holder is told who wanted what, and it is in the mailbox.
    const told = await waitFor('A told', async () => {
      const r = await a.call('inbox', {});
      return r.text.includes('wanted to edit') ? r.text : undefined;
    });
    expect(told).toMatch(/main#bbbbbb \[note\] \(to you\): "wanted to edit src\/x\.ts \(your claim covers it\) with Write; the edit was stopped/);
    expect((await p.cliHere(['log'])).stdout).toMatch(/wanted to edit lib\/y\.ts \(your claim covers it\) with Edit/);
  });

  it('a session alone pays only the shell gate (no marker: node never starts); with company both are guarded, and alone again neither', async () => {
    const p = project({ git: true });
    const a = await session(p, A_ID);
    const marker = (pid: number) => path.join(p.env.SESSION_BUS_SOCKET_DIR!, `guard-${pid}`);
    // A broken plugin root would make node fail: an empty, clean exit proves it never ran.
    expect(await preToolUse(p, A_ID, a.pid!, 'Write', { file_path: path.join(p.dir, 'x'), content: '' }, {}, '/nonexistent')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.existsSync(marker(a.pid!))).toBe(false);
    const b = await session(p, B_ID);
    await waitFor('both guarded', () => fs.existsSync(marker(a.pid!)) && fs.existsSync(marker(b.pid!)));
    await b.close();
    await waitFor('A alone again', () => !fs.existsSync(marker(a.pid!)));
  });


  it('SESSION_BUS_GUARD: warn lets the edit run with a note in context; off checks nothing', async () => {
    const { p, a, b, marker } = await twoSessions();
    await a.call('claim', { resource: 'src' });
    await waitFor('B guarded', () => fs.existsSync(marker(b.pid!)));
    const file = { file_path: path.join(p.dir, 'src', 'a.ts'), content: '' };
    const [warn, off] = await Promise.all([
      preToolUse(p, B_ID, b.pid!, 'Write', file, { SESSION_BUS_GUARD: 'warn' }),
      preToolUse(p, B_ID, b.pid!, 'Write', file, { SESSION_BUS_GUARD: 'off' }, '/nonexistent'),
    ]);
    const warned = decision(warn.stdout);
    expect(warned.permissionDecision).toBeUndefined();
    expect(warned.additionalContext).toMatch(/^session-bus: "src\/a\.ts" is claimed by main#aaaaaa \(claim on "src"\)/);
    expect(off).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a hung or dead daemon never blocks the edit: the hook exits 0 with no output and logs why', async () => {
    const { p, a, b, marker } = await twoSessions();
    await a.call('claim', { resource: 'src' });
    await waitFor('B guarded', () => fs.existsSync(marker(b.pid!)));
    const file = { file_path: path.join(p.dir, 'src', 'a.ts'), content: '' };
    const [daemon] = p.daemonPids();
    process.kill(daemon!, 'SIGSTOP');
    try {
      expect(await preToolUse(p, B_ID, b.pid!, 'Write', file, { SESSION_BUS_HOOK_TIMEOUT_MS: '300' })).toMatchObject({ code: 0, stdout: '' });
    } finally {
      process.kill(daemon!, 'SIGCONT');
    }
    // No daemon at all behind a guard marker (one a killed daemon left, with no session to start
    // another): the guard starts none, and the edit goes ahead.
    const lone = project({ git: true });
    const dir = lone.env.SESSION_BUS_SOCKET_DIR!;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(dir, 'guard-4242'), '');
    expect(await preToolUse(lone, B_ID, 4242, 'Write', { file_path: path.join(lone.dir, 'a.ts'), content: '' })).toMatchObject({ code: 0, stdout: '' });
    expect(lone.daemonPids()).toEqual([]);
    expect(fs.readFileSync(lone.endpoint().logPath, 'utf8')).toMatch(/guard failed; the tool runs unchecked: /);
  });

});
