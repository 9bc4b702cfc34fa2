/**
 * A session's MCP server driven by the MCP SDK's own client: the plugin's real bundle over stdio
 * under a stand-in host process (`startMcp`), or the same server run in the test's own process
 * over an in-memory transport (`startMcpHere`, mcp-here.ts), both against the real daemon.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import * as path from 'node:path';
import { DIST } from './paths.ts';

export const HOST_STANDIN = `
const child = require('node:child_process').spawn(process.execPath, [process.argv[1]], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
`;

/**
 * The same host as a shell: a parent process of its own per session that stays while its MCP
 * server runs (`; exit` keeps the shell from exec'ing node in its place), without a second node
 * start (~150 ms of CPU a session). It does not pass SIGINT/SIGTERM on: the server stops when
 * its stdin closes, which is how `close()` stops it; a test that signals the host uses 'node'.
 */
const SHELL_HOST = ['-c', '"$@"; exit $?', 'host'];

export interface McpOptions {
  /**
   * The stand-in host process: node (the default, forwards SIGINT/SIGTERM) or a shell, each the
   * parent of the bundle's process; or `here`: the server runs in this process (mcp-here.ts), for
   * tests whose subject is what the server does, not the server as a process.
   */
  host?: 'node' | 'shell' | 'here';
}

export interface McpSession {
  client: Client;
  call(name: string, args: Record<string, unknown>): Promise<{ text: string; isError: boolean }>;
  /** The stand-in host's pid: the Claude pid the session is attributed to (its markers, its hooks' CLAUDE_PID). */
  pid: number | null;
  /** What the MCP server wrote to stderr so far (its log). */
  stderr(): string;
  close(): Promise<void>;
}

export async function startMcp(env: NodeJS.ProcessEnv, sessionId: string, projectDir: string, options: McpOptions = {}): Promise<McpSession> {
  if (options.host === 'here') {
    // Loaded on first use: the server's modules (the SDK's server side, zod) only where it runs here.
    const { startMcpHere } = await import('./mcp-here.ts');
    return startMcpHere(env, sessionId, projectDir);
  }
  const server = path.join(DIST, 'mcp.mjs');
  const transport = new StdioClientTransport({
    // A stand-in host process per session, as Claude Code is: the MCP server's parent pid is
    // how the broker tells one Claude process (and its /clear'ed ids) from another.
    ...(options.host === 'shell'
      ? { command: '/bin/sh', args: [...SHELL_HOST, process.execPath, server] }
      : { command: process.execPath, args: ['-e', HOST_STANDIN, server] }),
    env: { ...(env as Record<string, string>), CLAUDE_CODE_SESSION_ID: sessionId, CLAUDE_PROJECT_DIR: projectDir },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const client = new Client({ name: 'session-bus-test', version: '0' });
  await client.connect(transport);
  return registered({ client, pid: transport.pid, stderr: () => stderr, close: () => client.close() });
}

/** The session once its server has registered with the broker, with `call` on its client. */
export async function registered(s: Omit<McpSession, 'call'>): Promise<McpSession> {
  const session: McpSession = {
    ...s,
    async call(name, args) {
      const r = await s.client.callTool({ name, arguments: args });
      const content = r.content as { type: string; text: string }[];
      return { text: content.map((c) => c.text).join('\n'), isError: r.isError === true };
    },
  };
  // The server registers as it starts, not before it answers `initialize`: a broadcast sent
  // meanwhile is before this session's start, so it never sees it. A tool call waits for the
  // registration; the session is present once it returns.
  await session.call('peers', {});
  return session;
}
