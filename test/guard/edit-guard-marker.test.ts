/**
 * The edit guard reads its marker first (place/guard-marker.ts): with another session here, an
 * edit of a file nobody holds is let go without a question to the daemon, and an edit that may
 * collide is still asked about. Hook commands run as hooks.json has them, through /bin/sh,
 * against MCP servers run in this process (support/mcp-here.ts) and a real daemon, which is
 * stopped (SIGSTOP) to show who answered.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuardMarker } from '../../src/place/guard-marker.ts';
import { DIST, run, useProjects, waitFor, type TestProject } from '../support/project.ts';

const hooksJson = JSON.parse(fs.readFileSync(path.join(DIST, '..', 'hooks', 'hooks.json'), 'utf8'));
const A_ID = 'aaaaaaaa-1111-4000-8000-000000000001';
const B_ID = 'bbbbbbbb-2222-4000-8000-000000000002';

const project = useProjects();

/** An edit tool's hook command (the guard before, the recording after), as the host runs it. */
function editHook(when: 'PreToolUse' | 'PostToolUse', p: TestProject, sessionId: string, claudePid: number, file: string, env: NodeJS.ProcessEnv = {}) {
  const entry = hooksJson.hooks[when].find((h: { matcher?: string }) => h.matcher?.split('|').includes('Write'));
  return run('/bin/sh', ['-c', entry.hooks[0].command], {
    env: { ...p.env, CLAUDE_PID: String(claudePid), CLAUDE_PROJECT_DIR: p.dir, CLAUDE_PLUGIN_ROOT: path.dirname(DIST), ...env },
    input: JSON.stringify({ session_id: sessionId, hook_event_name: when, cwd: p.dir, tool_name: 'Write', tool_input: { file_path: file, content: 'x' } }),
  });
}

describe('edit guard: the marker first', () => {
  it("lists the others' claims and uncommitted files before their answers leave; an edit of anything else is let go with the daemon stopped, one that may collide is asked about", async () => {
    const p = project({ git: true });
    const a = await project.mcp(p, A_ID, { host: 'here' });
    const b = await project.mcp(p, B_ID, { host: 'here' });
    const bMarker = path.join(p.env.SESSION_BUS_SOCKET_DIR!, `guard-${b.pid}`);
    await waitFor('B guarded', () => fs.existsSync(bMarker));
    const read = () => parseGuardMarker(fs.readFileSync(bMarker, 'utf8'));
    expect(read()).toEqual({ v: 1, ask: false, claims: [], editing: [] });

    // Read at once after each answer: the marker is written before the answer leaves the daemon.
    expect((await a.call('claim', { resource: 'src/api/**' })).isError).toBe(false);
    expect(read()?.claims).toEqual(['src/api']);
    fs.mkdirSync(path.join(p.dir, 'lib'));
    fs.writeFileSync(path.join(p.dir, 'lib', 'y.ts'), "A's\n");
    expect(await editHook('PostToolUse', p, A_ID, a.pid!, path.join(p.dir, 'lib', 'y.ts'))).toMatchObject({ code: 0, stdout: '' });
    expect(read()).toEqual({ v: 1, ask: false, claims: ['src/api'], editing: ['lib/y.ts'] });

    const status = JSON.parse((await p.cliHere(['status', '--json'])).stdout);
    const log = () => fs.readFileSync(status.logPath, 'utf8');
    process.kill(status.pid, 'SIGSTOP');
    try {
      // Nothing of A's: decided from the marker, with nothing logged (an unanswered question would say so).
      for (const file of ['README.md', 'src/apix.ts', 'lib/y.tsx', 'src/api2/a.ts']) {
        expect(await editHook('PreToolUse', p, B_ID, b.pid!, path.join(p.dir, file), { SESSION_BUS_HOOK_TIMEOUT_MS: '20000' }), file).toEqual({ code: 0, stdout: '', stderr: '' });
      }
      expect(log()).not.toContain('guard: no answer');
      // A's claim and A's file: the daemon is asked (and, stopped, does not answer: the edit runs, the reason is logged).
      for (const file of ['src/api/a.ts', 'lib/y.ts']) {
        expect(await editHook('PreToolUse', p, B_ID, b.pid!, path.join(p.dir, file), { SESSION_BUS_HOOK_TIMEOUT_MS: '300' }), file).toMatchObject({ code: 0, stdout: '' });
      }
      expect(log().match(/guard: no answer from the broker within 300 ms/g)).toHaveLength(2);
    } finally {
      process.kill(status.pid, 'SIGCONT');
    }
    const answered = JSON.parse((await editHook('PreToolUse', p, B_ID, b.pid!, path.join(p.dir, 'src', 'api', 'a.ts'))).stdout).hookSpecificOutput;
    expect(answered).toMatchObject({ permissionDecision: 'deny' });
    expect(answered.permissionDecisionReason).toMatch(/^"src\/api\/a\.ts" is claimed by main#aaaaaa \(claim on "src\/api\/\*\*"\)/);
  });
});
