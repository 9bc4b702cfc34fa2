/**
 * npm run demo: a real broker for a temporary repository with two worktrees, two simulated
 * Claude Code sessions, and the status table. Session A (branch main) is the plugin's real MCP
 * server, driven by the MCP SDK's client as Claude Code would; session B (branch feat-b, its own
 * worktree) is the plugin's real prompt hook, fed the JSON the host sends.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../plugin/dist');
const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'session-bus-demo-')));
// A repository (branch main) and a second worktree (branch feat-b): labels are branch#id.
const project = path.join(base, 'my-app');
const featB = path.join(base, 'my-app-feat-b');
const git = (...args: string[]) => execFileSync('git', args, { stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'demo', GIT_AUTHOR_EMAIL: 'demo@example.com', GIT_COMMITTER_NAME: 'demo', GIT_COMMITTER_EMAIL: 'demo@example.com' } });
git('init', '-q', '-b', 'main', project);
git('-C', project, 'commit', '-q', '--allow-empty', '-m', 'init');
git('-C', project, 'worktree', 'add', '-q', '-b', 'feat-b', featB);
const env = { ...process.env, SESSION_BUS_SOCKET_DIR: path.join(base, 'sock') } as Record<string, string>;
const cli = (...args: string[]) => execFileSync(process.execPath, [path.join(dist, 'cli.mjs'), ...args, '--project', project], { env, encoding: 'utf8' });
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const hookB = () =>
  execFileSync(process.execPath, [path.join(dist, 'hook.cjs')], {
    cwd: featB,
    env: { ...env, CLAUDE_PROJECT_DIR: featB, CLAUDE_PID: '4002' },
    input: JSON.stringify({ session_id: B, hook_event_name: 'UserPromptSubmit', cwd: featB, prompt: 'next step' }),
    encoding: 'utf8',
  });

const step = (s: string) => console.log(`\n\u2500\u2500 ${s}`);

async function main() {
  console.log(`session-bus demo: project ${project}`);
  step('session B (feat-b#bbbbbb, worktree my-app-feat-b) starts: its prompt hook starts the broker and registers it');
  console.log(hookB() || '(no unread messages)');

  step('session A (main#aaaaaa) starts: the plugin MCP server, driven by the MCP SDK client');
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [path.join(dist, 'mcp.mjs')],
    cwd: project,
    env: { ...env, CLAUDE_PROJECT_DIR: project, CLAUDE_CODE_SESSION_ID: 'aaaaaaaa-0000-4000-8000-000000000001' },
    stderr: 'inherit',
  });
  const client = new Client({ name: 'demo', version: '0' });
  await client.connect(transport);
  const tools = await client.listTools();
  console.log(`tools: ${tools.tools.map((t) => t.name).join(', ')}`);
  // A claim, not a `lock` broadcast: the bus refuses double booking and announces it itself.
  const claimed = await client.callTool({ name: 'claim', arguments: { resource: 'port:1420', note: 'dev server' } });
  console.log(`A claim port:1420 -> ${(claimed.content as { text: string }[])[0]!.text}`);
  const sent = await client.callTool({ name: 'broadcast', arguments: { text: 'dev server is up on :1420, use it instead of starting one' } });
  console.log(`A broadcast -> ${(sent.content as { text: string }[])[0]!.text}`);

  step("session B's next prompt: the hook delivers A's claim and message as additionalContext");
  const out = hookB();
  console.log(JSON.parse(out).hookSpecificOutput.additionalContext);

  step('a human sends from the shell');
  process.stdout.write(cli('send', 'lunch break, back at 14:00'));

  step('session-bus status');
  console.log(cli('status'));
  await client.close();
}

main()
  .catch((err) => {
    console.error(`demo failed: ${err.message}`);
    process.exitCode = 1;
  })
  .finally(() => {
    try {
      cli('stop');
    } catch {
      // Not running.
    }
    fs.rmSync(base, { recursive: true, force: true });
  });
