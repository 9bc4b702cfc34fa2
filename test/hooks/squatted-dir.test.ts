/**
 * Issue 14, item 7: another user squats `/tmp/session-bus-<uid>`. Nothing — hook, shell gate,
 * CLI, MCP server — reads or writes in a socket dir it has not verified (ours, 0700, no
 * symlink), and the shell gate never blocks on a special file.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, HOOK, run, useProjects, type TestProject } from '../support/project.ts';
import { NOBODY } from '../hostile/helpers.ts';

const hooksJson = JSON.parse(fs.readFileSync(path.join(DIST, '..', 'hooks', 'hooks.json'), 'utf8'));
const ROOT = process.getuid?.() === 0;

const project = useProjects();

/** The hook command exactly as hooks.json has it, through /bin/sh as the host runs it. */
function gate(event: 'UserPromptSubmit' | 'PostToolUse', env: NodeJS.ProcessEnv, pluginRoot = path.dirname(DIST)) {
  return run('/bin/sh', ['-c', hooksJson.hooks[event][0].hooks[0].command], {
    env: { ...env, CLAUDE_PLUGIN_ROOT: pluginRoot },
    input: JSON.stringify({ session_id: 'squat-1', hook_event_name: event, prompt: 'go' }),
    timeoutMs: 8000,
  });
}

/** A socket dir made by another user, world-writable, with a symlink where our log would go. */
function squat(p: TestProject): { dir: string; victim: string } {
  const dir = p.env.SESSION_BUS_SOCKET_DIR!;
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o777);
  fs.chownSync(dir, NOBODY.uid, NOBODY.gid);
  const victim = path.join(p.base, 'victim-gitconfig');
  fs.writeFileSync(victim, '[user]\n\tname = me\n');
  fs.symlinkSync(victim, p.endpoint().logPath);
  return { dir, victim };
}

describe('a squatted socket dir (issue 14 item 7)', () => {
  it.skipIf(!ROOT)('Another user squats the socket dir: the hook appends nothing through a symlink there, and says why in the plugin data folder', async () => {
    const p = project();
    const { victim } = squat(p);
    const data = path.join(p.base, 'plugin-data');
    fs.mkdirSync(data);
    const r = await run(process.execPath, [HOOK, 'UserPromptSubmit'], {
      env: { ...p.env, CLAUDE_PID: '4242', CLAUDE_PROJECT_DIR: p.dir, CLAUDE_PLUGIN_DATA: data },
      input: JSON.stringify({ session_id: 'squat-1', hook_event_name: 'UserPromptSubmit', cwd: p.dir, prompt: 'go' }),
    });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.readFileSync(victim, 'utf8')).toBe('[user]\n\tname = me\n');
    expect(fs.readFileSync(path.join(data, 'hook.log'), 'utf8')).toMatch(/refusing the socket directory .* owned by uid 65534/);
  });

  it.skipIf(!ROOT)('Another user squats the socket dir: a FIFO planted as the live marker does not hang the prompt', async () => {
    const p = project();
    const { dir } = squat(p);
    execFileSync('mkfifo', [path.join(dir, 'live-4242')]);
    const started = Date.now();
    const r = await gate('UserPromptSubmit', { ...p.env, CLAUDE_PID: '4242', CLAUDE_PROJECT_DIR: p.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('the shell gate never blocks on a special file, even in a socket dir of ours', async () => {
    const p = project();
    const dir = p.env.SESSION_BUS_SOCKET_DIR!;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    execFileSync('mkfifo', [path.join(dir, 'live-4343')]);
    // A plugin root with no bundle: node would fail loudly if it ran. It must run here (the FIFO
    // is no live marker), and the gate must get there without waiting on the FIFO.
    const r = await gate('UserPromptSubmit', { ...p.env, CLAUDE_PID: '4343', CLAUDE_PROJECT_DIR: p.dir }, '/nonexistent');
    expect(r.stderr).toMatch(/Cannot find module/);
  });

  it('in the default set-up (no SESSION_BUS_SOCKET_DIR) the gate finds the uid socket dir without starting a process', async () => {
    const uidDir = `/tmp/session-bus-${process.getuid!()}`;
    fs.mkdirSync(uidDir, { recursive: true, mode: 0o700 });
    const fakeClaude = 900_000 + (process.pid % 90_000);
    const marker = path.join(uidDir, `live-${fakeClaude}`);
    fs.writeFileSync(marker, `${process.pid}\n`);
    project.defer(() => fs.rmSync(marker, { force: true }));
    const env: NodeJS.ProcessEnv = { ...process.env, CLAUDE_PID: String(fakeClaude) };
    delete env.SESSION_BUS_SOCKET_DIR;
    // Nothing pending and a live marker naming a running daemon: the shell alone answers.
    expect(await gate('UserPromptSubmit', env, '/nonexistent')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await gate('PostToolUse', env, '/nonexistent')).toEqual({ code: 0, stdout: '', stderr: '' });
    // With something pending, node is started (and fails here, proving it was).
    fs.writeFileSync(path.join(uidDir, `pending-${fakeClaude}`), '');
    project.defer(() => fs.rmSync(path.join(uidDir, `pending-${fakeClaude}`), { force: true }));
    expect((await gate('PostToolUse', env, '/nonexistent')).stderr).toMatch(/Cannot find module/);
    // No command substitution (dash sets no UID: `$(id -u)` was a fork on every call).
    expect(hooksJson.hooks.UserPromptSubmit[0].hooks[0].command).not.toMatch(/\bid -u\b|\$\(/);
  });
});
