/**
 * A throwaway project with its own socket dir, for tests that run real daemons. `cleanup()`
 * stops the project's daemon (and kills it if it does not go) and removes the folders.
 */
import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectOrSpawn, type ConnectOptions, type Connection } from '../../src/client/connect.ts';
import { endpointFor, type Endpoint } from '../../src/place/endpoint.ts';
import { locateProject } from '../../src/place/project.ts';
import { findTestDaemons } from './global-setup.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(REPO, 'plugin', 'dist');
export const CLI = path.join(DIST, 'cli.mjs');
export const HOOK = path.join(DIST, 'hook.cjs');

export interface TestProject {
  dir: string;
  base: string;
  env: NodeJS.ProcessEnv;
  endpoint: () => Endpoint;
  mailboxPath: () => string;
  connect(options?: ConnectOptions): Promise<Connection>;
  cli(args: string[], extraEnv?: NodeJS.ProcessEnv): Promise<RunResult>;
  daemonPids(): number[];
  cleanup(): Promise<void>;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function makeProject(options: { git?: boolean; env?: NodeJS.ProcessEnv } = {}): TestProject {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sb-test-')));
  const dir = path.join(base, 'proj');
  fs.mkdirSync(dir);
  if (options.git) {
    execFileSync('git', ['init', '-q', '-b', 'main', dir]);
    execFileSync('git', ['-C', dir, 'commit', '-q', '--allow-empty', '-m', 'init'], {
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
    });
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SESSION_BUS_SOCKET_DIR: path.join(base, 's'),
    // A backstop: a daemon a failed test forgot still goes away by itself.
    SESSION_BUS_IDLE_MS: '120000',
    ...options.env,
  };
  const project: TestProject = {
    dir,
    base,
    env,
    endpoint: () => endpointFor(locateProject(dir).busRoot, env),
    mailboxPath: () => locateProject(dir).mailboxPath,
    connect: (o = {}) => connectOrSpawn(dir, { env, ...o }),
    cli: (args, extraEnv = {}) => run(process.execPath, [CLI, ...args, '--project', dir], { env: { ...env, ...extraEnv } }),
    daemonPids: () => findTestDaemons().filter((pid) => readCmdline(pid).includes(dir)),
    async cleanup() {
      await project.cli(['stop']).catch(() => undefined);
      for (let i = 0; i < 40 && project.daemonPids().length > 0; i++) await sleep(50);
      for (const pid of project.daemonPids()) process.kill(pid, 'SIGKILL');
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
  return project;
}

export function readCmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

export function run(cmd: string, args: string[], options: SpawnOptions & { input?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    // A child may exit without reading its input (the PostToolUse command does, by design).
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(options.input ?? '');
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function waitFor<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
