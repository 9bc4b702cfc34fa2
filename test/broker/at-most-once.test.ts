/**
 * Issue 14, item 3: delivery must not be at most once. A session's position moves only when its
 * receiver acknowledges what it showed, and a refused write changes nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/protocol/errors.ts';
import { canMountTmpfs, fillDisk, mountTinyTmpfs, named, unmountTmpfs } from '../hostile/helpers.ts';
import { HOOK, run, useProjects, type TestProject } from '../support/project.ts';
import { rawExchange } from '../support/raw-socket.ts';
import { withholdingProxy } from '../support/withholding-proxy.ts';

const project = useProjects();

const A = { sessionId: 'aaaaaaaa-1', pid: 1001, label: 'main#aaaaaa' };
const B = { sessionId: 'bbbbbbbb-2', pid: 2002, label: 'main#bbbbbb' };

function promptHook(p: TestProject, env: NodeJS.ProcessEnv = {}) {
  return run(process.execPath, [HOOK, 'UserPromptSubmit'], {
    env: { ...p.env, CLAUDE_PID: String(B.pid), CLAUDE_PROJECT_DIR: p.dir, ...env },
    input: JSON.stringify({ session_id: B.sessionId, hook_event_name: 'UserPromptSubmit', cwd: p.dir, prompt: 'go' }),
  });
}

const MOUNT_OK = canMountTmpfs(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), `sb-probe-amo-${process.pid}`));

describe('delivery is not at most once (issue 14 item 3)', () => {
  it('Delivery that is at most once: a hook that gives up at its deadline on a stalled daemon leaves its messages for the next prompt', async () => {
    const p = project();
    const c = await p.connect();
    await c.client.request('register', B);
    await c.client.request('broadcast', { ...A, text: 'rebase onto main now' });
    // The daemon does the work of every request but its answers after the handshake never come.
    const stalledDir = path.join(p.base, 'stalled');
    const proxy = await withholdingProxy(path.join(stalledDir, path.basename(p.endpoint().socketPath)), p.endpoint().socketPath, 1);
    try {
      const stalled = await promptHook(p, { SESSION_BUS_HOOK_TIMEOUT_MS: '500', SESSION_BUS_SOCKET_DIR: stalledDir });
      expect(stalled).toMatchObject({ code: 0, stdout: '' });
      expect(proxy.forwarded.length).toBeGreaterThanOrEqual(2);
    } finally {
      proxy.close();
    }
    // A round trip of ours is the sentinel that the daemon has seen the stalled hook go.
    expect((await c.client.request('status', {})).pid).toBe(c.hello.pid);
    const next = await promptHook(p);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout).hookSpecificOutput.additionalContext).toContain('"rebase onto main now"');
    expect((await promptHook(p)).stdout).toBe('');
    c.client.close();
  });

  it.skipIf(!MOUNT_OK)(
    named('Delivery that is at most once: two drains refused in one failed group commit change nothing; every message arrives after recovery', MOUNT_OK ? undefined : 'cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)'),
    async () => {
      const p = project();
      const mailbox = p.mailboxPath();
      mountTinyTmpfs(path.dirname(mailbox));
      project.defer(unmountTmpfs);
      const c = await p.connect();
      await c.client.request('register', B);
      const sent: number[] = [];
      for (let i = 1; i <= 4; i++) sent.push((await c.client.request('broadcast', { ...A, text: `message ${i}` })).seq);
      // Pad the mailbox to a whole page, then fill the file system: any append needs a page.
      const size = fs.statSync(mailbox).size;
      const probe = (await c.client.request('broadcast', { ...A, text: 'x' })).seq;
      sent.push(probe);
      const lineBytes = fs.statSync(mailbox).size - size;
      let pad = 4096 - (fs.statSync(mailbox).size % 4096);
      if (pad - lineBytes + 1 < 1) pad += 4096;
      if (pad % 4096 !== 0) sent.push((await c.client.request('broadcast', { ...A, text: 'p'.repeat(pad - lineBytes + 1) })).seq);
      expect(fs.statSync(mailbox).size % 4096).toBe(0);
      const filler = path.join(path.dirname(mailbox), 'filler');
      fillDisk(filler);
      // Two drains of one session in one write: read in one turn, one group commit, refused as a whole.
      const frame = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'drain', params: { ...B, maxChars: 80 } }) + '\n';
      const both = await rawExchange(p.endpoint().socketPath, [frame(1) + frame(2)], 2);
      expect(both.replies.map((r) => r.error?.code)).toEqual([ErrorCode.LogWriteFailed, ErrorCode.LogWriteFailed]);
      fs.rmSync(filler);
      const got = (await c.client.request('drain', B)).messages.map((m) => m.seq);
      expect(got).toEqual(sent);
      c.client.close();
    },
  );
});
