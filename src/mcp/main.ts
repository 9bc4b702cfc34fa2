/**
 * The plugin's MCP server (stdio). It speaks for the Claude Code session that spawned it: the
 * session id it was started with and its parent process, the Claude Code process.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { randomUUID } from 'node:crypto';
import { claudeIdentity } from '../client/identity.ts';
import { VERSION } from '../protocol/version.ts';
import { BusSession } from './bus-session.ts';
import { registerTools } from './tools.ts';

async function main(): Promise<void> {
  const projectDir = process.env.CLAUDE_PROJECT_DIR || process.cwd();
  // Outside Claude Code (another MCP client) there is no session id, and the parent may host
  // many servers: make an id for this process and do not correlate by the parent's pid.
  const hostedByClaude = Boolean(process.env.CLAUDE_CODE_SESSION_ID);
  const sessionId = process.env.CLAUDE_CODE_SESSION_ID || `mcp-${randomUUID()}`;
  const bus = new BusSession(projectDir, claudeIdentity(sessionId, hostedByClaude ? process.ppid : 0, projectDir));
  const server = new McpServer({ name: 'session-bus', version: VERSION });
  registerTools(server, bus);
  await server.connect(new StdioServerTransport());
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

main().catch((err: Error) => {
  process.stderr.write(`session-bus MCP server failed: ${err.message}\n`);
  process.exit(1);
});
