/**
 * The guard for people at a terminal (issue 16, item 6): `session-bus guard install` puts a git
 * pre-commit hook in the repository that warns when a commit includes files a live session has
 * changed and not committed, or has claimed; a hook already there still runs first; uninstall
 * puts it back.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, run, useProjects, waitFor } from '../support/project.ts';
import { GIT_IDENTITY } from '../support/git-template.ts';

const hooksJson = JSON.parse(fs.readFileSync(path.join(DIST, '..', 'hooks', 'hooks.json'), 'utf8'));
const A_ID = 'aaaaaaaa-1111-4000-8000-000000000001';
const B_ID = 'bbbbbbbb-2222-4000-8000-000000000002';
const project = useProjects();

describe('guard install: a pre-commit hook for people', () => {
  it("warns a human committing A's uncommitted file or A's claimed one, lets the commit go, runs the hook that was there first, and uninstalls cleanly", async () => {
    const p = project({ git: true });
    const a = await project.mcp(p, A_ID, { host: 'here' });
    await project.mcp(p, B_ID, { host: 'here' });
    await waitFor('A guarded', () => fs.existsSync(path.join(p.env.SESSION_BUS_SOCKET_DIR!, `guard-${a.pid}`)));
    // A writes src/a.ts (its PostToolUse hook records it) and claims docs/.
    fs.mkdirSync(path.join(p.dir, 'src'));
    fs.writeFileSync(path.join(p.dir, 'src', 'a.ts'), "A's work\n");
    const record = hooksJson.hooks.PostToolUse.find((h: { matcher?: string }) => h.matcher?.includes('Write'));
    await run('/bin/sh', ['-c', record.hooks[0].command], {
      env: { ...p.env, CLAUDE_PID: String(a.pid), CLAUDE_PROJECT_DIR: p.dir, CLAUDE_PLUGIN_ROOT: path.dirname(DIST) },
      input: JSON.stringify({ session_id: A_ID, hook_event_name: 'PostToolUse', cwd: p.dir, tool_name: 'Write', tool_input: { file_path: path.join(p.dir, 'src', 'a.ts') } }),
    });
    expect((await a.call('claim', { resource: 'docs', note: 'rewriting the guide' })).isError).toBe(false);

    const hooks = path.join(p.dir, '.git', 'hooks');
    const before = '#!/bin/sh\necho "the team\'s own check ran" > "$(git rev-parse --git-dir)/own-check"\n';
    fs.mkdirSync(hooks, { recursive: true });
    fs.writeFileSync(path.join(hooks, 'pre-commit'), before, { mode: 0o755 });
    expect((await p.cliHere(['guard', 'install'])).stdout).toMatch(/^installed the session-bus pre-commit hook in .*\(the one there runs first, as pre-commit\.before-session-bus\)\n$/);

    fs.mkdirSync(path.join(p.dir, 'docs'));
    fs.writeFileSync(path.join(p.dir, 'docs', 'guide.md'), 'mine\n');
    fs.writeFileSync(path.join(p.dir, 'mine.ts'), 'mine\n');
    // A person at a terminal: no Claude Code variables.
    const human: NodeJS.ProcessEnv = { ...p.env, ...GIT_IDENTITY };
    delete human.CLAUDE_CODE_SESSION_ID;
    delete human.CLAUDE_PID;
    const git = (...args: string[]) => spawnSync('git', ['-C', p.dir, ...args], { env: human, encoding: 'utf8' });
    git('add', 'src/a.ts', 'docs/guide.md', 'mine.ts');
    const commit = git('commit', '-m', 'everything');
    expect(commit.status).toBe(0);
    expect(commit.stderr).toContain('session-bus: this commit includes files other sessions are working on:');
    expect(commit.stderr).toMatch(/^ {2}src\/a\.ts: changed and not committed by main#aaaaaa$/m);
    expect(commit.stderr).toMatch(/^ {2}docs\/guide\.md: claimed by main#aaaaaa \("rewriting the guide"\)$/m);
    expect(commit.stderr).not.toContain('mine.ts');
    expect(fs.readFileSync(path.join(p.dir, '.git', 'own-check'), 'utf8')).toBe("the team's own check ran\n");

    // The hook that was there can still stop a commit.
    fs.writeFileSync(path.join(hooks, 'pre-commit.before-session-bus'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    fs.writeFileSync(path.join(p.dir, 'mine.ts'), 'more\n');
    git('add', 'mine.ts');
    expect(git('commit', '-m', 'stopped').status).not.toBe(0);
    fs.writeFileSync(path.join(hooks, 'pre-commit.before-session-bus'), before, { mode: 0o755 });

    expect((await p.cliHere(['guard', 'uninstall'])).stdout).toMatch(/^removed the session-bus pre-commit hook from .* \(the one it chained is back in place\)\n$/);
    expect(fs.readFileSync(path.join(hooks, 'pre-commit'), 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(hooks, 'pre-commit.before-session-bus'))).toBe(false);
    expect((await p.cliHere(['guard', 'install'])).code).toBe(0);
    expect((await p.cliHere(['guard', 'uninstall'])).code).toBe(0);
    expect(fs.readFileSync(path.join(hooks, 'pre-commit'), 'utf8')).toBe(before);
  });

  it('newcomer tryout 2026-12-02: guard install outside git printed git\'s "fatal: not a git repository" twice and "Command failed: git -C …"', async () => {
    const p = project();
    // The built CLI as a process: git's own stderr would reach the terminal past the CLI's words.
    const [install, uninstall] = await Promise.all([p.cli(['guard', 'install']), p.cli(['guard', 'uninstall'])]);
    for (const [verb, r] of [['install', install], ['uninstall', uninstall]] as const) {
      expect(r.code, verb).toBe(2);
      expect(r.stderr).toBe(`session-bus: guard ${verb} works on a git repository, and ${p.dir} is not in one\nRun \`session-bus --help\` for usage.\n`);
      expect(r.stdout).toBe('');
    }
  });

  it('guard install wrote the CLI\'s path into the hook inside double quotes: a plugin folder named with " and $( ran what it named at every commit', async () => {
    const p = project({ git: true });
    // The plugin where its folder's name holds shell syntax (the user's, or a marketplace's, choice).
    const dist = path.join(p.base, 'plug"$(touch INJECTED)"in', 'dist');
    fs.cpSync(DIST, dist, { recursive: true });
    const install = await run(process.execPath, [path.join(dist, 'cli.mjs'), 'guard', 'install', '--project', p.dir], { env: p.env });
    expect(install.code, install.stderr).toBe(0);
    const hook = spawnSync('/bin/sh', [path.join(p.dir, '.git', 'hooks', 'pre-commit')], { cwd: p.dir, env: p.env, encoding: 'utf8' });
    expect(hook.status).toBe(0);
    // The check ran (no "not found" from sh) and nothing the name says did.
    expect(hook.stderr).toBe('');
    expect(fs.existsSync(path.join(p.dir, 'INJECTED'))).toBe(false);
  });
});
