/**
 * What the hooks add to every prompt and tool call: the wall time of the hook command, exactly as
 * hooks.json has it and through /bin/sh as the host runs it, in the default set-up (no
 * SESSION_BUS_SOCKET_DIR: the socket dir is derived from the uid, as for a user with no
 * settings), against bare `sh -c true` and `node -e 0`, interleaved sample by sample so all
 * three see the same machine.
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

/** Runs `subject` and both baselines in turn; `before` (untimed) prepares each subject run. */
async function ratio(subject: () => Promise<number>, before: () => Promise<void> = async () => undefined) {
  const node: number[] = [];
  const sh: number[] = [];
  const hook: number[] = [];
  for (let i = 0; i < 3; i++) await timed(process.execPath, ['-e', '0'], process.env); // warm the page cache
  for (let i = 0; i < ROUNDS; i++) {
    node.push(await timed(process.execPath, ['-e', '0'], process.env));
    sh.push(await timed('/bin/sh', ['-c', 'true'], process.env));
    await before();
    hook.push(await subject());
  }
  return { node: median(node), sh: median(sh), hook: median(hook) };
}

const hooksJson = JSON.parse(fs.readFileSync(path.join(DIST, '..', 'hooks', 'hooks.json'), 'utf8'));
const command = (event: string, tool?: string): string =>
  (hooksJson.hooks[event] as { matcher?: string; hooks: { command: string }[] }[]).find((h) => !tool || !h.matcher || h.matcher.split('|').includes(tool))!.hooks[0]!.command;

export async function hookRows(): Promise<BenchRow[]> {
  // Empty means unset: the daemon and the CLI use /tmp/session-bus-<uid>, shared with every
  // other project of this user, so the sessions here carry pids no other bench uses: ours.
  const p = makeProject({ git: true, env: { SESSION_BUS_SOCKET_DIR: '' } });
  const { SESSION_BUS_SOCKET_DIR: _unset, ...userEnv } = p.env;
  const dir = p.endpoint().dir;
  const A = { sessionId: `aaaaaaaa-bench-${process.pid}`, pid: process.ppid, label: 'main#aaaaaa' };
  const B = { sessionId: `bbbbbbbb-bench-${process.pid}`, pid: process.pid };
  const markers = [`pending-${B.pid}`, `live-${B.pid}`, `guard-${B.pid}`].map((m) => path.join(dir, m));
  try {
    const sender = await p.connect();
    // B's MCP server, as far as the broker can tell: a live registration for its Claude pid.
    const bLive = await p.connect();
    await bLive.client.request('register', { ...B, label: 'main#bbbbbb', live: true });
    const env = { ...userEnv, CLAUDE_PID: String(B.pid), CLAUDE_PROJECT_DIR: p.dir, CLAUDE_PLUGIN_ROOT: path.dirname(DIST) };
    const input = JSON.stringify({ session_id: B.sessionId, hook_event_name: 'UserPromptSubmit', cwd: p.dir, prompt: 'go on' });
    const promptHook = () => timed('/bin/sh', ['-c', command('UserPromptSubmit')], env, input);
    const marker = markers[0]!;

    await waitFor('live marker', () => fs.existsSync(markers[1]!));
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
    // The edit guard: alone (no other session holds a path claim) only the shell gate runs; with
    // A's claim on src/ the hook reads its marker and lets a file the claim does not reach go,
    // and asks the daemon about one under it (refused).
    const writeInput = (file: string) => JSON.stringify({ session_id: B.sessionId, hook_event_name: 'PreToolUse', cwd: p.dir, tool_name: 'Write', tool_input: { file_path: path.join(p.dir, file), content: 'x' } });
    const editGate = await ratio(() => timed('/bin/sh', ['-c', command('PreToolUse', 'Write')], env, writeInput('README.md')));
    await sender.client.request('claim', { ...A, resource: 'src' });
    await waitFor('guard marker', () => fs.existsSync(markers[2]!));
    const editCheck = await ratio(() => timed('/bin/sh', ['-c', command('PreToolUse', 'Write')], env, writeInput('README.md')));
    // The policy `warn` keeps the refusals out of the claimant's inbox (each would be a message).
    const editAsk = await ratio(() => timed('/bin/sh', ['-c', command('PreToolUse', 'Write')], { ...env, SESSION_BUS_GUARD: 'warn' }, writeInput('src/a.ts')));
    const bashInput = JSON.stringify({ session_id: B.sessionId, hook_event_name: 'PreToolUse', cwd: p.dir, tool_name: 'Bash', tool_input: { command: 'npm test && git status', description: 'x' } });
    const bashCheck = await ratio(() => timed('/bin/sh', ['-c', command('PreToolUse', 'Bash')], env, bashInput));
    sender.client.close();
    bLive.client.close();

    const figure = (r: typeof idle) => `${(r.hook / r.sh).toFixed(2)}× sh -c true, ${(r.hook / r.node).toFixed(2)}× node -e 0 (${ms(r.hook)}; ${ms(r.sh)}, ${ms(r.node)})`;
    const gate = (name: string, r: typeof idle): BenchRow => ({ row: name, figure: figure(r), target: '≤ 1.10× sh -c true', pass: r.hook <= r.sh * 1.1 });
    const node = (name: string, r: typeof idle, limit: number): BenchRow => ({ row: name, figure: figure(r), target: `≤ ${limit.toFixed(2)}× node -e 0`, pass: r.hook <= r.node * limit });
    return [
      gate('UserPromptSubmit hook via /bin/sh, default set-up, 0 pending, MCP server live (the shell gate)', idle),
      node('UserPromptSubmit hook via /bin/sh, default set-up, 20 pending', pending, 1.15),
      { ...node('  its node path alone, 0 pending (no MCP server)', bare, 1.15), target: '', pass: null },
      gate('PostToolUse hook via /bin/sh, default set-up, nothing pending (the shell gate)', tool),
      gate('PreToolUse edit guard via /bin/sh, no other session holds a path claim (the shell gate)', editGate),
      node('PreToolUse edit guard via /bin/sh, another session holds a claim elsewhere: Node reads the marker (allowed)', editCheck, 1.15),
      { ...node('  a file under that claim: Node asks the daemon (warned)', editAsk, 1.15), target: '', pass: null },
      node('PreToolUse Bash guard via /bin/sh, another session here, a line whose git only reads (Node parses, asks nothing)', bashCheck, 1.15),
      // A hook-like budget: it starts Node and asks the daemon once, like the prompt hook's node path.
      node('session-bus statusline (whole process, daemon running)', statusline, 1.3),
    ];
  } finally {
    await p.cleanup();
    for (const m of markers) fs.rmSync(m, { force: true });
  }
}
