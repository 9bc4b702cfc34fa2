/**
 * Working sets and the edit guard (issue 16, items 1 and 2): which files each live session
 * changed and has not committed, kept without the model's help, and what another session's edit
 * of one of them does. Hook commands run exactly as hooks.json has them, through /bin/sh,
 * against MCP servers run in this process (support/mcp-here.ts), a real daemon and real git.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../src/client/connect.ts';
import { DIST, run, useProjects, waitFor, type TestProject } from '../support/project.ts';
import { hereSession, sessionsHere } from '../support/sessions.ts';
import { GIT_IDENTITY } from '../support/git-template.ts';

const hooksJson = JSON.parse(fs.readFileSync(path.join(DIST, '..', 'hooks', 'hooks.json'), 'utf8'));
const A_ID = 'aaaaaaaa-1111-4000-8000-000000000001';
const B_ID = 'bbbbbbbb-2222-4000-8000-000000000002';

const project = useProjects();
const session = (p: TestProject, id: string) => hereSession(project, p, id);

/** An edit hook command (the guard before, the recording after) as the host runs it. */
function editHook(when: 'PreToolUse' | 'PostToolUse', p: TestProject, sessionId: string, claudePid: number, cwd: string, file: string) {
  const entry = hooksJson.hooks[when].find((h: { matcher?: string }) => h.matcher?.includes('Write'));
  return run('/bin/sh', ['-c', entry.hooks[0].command], {
    // What is tested here is the decision, not the deadline: a loaded machine must not turn it into "no answer".
    env: { ...p.env, CLAUDE_PID: String(claudePid), CLAUDE_PROJECT_DIR: cwd, CLAUDE_PLUGIN_ROOT: path.dirname(DIST), SESSION_BUS_HOOK_TIMEOUT_MS: '15000' },
    input: JSON.stringify({ session_id: sessionId, hook_event_name: when, cwd, tool_name: 'Write', tool_input: { file_path: file, content: 'x' } }),
  });
}

/** A's Write as the host does it: the file changes, then the PostToolUse hook records it. */
async function written(p: TestProject, sessionId: string, pid: number, cwd: string, file: string, content: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  expect(await editHook('PostToolUse', p, sessionId, pid, cwd, file)).toMatchObject({ code: 0, stdout: '' });
}

/** The Bash guard as the host runs it. */
function bashHook(p: TestProject, sessionId: string, claudePid: number, cwd: string, command: string) {
  const entry = hooksJson.hooks.PreToolUse.find((h: { matcher?: string }) => h.matcher?.split('|').includes('Bash'));
  return run('/bin/sh', ['-c', entry.hooks[0].command], {
    env: { ...p.env, CLAUDE_PID: String(claudePid), CLAUDE_PROJECT_DIR: cwd, CLAUDE_PLUGIN_ROOT: path.dirname(DIST), SESSION_BUS_HOOK_TIMEOUT_MS: '15000' },
    input: JSON.stringify({ session_id: sessionId, hook_event_name: 'PreToolUse', cwd, tool_name: 'Bash', tool_input: { command, description: 'x' } }),
  });
}

const out = (stdout: string) => (stdout ? JSON.parse(stdout).hookSpecificOutput : undefined);

/** What each session is editing, by session id, as the daemon's status has it (over a connection: no CLI process per look). */
async function editingBy(conn: Connection): Promise<Record<string, string[]>> {
  const { sessions } = await conn.client.request('status', {});
  return Object.fromEntries(sessions.map((s) => [s.sessionId, s.editing?.paths ?? []]));
}

/** The shell gate lets `pid`'s edit hooks through to node once its guard marker is there. */
const guarded = (p: TestProject, pid: number) => fs.existsSync(path.join(p.env.SESSION_BUS_SOCKET_DIR!, `guard-${pid}`));

describe('working sets', () => {
  it("A writes src/x.ts and has not committed: peers, status and the briefing show it; B's Write to it asks the person, naming A and when; once A commits, B's Write goes through", async () => {
    const p = project({ git: true });
    // Side by side: neither has changed a file yet.
    const [a, b] = await sessionsHere(project, p, A_ID, B_ID);
    await waitFor('A guarded', () => fs.existsSync(path.join(p.env.SESSION_BUS_SOCKET_DIR!, `guard-${a.pid}`)));
    const file = path.join(p.dir, 'src', 'x.ts');
    await written(p, A_ID, a.pid!, p.dir, file, "A's version\n");
    // Shown where people and models look: peers (tool), status (CLI), the SessionStart briefing (read side by side).
    const [peers, status, brief] = await Promise.all([
      b.call('peers', {}),
      p.cliHere(['status']),
      run(process.execPath, [path.join(DIST, 'hook.cjs'), 'SessionStart'], { env: { ...p.env, CLAUDE_PID: '4343', CLAUDE_PROJECT_DIR: p.dir, SESSION_BUS_HOOK_TIMEOUT_MS: '15000' }, input: JSON.stringify({ session_id: 'cccccccc-3333-4000-8000-000000000003', hook_event_name: 'SessionStart', cwd: p.dir, source: 'startup' }) }),
    ]);
    expect(peers.text).toMatch(/^main#aaaaaa .*, editing 1 file: "src\/x\.ts"$/m);
    expect(status.stdout).toMatch(/^main#aaaaaa\s+connected .*\s1: src\/x\.ts$/m);
    expect(JSON.parse(brief.stdout).hookSpecificOutput.additionalContext).toMatch(/main#aaaaaa \([^)]*; editing 1 file: "src\/x\.ts"\)/);

    const asked = out((await editHook('PreToolUse', p, B_ID, b.pid!, p.dir, file)).stdout);
    expect(asked).toMatchObject({ permissionDecision: 'ask' });
    expect(asked.permissionDecisionReason).toMatch(/^"src\/x\.ts" has uncommitted changes by main#aaaaaa \(edited just now\)\. Ask that session with the broadcast tool/);
    // A is told who wanted what.
    await waitFor('A told', async () => (await a.call('inbox', {})).text.includes('wanted to edit src/x.ts (you changed it just now and have not committed) with Write'));

    execFileSync('git', ['-C', p.dir, 'add', 'src/x.ts'], { env: { ...process.env, ...GIT_IDENTITY } });
    execFileSync('git', ['-C', p.dir, 'commit', '-q', '-m', 'x'], { env: { ...process.env, ...GIT_IDENTITY } });
    expect(await editHook('PreToolUse', p, B_ID, b.pid!, p.dir, file)).toMatchObject({ code: 0, stdout: '' });
    expect(fs.readFileSync(file, 'utf8')).toBe("A's version\n");
  });

  it('a session that joins later is protected from edits made before it joined', async () => {
    const p = project({ git: true });
    const a = await session(p, A_ID);
    const file = path.join(p.dir, 'src', 'alone.ts');
    // Alone, A's hooks stay in the shell: nothing is recorded, nothing started.
    await written(p, A_ID, a.pid!, p.dir, file, 'made alone\n');
    const b = await session(p, B_ID);
    // B's hook asks once B is guarded and the daemon's look at A's worktree has made the file A's:
    // waited for with cheap looks, then the hook runs once.
    const watch = await project.connect(p);
    await waitFor('B guarded, the lone file A\'s', async () => guarded(p, b.pid!) && (await editingBy(watch))[A_ID]?.includes('src/alone.ts'), 30_000);
    const asked = out((await editHook('PreToolUse', p, B_ID, b.pid!, p.dir, file)).stdout);
    expect(asked?.permissionDecisionReason).toMatch(/^"src\/alone\.ts" has uncommitted changes by main#aaaaaa/);
  });

  it("CI flake: the files a session made alone become its own when company comes, never the newcomer's (else they left with the newcomer and the next session's Write went through)", async () => {
    // The daemon's first `git status` (its look at A's worktree) answers late, so the look it
    // takes for B answers first: the order that made the flake.
    const p = project({ git: true });
    const bin = path.join(p.base, 'bin');
    fs.mkdirSync(bin);
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\ncase " $* " in *" status "*) mkdir "${bin}/first" 2>/dev/null && sleep 1;; esac\nexec ${realGit} "$@"\n`, { mode: 0o755 });
    p.env.PATH = `${bin}:${p.env.PATH}`;
    const a = await session(p, A_ID);
    const file = path.join(p.dir, 'src', 'alone.ts');
    await written(p, A_ID, a.pid!, p.dir, file, 'made alone\n');
    const b = await session(p, B_ID);
    const watch = await project.connect(p);
    await waitFor('the lone work given to a session', async () => Object.values(await editingBy(watch)).some((paths) => paths.length > 0), 30_000);
    // As a person sees it: status --json.
    const sessions: { sessionId: string; editing?: { paths: string[] } }[] = JSON.parse((await p.cliHere(['status', '--json'])).stdout).sessions;
    expect(Object.fromEntries(sessions.map((s) => [s.sessionId, s.editing?.paths ?? []]))).toMatchObject({ [A_ID]: ['src/alone.ts'], [B_ID]: [] });
    // B leaves; a third session is still asked about A's file.
    await run(process.execPath, [path.join(DIST, 'hook.cjs'), 'SessionEnd'], { env: { ...p.env, CLAUDE_PID: String(b.pid), CLAUDE_PROJECT_DIR: p.dir }, input: JSON.stringify({ session_id: B_ID, hook_event_name: 'SessionEnd', cwd: p.dir, reason: 'exit' }) });
    await b.close();
    const C_ID = 'cccccccc-3333-4000-8000-000000000003';
    const c = await session(p, C_ID);
    await waitFor('C guarded, the file still A\'s', async () => guarded(p, c.pid!) && (await editingBy(watch))[A_ID]?.includes('src/alone.ts'), 30_000);
    const asked = out((await editHook('PreToolUse', p, C_ID, c.pid!, p.dir, file)).stdout);
    expect(asked?.permissionDecisionReason).toMatch(/^"src\/alone\.ts" has uncommitted changes by main#aaaaaa/);
  });

  it('the same path changing in another worktree is no collision on disk: allowed, with a note naming the branch', async () => {
    const p = project({ git: true });
    const wt = `${p.base}/proj-feat-b`;
    execFileSync('git', ['-C', p.dir, 'worktree', 'add', '-q', '-b', 'feat-b', wt]);
    const [a, b] = await sessionsHere(project, p, A_ID, { id: B_ID, dir: wt });
    await waitFor('A guarded', () => fs.existsSync(path.join(p.env.SESSION_BUS_SOCKET_DIR!, `guard-${a.pid}`)));
    await written(p, A_ID, a.pid!, p.dir, path.join(p.dir, 'src', 'x.ts'), 'on main\n');
    const noted = out((await editHook('PreToolUse', p, B_ID, b.pid!, wt, path.join(wt, 'src', 'x.ts'))).stdout);
    expect(noted.permissionDecision).toBeUndefined();
    expect(noted.additionalContext).toBe('session-bus: "src/x.ts" is also changing on main (main#aaaaaa), in another worktree.');
  });

  it("a session's working set ends with it: once A is gone, B's edit of A's file goes through", async () => {
    const p = project({ git: true });
    // Side by side: neither has changed a file yet.
    const [a, b] = await sessionsHere(project, p, A_ID, B_ID);
    await waitFor('A guarded', () => fs.existsSync(path.join(p.env.SESSION_BUS_SOCKET_DIR!, `guard-${a.pid}`)));
    const file = path.join(p.dir, 'src', 'x.ts');
    await written(p, A_ID, a.pid!, p.dir, file, "A's\n");
    expect(out((await editHook('PreToolUse', p, B_ID, b.pid!, p.dir, file)).stdout)?.permissionDecision).toBe('ask');
    await run(process.execPath, [path.join(DIST, 'hook.cjs'), 'SessionEnd'], { env: { ...p.env, CLAUDE_PID: String(a.pid), CLAUDE_PROJECT_DIR: p.dir }, input: JSON.stringify({ session_id: A_ID, hook_event_name: 'SessionEnd', cwd: p.dir, reason: 'exit' }) });
    await a.close();
    await waitFor('B alone: its edit goes through', async () => (await editHook('PreToolUse', p, B_ID, b.pid!, p.dir, file)).stdout === '');
  });

  it("while A has uncommitted edits, B's git stash, git checkout other and git add -A && git commit are stopped naming A and its files; git commit -- B's own file goes through; in another worktree nothing is stopped", async () => {
    const p = project({ git: true });
    execFileSync('git', ['-C', p.dir, 'branch', 'other']);
    const wt = `${p.base}/proj-feat-c`;
    execFileSync('git', ['-C', p.dir, 'worktree', 'add', '-q', '-b', 'feat-c', wt]);
    const C_ID = 'cccccccc-3333-4000-8000-000000000003';
    // Side by side: A and B here, C in the other worktree (none has changed a file yet).
    const [a, b, c] = await sessionsHere(project, p, A_ID, B_ID, { id: C_ID, dir: wt });
    await waitFor('A guarded', () => fs.existsSync(path.join(p.env.SESSION_BUS_SOCKET_DIR!, `guard-${a.pid}`)));
    await written(p, A_ID, a.pid!, p.dir, path.join(p.dir, 'src', 'a.ts'), "A's work\n");
    fs.writeFileSync(path.join(p.dir, 'b.ts'), "B's work\n");

    // The guard only decides (nothing is run): the hooks go side by side.
    const asking = ['git stash', 'git checkout other', 'git add -A && git commit -m x'];
    const [asked, allowedCommit, allowedLs, otherTree] = await Promise.all([
      Promise.all(asking.map((command) => bashHook(p, B_ID, b.pid!, p.dir, command))),
      bashHook(p, B_ID, b.pid!, p.dir, 'git add b.ts && git commit -m b -- b.ts'),
      bashHook(p, B_ID, b.pid!, p.dir, 'ls -la && git status'),
      // A session in another worktree stashes its own worktree: nothing of A's is there.
      bashHook(p, C_ID, c.pid!, wt, 'git stash'),
    ]);
    asking.forEach((command, i) => {
      const r = out(asked[i]!.stdout);
      expect(r, command).toMatchObject({ permissionDecision: 'ask' });
      expect(r.permissionDecisionReason, command).toMatch(/the uncommitted work of session main#aaaaaa in this worktree \(src\/a\.ts; edited just now\)/);
    });
    expect(out(asked[2]!.stdout).permissionDecisionReason).toMatch(/Safer: commit only your own paths: git commit -- /);
    expect(allowedCommit).toMatchObject({ code: 0, stdout: '' });
    expect(allowedLs).toMatchObject({ code: 0, stdout: '' });
    expect(otherTree).toMatchObject({ code: 0, stdout: '' });
    // A is told who wanted to run what.
    await waitFor('A told', async () => (await a.call('inbox', {})).text.includes('wanted to run `git stash`, which would reach your uncommitted src/a.ts'));
  });
});
