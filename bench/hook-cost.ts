/**
 * What the hooks add to every prompt and tool call: the wall time of the hook command, exactly as
 * hooks.json has it and through the shell as the host runs it, against bare `node -e 0`,
 * interleaved sample by sample so both see the same machine.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIST, HOOK, makeProject, waitFor } from '../test/support/project.ts';
import { median, ms, type BenchRow } from './table.ts';

const ROUNDS = Number(process.env.BENCH_HOOK_ROUNDS ?? 40);

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** Runs `subject` and the baseline alternately; `before` (untimed) prepares each subject run. */
async function ratio(subject: () => Promise<number>, before: () => Promise<void> = async () => undefined) {
  const base: number[] = [];
  const hook: number[] = [];
  for (let i = 0; i < 3; i++) await timed(process.execPath, ['-e', '0'], process.env); // warm the page cache
  for (let i = 0; i < ROUNDS; i++) {
    base.push(await timed(process.execPath, ['-e', '0'], process.env));
    await before();
    hook.push(await subject());
  }
  return { base: median(base), hook: median(hook), ratio: median(hook) / median(base) };
}

const hooksJson = JSON.parse(fs.readFileSync(path.join(DIST, '..', 'hooks', 'hooks.json'), 'utf8'));
const command = (event: string): string => hooksJson.hooks[event][0].hooks[0].command;

export async function hookRows(): Promise<BenchRow[]> {
  const p = makeProject({ git: true });
  try {
    const sender = await p.connect();
    const A = { sessionId: 'aaaaaaaa-bench', pid: 1001, label: 'main#aaaaaa' };
    const B = { sessionId: 'bbbbbbbb-bench', pid: 1002 };
    // B's MCP server, as far as the broker can tell: a live registration for its Claude pid.
    const bLive = await p.connect();
    await bLive.client.request('register', { ...B, label: 'main#bbbbbb', live: true });
    const env = { ...p.env, CLAUDE_PID: String(B.pid), CLAUDE_PROJECT_DIR: p.dir, CLAUDE_PLUGIN_ROOT: path.dirname(DIST) };
    const input = JSON.stringify({ session_id: B.sessionId, hook_event_name: 'UserPromptSubmit', cwd: p.dir, prompt: 'go on' });
    const promptHook = () => timed('/bin/sh', ['-c', command('UserPromptSubmit')], env, input);
    const marker = path.join(p.env.SESSION_BUS_SOCKET_DIR!, `pending-${B.pid}`);

    const idle = await ratio(promptHook);
    const pending = await ratio(promptHook, async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => sender.client.request('broadcast', { ...A, text: `bench message ${i} ${'x'.repeat(60)}` })));
      await waitFor('pending marker', () => fs.existsSync(marker));
    });
    // The hook's own Node path when it must run (no live MCP server, or messages pending).
    const nodeEnv = { ...env, CLAUDE_PID: String(B.pid + 1) };
    const bare = await ratio(() => timed(process.execPath, [HOOK, 'UserPromptSubmit'], nodeEnv, input));

    await waitFor('no pending marker', () => !fs.existsSync(marker));
    const toolInput = JSON.stringify({ session_id: B.sessionId, hook_event_name: 'PostToolUse', cwd: p.dir, tool_name: 'Bash' });
    const tool = await ratio(() => timed('/bin/sh', ['-c', command('PostToolUse')], env, toolInput));
    // Claude Code runs the statusLine command on every refresh of its bar: a whole process, as
    // `session-bus statusline` in settings.json starts it (plugin/bin/session-bus), asking the running daemon.
    const lineInput = JSON.stringify({ session_id: B.sessionId, cwd: p.dir, workspace: { project_dir: p.dir, current_dir: p.dir } });
    const bin = path.join(DIST, '..', 'bin', 'session-bus');
    const statusline = await ratio(() => timed(process.execPath, [bin, 'statusline'], { ...env, CLAUDE_PROJECT_DIR: p.dir }, lineInput));
    sender.client.close();
    bLive.client.close();

    const row = (name: string, r: typeof idle, limit: number): BenchRow => ({
      row: name,
      figure: `${r.ratio.toFixed(2)}× (${ms(r.hook)} vs ${ms(r.base)})`,
      target: `≤ ${limit.toFixed(2)}×`,
      pass: r.ratio <= limit,
    });
    return [
      row('UserPromptSubmit hook, 0 pending / node -e 0', idle, 1.15),
      row('UserPromptSubmit hook, 20 pending / node -e 0', pending, 1.15),
      { ...row('  its node path alone, 0 pending (no MCP server) / node -e 0', bare, 1.15), target: '', pass: null },
      row('PostToolUse hook, nothing pending / node -e 0', tool, 1.1),
      // A hook-like budget: it starts Node and asks the daemon once, like the prompt hook's node path.
      row('session-bus statusline (whole process, daemon running) / node -e 0', statusline, 1.3),
    ];
  } finally {
    await p.cleanup();
  }
}
