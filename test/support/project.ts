/**
 * A throwaway project with its own socket dir, for tests that run real daemons. `cleanup()`
 * stops the project's daemons (and kills them if they do not go) and removes the folders.
 *
 * `useProjects()` is the fixture a test file uses: it returns a factory of projects whose
 * projects, connections, MCP sessions and anything else deferred are undone after each test
 * (or once after the file, for a project that its tests share).
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { connectOrSpawn, type ConnectOptions, type Connection } from '../../src/client/connect.ts';
import { endpointFor, type Endpoint } from '../../src/place/endpoint.ts';
import { locateProject } from '../../src/place/project.ts';
import { cliHere, type CliResult } from './cli.ts';
import { gitTemplate } from './git-template.ts';
import { startMcp, type McpOptions, type McpSession } from './mcp.ts';
import { CLI, DAEMON } from './paths.ts';
import { isAlive, isDead, pidsRunning, readCmdline } from './proc.ts';

export { CLI, DAEMON, DIST, HOOK, REPO } from './paths.ts';
export { isAlive, isDead, readCmdline };

export interface TestProject {
  dir: string;
  base: string;
  env: NodeJS.ProcessEnv;
  endpoint: () => Endpoint;
  mailboxPath: () => string;
  connect(options?: ConnectOptions): Promise<Connection>;
  /** The built CLI on this project, run as a process. */
  cli(args: string[], extraEnv?: NodeJS.ProcessEnv): Promise<RunResult>;
  /** The same command run in this process (support/cli.ts): its output and exit code without a Node start. */
  cliHere(args: string[], extraEnv?: NodeJS.ProcessEnv): Promise<CliResult>;
  daemonPids(): number[];
  cleanup(): Promise<void>;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ProjectOptions {
  /** A git repository with one commit on `main` (labels are then `main#…`). */
  git?: boolean;
  env?: NodeJS.ProcessEnv;
}

export function makeProject(options: ProjectOptions = {}): TestProject {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sb-test-')));
  const dir = path.join(base, 'proj');
  fs.mkdirSync(dir);
  // A repository with one commit on main: a copy of the run's (git-template.ts).
  if (options.git) fs.cpSync(gitTemplate(), path.join(dir, '.git'), { recursive: true });
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
    cliHere: (args, extraEnv = {}) => cliHere([...args, '--project', dir], { ...env, ...extraEnv }),
    daemonPids: () => pidsRunning(DAEMON, dir),
    async cleanup() {
      // Every daemon serving a folder of this project (a worktree, a copied plugin's bundle
      // too) gets SIGTERM, the daemon's own orderly stop (what `session-bus stop` asks for over
      // the socket, without a CLI process per project; `stop` itself is tested in the CLI tests).
      const pids = pidsRunning('daemon.js', `${base}/`);
      for (const pid of pids) signal(pid, 'SIGTERM');
      await waitFor('the daemons to stop', () => pids.every(isDead), 2000).catch(() => undefined);
      for (const pid of pids) if (!isDead(pid)) signal(pid, 'SIGKILL');
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
  return project;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Gone already.
  }
}

/** The factory `useProjects()` returns. */
export interface Projects {
  /** A fresh project, cleaned up after the test (after the file, for `useProjects({ scope: 'file' })`). */
  (options?: ProjectOptions): TestProject;
  /** A connection to `p`'s daemon (started if need be), closed at the same time. */
  connect(p: TestProject, options?: ConnectOptions): Promise<Connection>;
  /** A session's real MCP server on `p` (in `dir`, default the project's), closed at the same time. */
  mcp(p: TestProject, sessionId: string, options?: { dir?: string; env?: NodeJS.ProcessEnv } & McpOptions): Promise<McpSession>;
  /** Anything else to undo (a server, a child, a mount); undone last added first, before the projects go. */
  defer(undo: () => unknown): void;
  /** The projects made so far and not yet cleaned up. */
  readonly list: readonly TestProject[];
}

/**
 * The fixture: call once at the top of a test file. Everything made through the factory is
 * undone in one afterEach (or one afterAll with `scope: 'file'`): open connections and MCP
 * sessions first (all at once), then the deferred undos (last added first), then every project
 * is stopped and removed.
 * `onFailure` sees the projects of a failed test before they go (to print their daemon logs).
 */
export function useProjects(options: { scope?: 'test' | 'file'; onFailure?: (projects: readonly TestProject[]) => void } = {}): Projects {
  const list: TestProject[] = [];
  /** Connections and MCP sessions: closed all at once, first. */
  const closers: (() => unknown)[] = [];
  const undos: (() => unknown)[] = [];
  const make = ((o?: ProjectOptions) => {
    const p = makeProject(o);
    list.push(p);
    return p;
  }) as Projects;
  Object.defineProperty(make, 'list', { get: () => list });
  make.defer = (undo) => void undos.push(undo);
  make.connect = async (p, o) => {
    const c = await p.connect(o);
    closers.push(() => c.client.close());
    return c;
  };
  make.mcp = async (p, sessionId, o = {}) => {
    const s = await startMcp(o.env ?? p.env, sessionId, o.dir ?? p.dir, { host: o.host });
    closers.push(() => s.close());
    return s;
  };
  const teardown = async () => {
    await Promise.all(closers.splice(0).map(async (close) => close()).map((closing) => closing.catch(() => undefined)));
    for (const undo of undos.splice(0).reverse()) {
      try {
        await undo();
      } catch {
        // Undo what can be; the projects still go.
      }
    }
    await Promise.all(list.splice(0).map((p) => p.cleanup()));
  };
  if (options.scope === 'file') {
    afterAll(teardown);
  } else {
    afterEach(async (ctx) => {
      if (ctx.task.result?.state === 'fail') options.onFailure?.(list);
      await teardown();
    });
  }
  return make;
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
