/**
 * npm run demo: a real broker for a temporary project, two simulated Claude Code sessions, and
 * the status table. Session A is the plugin's real MCP server, driven by the MCP SDK's client
 * as Claude Code would; session B is the plugin's real prompt hook, fed the JSON the host sends.
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
const project = path.join(base, 'my-app');
fs.mkdirSync(project);
const env = { ...process.env, SESSION_BUS_SOCKET_DIR: path.join(base, 'sock'), CLAUDE_PROJECT_DIR: project } as Record<string, string>;
const cli = (...args: string[]) => execFileSync(process.execPath, [path.join(dist, 'cli.mjs'), ...args, '--project', project], { env, encoding: 'utf8' });
const hook = (sessionId: string, pid: number) =>
  execFileSync(process.execPath, [path.join(dist, 'hook.cjs')], {
    env: { ...env, CLAUDE_PID: String(pid) },
    input: JSON.stringify({ session_id: sessionId, hook_event_name: 'UserPromptSubmit', cwd: project, prompt: 'next step' }),
    encoding: 'utf8',
  });

const step = (s: string) => console.log(`\n\u2500\u2500 ${s}`);

async function main() {
  console.log(`session-bus demo: project ${project}`);
  step('session B (feat-b) starts: its prompt hook starts the broker and registers it');
  console.log(hook('bbbbbbbb-0000-4000-8000-000000000002', 4002) || '(no unread messages)');

  step('session A (main) starts: the plugin MCP server, driven by the MCP SDK client');
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [path.join(dist, 'mcp.mjs')],
    env: { ...env, CLAUDE_CODE_SESSION_ID: 'aaaaaaaa-0000-4000-8000-000000000001' },
    stderr: 'inherit',
  });
  const client = new Client({ name: 'demo', version: '0' });
  await client.connect(transport);
  const tools = await client.listTools();
  console.log(`tools: ${tools.tools.map((t) => t.name).join(', ')}`);
  const sent = await client.callTool({ name: 'broadcast', arguments: { text: 'holding the dev server on :1420', kind: 'lock' } });
  console.log(`A broadcast -> ${(sent.content as { text: string }[])[0]!.text}`);

  step("session B's next prompt: the hook delivers A's message as additionalContext");
  const out = hook('bbbbbbbb-0000-4000-8000-000000000002', 4002);
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
