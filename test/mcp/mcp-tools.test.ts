/**
 * The MCP tools through the SDK's own Client over stdio: schemas, results, errors. The server is
 * the committed bundle, spawned as Claude Code spawns it: the tests that run the server in their
 * own process (support/mcp-here.ts) rely on what this file pins of the process (stdio, the
 * parent pid it speaks for).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useProjects, waitFor } from '../support/project.ts';
import type { McpSession } from '../support/mcp.ts';

const project = useProjects({ scope: 'file' });
const p = project({ git: true });
let a: McpSession;
let b: McpSession;

beforeAll(async () => {
  a = await project.mcp(p, 'aaaaaaaa-1111-4000-8000-000000000001');
  b = await project.mcp(p, 'bbbbbbbb-2222-4000-8000-000000000002');
});

describe('MCP tools', () => {
  it('lists broadcast and inbox with input schemas', async () => {
    const { tools } = await a.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['broadcast', 'claim', 'claims', 'inbox', 'peers', 'release']);
    const broadcast = tools.find((t) => t.name === 'broadcast')!;
    expect(broadcast.inputSchema.required).toEqual(['text']);
    expect((broadcast.inputSchema.properties as Record<string, { enum?: string[] }>).kind!.enum).toEqual(['note', 'lock', 'unlock', 'handoff']);
    // Made lean on the way out of the stdio transport (lean-tools.ts): no draft, no bounds.
    expect(JSON.stringify(tools)).not.toMatch(/\$schema|maxLength/);
  });

  it('speaks for its parent, the Claude process: the live marker is under the host\'s pid', async () => {
    // The marker is the daemon's, written for the pid the session registered with (main.ts: process.ppid).
    const live = (pid: number) => path.join(p.env.SESSION_BUS_SOCKET_DIR!, `live-${pid}`);
    await waitFor('the live markers of both hosts', () => fs.existsSync(live(a.pid!)) && fs.existsSync(live(b.pid!)));
  });

  it('broadcast answers with the seq and the sender label (branch + short id)', async () => {
    const r = await a.call('broadcast', { text: 'holding the dev server on :1420', kind: 'lock' });
    expect(r).toEqual({ text: 'sent #1 as main#aaaaaa', isError: false });
  });

  it('inbox shows other sessions\' messages oldest first, not its own, and moves nothing', async () => {
    await b.call('broadcast', { text: 'editing src/api.ts' });
    const inB = await b.call('inbox', {});
    expect(inB.text).toMatch(/#1 \S+ UTC main#aaaaaa \[lock\]: "holding the dev server on :1420"/);
    expect(inB.text).not.toContain('editing src/api.ts');
    const inA = await a.call('inbox', { limit: 5 });
    expect(inA.text).toContain('"editing src/api.ts"');
    expect(inA.text).not.toContain('holding the dev server');
    // Inbox did not mark anything read: the broker still counts it unread for B.
    const status = await (await p.connect()).client.request('status', {});
    const bStatus = status.sessions.find((s) => s.shortId === 'bbbbbb')!;
    expect(bStatus).toMatchObject({ connected: true, queueDepth: 1 });
  });

  it('empty and oversize text are clear tool errors', async () => {
    expect(await a.call('broadcast', { text: '   ' })).toEqual({ isError: true, text: expect.stringMatching(/text is empty/) });
    const big = await a.call('broadcast', { text: 'x'.repeat(5000) });
    expect(big).toEqual({ isError: true, text: expect.stringMatching(/5000 bytes; the limit is 4096/) });
  });

  it('wrong argument types are rejected by the schema', async () => {
    const r = await a.client.callTool({ name: 'broadcast', arguments: { text: 42, kind: 'shout' } }).catch((e: Error) => ({ isError: true, content: [{ text: e.message }] }));
    expect(r.isError).toBe(true);
  });

  it('reconnects (and restarts the daemon) after the daemon is killed', async () => {
    const before = await p.connect();
    before.client.close();
    process.kill(before.hello.pid, 'SIGKILL');
    const r = await a.call('broadcast', { text: 'after the crash' });
    expect(r.text).toMatch(/^sent/);
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(/^sent #\d+ as main#aaaaaa$/);
    const after = await p.connect();
    expect(after.hello.pid).not.toBe(before.hello.pid);
    after.client.close();
  });
});
