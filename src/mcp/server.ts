/**
 * The plugin's MCP server, given everything it takes from its process in `io`: its environment,
 * the process that started it, its folder, the transport it speaks MCP over, and where its log
 * lines go. main.ts runs it over stdio for Claude Code; a test runs it in its own process over
 * an in-memory transport, against the same real daemon, without a Node start per session.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { randomUUID } from 'node:crypto';
import { claudeIdentity } from '../place/identity.ts';
import { VERSION } from '../protocol/version.ts';
import { WAKE_POLICIES, type WakePolicy } from '../protocol/messages.ts';
import { BusSession } from './bus-session.ts';
import { hostInboxFromEnv } from './host-inbox.ts';
import { withLeanToolsList } from './lean-tools.ts';
import { noElicitationValidator } from './no-elicitation.ts';
import { Pusher } from './pusher.ts';
import { registerTools } from './tools.ts';

export interface McpIo {
  /** CLAUDE_CODE_SESSION_ID, CLAUDE_PROJECT_DIR, the host inbox, SESSION_BUS_WAKE, and what a daemon started from here gets. */
  env: NodeJS.ProcessEnv;
  /** The process that started the server: the Claude Code process when the env names a Claude session. */
  parentPid: number;
  /** The project when CLAUDE_PROJECT_DIR is not set. */
  cwd: string;
  /** Where MCP is spoken: stdio in the plugin. */
  transport: Transport;
  /** Text for the log (stderr in the plugin), written as is. */
  stderr: (text: string) => void;
}

/** A running server: `stop` leaves the bus (the session is gone at once) and ends its timers. */
export interface RunningMcpServer {
  stop(): void;
}

/** Connects the server to `io.transport` and starts registering the session with the broker (retried in the background). */
export async function startMcpServer(io: McpIo): Promise<RunningMcpServer> {
  const projectDir = io.env.CLAUDE_PROJECT_DIR || io.cwd;
  // Outside Claude Code (another MCP client) there is no session id, and the parent may host
  // many servers: make an id for this process and do not correlate by the parent's pid.
  const hostedByClaude = Boolean(io.env.CLAUDE_CODE_SESSION_ID);
  const sessionId = io.env.CLAUDE_CODE_SESSION_ID || `mcp-${randomUUID()}`;
  const bus = new BusSession(projectDir, claudeIdentity(sessionId, hostedByClaude ? io.parentPid : 0, projectDir), io.env);
  const server = new McpServer({ name: 'session-bus', version: VERSION }, { jsonSchemaValidator: noElicitationValidator });
  registerTools(server, bus);
  const log = (msg: string) => io.stderr(`session-bus: ${msg}\n`);
  const inbox = hostInboxFromEnv(io.env);
  const policy = wakePolicy(io.env.SESSION_BUS_WAKE, log);
  let pusher: Pusher | undefined;
  // Without the host's inbox socket, hooks are the only way in (PostToolUse, UserPromptSubmit).
  if (inbox && policy !== 'none') {
    const p = new Pusher(bus, inbox, log);
    pusher = p;
    bus.push = policy;
    bus.onWake = () => p.wake();
  }
  await server.connect(withLeanToolsList(io.transport));
  // Register now, so the session is present and its unread position starts at its start.
  bus.start().catch((err: Error) => io.stderr(`session-bus: broker not reachable yet (retrying): ${err.message}\n`));
  return {
    stop() {
      pusher?.stop();
      bus.close();
    },
  };
}

function wakePolicy(raw: string | undefined, log: (m: string) => void): WakePolicy {
  if (!raw) return 'direct';
  if ((WAKE_POLICIES as readonly string[]).includes(raw)) return raw as WakePolicy;
  log(`SESSION_BUS_WAKE must be one of ${WAKE_POLICIES.join(', ')}, not ${JSON.stringify(raw)}; using direct`);
  return 'direct';
}
