/**
 * The plugin's MCP server (stdio). It speaks for the Claude Code session that spawned it: the
 * session id it was started with and its parent process, the Claude Code process.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { randomUUID } from 'node:crypto';
import { claudeIdentity } from '../place/identity.ts';
import { VERSION } from '../protocol/version.ts';
import { WAKE_POLICIES, type WakePolicy } from '../protocol/messages.ts';
import { BusSession } from './bus-session.ts';
import { hostInboxFromEnv } from './host-inbox.ts';
import { LeanToolsTransport } from './lean-tools.ts';
import { noElicitationValidator } from './no-elicitation.ts';
import { Pusher } from './pusher.ts';
import { registerTools } from './tools.ts';

async function main(): Promise<void> {
  const projectDir = process.env.CLAUDE_PROJECT_DIR || process.cwd();
  // Outside Claude Code (another MCP client) there is no session id, and the parent may host
  // many servers: make an id for this process and do not correlate by the parent's pid.
  const hostedByClaude = Boolean(process.env.CLAUDE_CODE_SESSION_ID);
  const sessionId = process.env.CLAUDE_CODE_SESSION_ID || `mcp-${randomUUID()}`;
  const bus = new BusSession(projectDir, claudeIdentity(sessionId, hostedByClaude ? process.ppid : 0, projectDir));
  const server = new McpServer({ name: 'session-bus', version: VERSION }, { jsonSchemaValidator: noElicitationValidator });
  registerTools(server, bus);
  const log = (msg: string) => process.stderr.write(`session-bus: ${msg}\n`);
  const inbox = hostInboxFromEnv(process.env);
  const policy = wakePolicy(process.env.SESSION_BUS_WAKE, log);
  // Without the host's inbox socket, hooks are the only way in (PostToolUse, UserPromptSubmit).
  if (inbox && policy !== 'none') {
    const pusher = new Pusher(bus, inbox, log);
    bus.push = policy;
    bus.onWake = () => pusher.wake();
  }
  await server.connect(new LeanToolsTransport());
  // Register now, so the session is present and its unread position starts at its start.
  bus.start().catch((err: Error) => process.stderr.write(`session-bus: broker not reachable yet (retrying): ${err.message}\n`));
  const stop = () => {
    bus.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdin.on('close', stop);
}

function wakePolicy(raw: string | undefined, log: (m: string) => void): WakePolicy {
  if (!raw) return 'direct';
  if ((WAKE_POLICIES as readonly string[]).includes(raw)) return raw as WakePolicy;
  log(`SESSION_BUS_WAKE must be one of ${WAKE_POLICIES.join(', ')}, not ${JSON.stringify(raw)}; using direct`);
  return 'direct';
}

main().catch((err: Error) => {
  process.stderr.write(`session-bus MCP server failed: ${err.message}\n`);
  process.exit(1);
});
