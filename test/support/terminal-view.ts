/**
 * What the tests of the terminal view (test/cli: tail, log, send, doctor, help) share: who
 * speaks, the three messages they read back, how a printed line looks, and the built CLI as a
 * long-running process for what only a process shows (its exit on a signal).
 */
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import { expect } from 'vitest';
import type { Connection } from '../../src/client/connect.ts';
import { startCliHere, type RunningCli } from './cli.ts';
import { CLI } from './paths.ts';
import type { Projects, TestProject } from './project.ts';

export const USER = os.userInfo().username;
/** Plain output whatever the runner's environment says about colors. */
export const PLAIN = { NO_COLOR: '', FORCE_COLOR: '' };

/** A session's identity: `label#nnnnnn`, this process's pid. */
export const who = (n: number, label: string) => ({ sessionId: `${label}-session-${n}`, pid: process.pid, label: `${label}#${String(n).repeat(6)}` });

/** A line of `tail`: time, sender, [kind], (to …), text. */
export const LINE = /^\d\d:\d\d:\d\d {2}(\S+) {2,}\[(\w+)\](?: \(to [^)]*\))? {2}(.*)$/;

/** Three messages: a lock from main#111111, a handoff from feat-login#222222, a note from the human. */
export async function seed(p: TestProject): Promise<Connection> {
  const conn = await p.connect();
  const a = who(1, 'main');
  const b = who(2, 'feat-login');
  // Distinct pids: a session's own messages are not "for" it, and pid counts as identity.
  b.pid = 0;
  await conn.client.request('broadcast', { ...a, text: 'holding the dev server on :1420', kind: 'lock' });
  await conn.client.request('broadcast', { ...b, text: 'branch feat-login pushed, safe to rebase', kind: 'handoff' });
  expect((await p.cliHere(['send', 'lunch, back at 2'], PLAIN)).stdout).toMatch(new RegExp(`^sent #3 as human:${USER}`));
  return conn;
}

/** The built CLI as a long-running process (tail -f) whose output a test can wait on; killed after the test. */
export function startCliProcess(projects: Projects, p: TestProject, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [CLI, ...args, '--project', p.dir], { env: { ...p.env, ...PLAIN, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  projects.defer(() => child.kill('SIGKILL'));
  const out = { stdout: '', stderr: '', code: undefined as number | null | undefined };
  child.stdout!.on('data', (d) => (out.stdout += d));
  child.stderr!.on('data', (d) => (out.stderr += d));
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r((out.code = code))));
  return { child, out, exited };
}

/** The command run in this process until the test stops it (`tail -f`); stopped after the test if it is still running. */
export function startCliHereOn(projects: Projects, p: TestProject, args: string[], extraEnv: NodeJS.ProcessEnv = {}): RunningCli {
  const cli = startCliHere([...args, '--project', p.dir], { ...p.env, ...PLAIN, ...extraEnv });
  projects.defer(async () => {
    cli.stop(130);
    await cli.exited;
  });
  return cli;
}
