/**
 * Running the real `claude` binary headless against the Messages API stand-in, with this
 * repository's plugin loaded. Every session gets its own HOME; every process is killed when a
 * helper returns or times out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../support/project.ts';
import type { FakeAnthropic } from './fake-anthropic.ts';

export const CLAUDE = path.join(REPO, 'node_modules', '.bin', 'claude');
export const PLUGIN_DIR = path.join(REPO, 'plugin');
export const TOOL_PREFIX = 'mcp__plugin_session-bus_bus__';

/**
 * The only limit on a run of the host: a backstop against a hang, never a budget. The tests wait
 * for the event they need (a process exit, a result, a request reaching the stand-in) however
 * long a loaded machine takes (a turn that takes 15 s alone took over 60 s at load 14 on two
 * cores); this only ends a run that will never get there.
 */
export const HANG_MS = 10 * 60_000;

export interface ClaudeEnv {
  fake: FakeAnthropic;
  /** Extra environment (the project's SESSION_BUS_SOCKET_DIR, ...). */
  env: NodeJS.ProcessEnv;
  home?: string;
}

export function claudeEnv({ fake, env, home }: ClaudeEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    HOME: home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sb-test-home-')),
    ANTHROPIC_BASE_URL: fake.url,
    ANTHROPIC_API_KEY: 'test-key',
    DISABLE_AUTOUPDATER: '1',
    ENABLE_TOOL_SEARCH: 'false',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  };
}

export interface TurnResult {
  code: number | null;
  json: { session_id: string; result?: string; is_error?: boolean } | undefined;
  stdout: string;
  stderr: string;
}

/** One headless turn: `claude -p PROMPT` (optionally `--resume ID`). */
export function runClaude(opts: { prompt: string; cwd: string; env: NodeJS.ProcessEnv; resume?: string; timeoutMs?: number; allowedTools?: string[] }): Promise<TurnResult> {
  const args = ['-p', opts.prompt, '--output-format', 'json', '--plugin-dir', PLUGIN_DIR, '--allowedTools', ['mcp__plugin_session-bus_bus', ...(opts.allowedTools ?? [])].join(',')];
  if (opts.resume) args.push('--resume', opts.resume);
  return new Promise((resolve, reject) => {
    const child = spawn(CLAUDE, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? HANG_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      let json;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code, json, stdout, stderr });
    });
  });
}

/** A session kept alive between turns: stream-json input held open. */
export class StreamingSession {
  readonly child: ChildProcess;
  readonly events: { type: string; subtype?: string; session_id?: string; [k: string]: unknown }[] = [];
  private buf = '';

  constructor(opts: { cwd: string; env: NodeJS.ProcessEnv; allowedTools?: string[] }) {
    this.child = spawn(
      CLAUDE,
      ['-p', '--input-format', 'stream-json', '--output-format', 'stream-json', '--verbose', '--plugin-dir', PLUGIN_DIR, '--allowedTools', ['mcp__plugin_session-bus_bus', ...(opts.allowedTools ?? [])].join(',')],
      { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child.stdout!.on('data', (d: Buffer) => {
      this.buf += d.toString();
      let nl;
      while ((nl = this.buf.indexOf('\n')) >= 0) {
        const line = this.buf.slice(0, nl);
        this.buf = this.buf.slice(nl + 1);
        try {
          this.events.push(JSON.parse(line));
        } catch {
          // Not an event line.
        }
      }
    });
    this.child.stderr!.on('data', () => undefined);
    this.child.stdin!.on('error', () => undefined);
  }

  send(text: string): void {
    this.child.stdin!.write(JSON.stringify({ type: 'user', message: { role: 'user', content: text } }) + '\n');
  }

  get sessionId(): string | undefined {
    return this.events.find((e) => e.session_id)?.session_id;
  }

  /** Turns finished so far (`result` events). */
  get results(): number {
    return this.events.filter((e) => e.type === 'result').length;
  }

  /** Ends the session as a user would (input closed); killed if it does not go. Idempotent. */
  close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    this.closing ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      this.child.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.stdin!.end();
    });
    return this.closing;
  }

  private closing: Promise<void> | undefined;
}
