/**
 * The plugin's MCP server process (stdio). It speaks for the Claude Code session that spawned
 * it: the session id it was started with and its parent process, the Claude Code process. The
 * server itself is server.ts; this gives it the process's stdio, environment and parent, and
 * ends the process when the host closes stdin or signals it.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { startMcpServer } from './server.ts';

async function main(): Promise<void> {
  const server = await startMcpServer({
    env: process.env,
    parentPid: process.ppid,
    cwd: process.cwd(),
    transport: new StdioServerTransport(),
    stderr: (text) => void process.stderr.write(text),
  });
  const stop = () => {
    server.stop();
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
