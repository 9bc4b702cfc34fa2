/**
 * A session's MCP server run in the test's own process: `startMcpServer(io)` of src/mcp/server.ts
 * (what the plugin's bundle runs over stdio) on an in-memory transport, driven by the MCP SDK's
 * own client, talking to the real daemon process over its real socket. A bundle start costs
 * ~0.4 s of CPU; the files that start some thirty sessions each were bound by it. What only the
 * process shows (its start, stdio, its death by a signal) stays with `startMcp`.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { deserializeMessage, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { startMcpServer } from '../../src/mcp/server.ts';
import { registered, type McpSession } from './mcp.ts';

/**
 * Every message crosses as the line stdio would carry, parsed and checked as the SDK's stdio
 * transports do: nothing that only survives in memory (undefined, a Date, a shared object)
 * passes here and breaks in the plugin.
 */
function asOverStdio(t: InMemoryTransport): InMemoryTransport {
  const send = t.send.bind(t);
  t.send = (message, options) => send(deserializeMessage(serializeMessage(message).trimEnd()), options);
  return t;
}

export async function startMcpHere(env: NodeJS.ProcessEnv, sessionId: string, projectDir: string): Promise<McpSession> {
  // The Claude process's stand-in: a live process of its own per session, as the daemon needs
  // (it writes a pid's markers only while that pid runs, and a pid stands for one session), for
  // a fraction of a node start. `cat` on a pipe from this process ends by itself should this
  // process die without closing it.
  const host = spawn('cat', [], { stdio: ['pipe', 'ignore', 'ignore'] });
  await once(host, 'spawn');
  try {
    return await serveHere(env, sessionId, projectDir, host);
  } catch (err) {
    host.kill();
    throw err;
  }
}

async function serveHere(env: NodeJS.ProcessEnv, sessionId: string, projectDir: string, host: ChildProcess): Promise<McpSession> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  let stderr = '';
  const server = await startMcpServer({
    env: { ...env, CLAUDE_CODE_SESSION_ID: sessionId, CLAUDE_PROJECT_DIR: projectDir },
    parentPid: host.pid!,
    // As a spawned bundle's: the test's folder (the project comes from CLAUDE_PROJECT_DIR).
    cwd: process.cwd(),
    transport: asOverStdio(serverSide),
    stderr: (text) => void (stderr += text),
  });
  const client = new Client({ name: 'session-bus-test', version: '0' });
  try {
    await client.connect(asOverStdio(clientSide));
    return await registered({
      client,
      pid: host.pid!,
      stderr: () => stderr,
      async close() {
        // As the process does when its stdin closes: leave the bus, then the host goes too.
        await client.close();
        server.stop();
        host.stdin!.end();
        if (host.exitCode === null) await once(host, 'exit');
      },
    });
  } catch (err) {
    // Never registered, so never closed by the test: its reconnect timer must not outlive it.
    server.stop();
    await client.close();
    throw err;
  }
}
