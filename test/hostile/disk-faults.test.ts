/**
 * The mailbox's disk fails under a running daemon: full (ENOSPC), or read-only. A broadcast is
 * refused with a clear error, reads keep working, nothing acked is lost, and the next broadcast
 * after the disk recovers succeeds without a restart.
 *
 * Real faults where this machine allows them: a tiny tmpfs filled to the brim for ENOSPC, and a
 * daemon running as `nobody` over a mailbox folder it may not write (root ignores permission
 * bits, `nobody` cannot). Where a capability is missing the test is skipped, saying why. The
 * log's FileOps seam covers a torn ENOSPC write in-process.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RpcClient, RpcError } from '../../src/transport/rpc-client.ts';
import { JsonlMailboxLog } from '../../src/daemon/mailbox-log.ts';
import type { FileOps } from '../../src/daemon/mailbox-io.ts';
import { ErrorCode } from '../../src/protocol/errors.ts';
import { DIST, isAlive, useProjects, waitFor, type TestProject } from '../support/project.ts';
import { canMountTmpfs, canRunAsNobody, daemonLog, fillDisk, mountTinyTmpfs, named, NOBODY, unmountTmpfs } from './helpers.ts';

const project = useProjects();

const A = { sessionId: 'disk-writer', pid: 7001, label: 'main#dwrite' };
const R = { sessionId: 'disk-reader', pid: 7002, label: 'main#dread' };
const LIVE = { sessionId: 'disk-live', pid: 7003, label: 'main#dlive' };

const MOUNT_OK = canMountTmpfs(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), `sb-probe-${process.pid}`));

function errorOf(p: Promise<unknown>): Promise<RpcError> {
  return p.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (err: unknown) => {
      expect(err).toBeInstanceOf(RpcError);
      return err as RpcError;
    },
  );
}

describe('disk full (ENOSPC)', () => {
  it.skipIf(!MOUNT_OK)(named('a real full disk: broadcast refused clearly, reads work, the bus recovers by itself, nothing acked lost', MOUNT_OK ? undefined : 'cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)'), async () => {
    const p = project();
    const mailboxDir = path.dirname(p.mailboxPath());
    mountTinyTmpfs(mailboxDir);
    // Detached before the project goes (lazily: a daemon may still hold the mailbox open).
    project.defer(unmountTmpfs);

    const c = await p.connect();
    const pid = c.hello.pid;
    await c.client.request('register', R);
    await c.client.request('register', { ...LIVE, live: true });
    const acked: number[] = [];
    for (let i = 0; i < 3; i++) acked.push((await c.client.request('broadcast', { ...A, text: `before the disk filled ${i}` })).seq);

    // Fill every page of the file system.
    const filler = path.join(mailboxDir, 'filler');
    fillDisk(filler);

    // A message bigger than a page needs a new one: there is none.
    const refused = await errorOf(c.client.request('broadcast', { ...A, text: `refused ${'z'.repeat(4000)}` }));
    expect(refused.code).toBe(ErrorCode.LogWriteFailed);
    expect(refused.message).toMatch(/^the message was not sent: the mailbox could not be written \(ENOSPC\) at .*mailbox\.jsonl\. Free disk space/);
    expect(daemonLog(p)).toMatch(/mailbox append failed; message refused/);

    // Reads keep working.
    const status = await c.client.request('status', {});
    expect(status).toMatchObject({ pid, messageCount: 3 });
    expect((await c.client.request('inbox', { ...R, limit: 10 })).messages.map((m) => m.seq)).toEqual(acked);
    // Who is here does not depend on the disk: the live session registered before it filled.
    expect((await c.client.request('peers', {})).peers.map((x) => x.label)).toEqual([LIVE.label]);
    expect(await c.client.request('claims', {})).toEqual({ claims: [] });
    // A drain needs its position written: it either fits in the last page or is refused, and
    // then loses nothing (the messages come with the first drain after the disk recovers).
    const delivered: number[] = [];
    await c.client.request('drain', R).then(
      (d) => delivered.push(...d.messages.map((m) => m.seq)),
      (err: RpcError) => expect(err.code).toBe(ErrorCode.LogWriteFailed),
    );

    // The disk recovers: the next broadcast works, no restart.
    fs.rmSync(filler);
    acked.push((await c.client.request('broadcast', { ...A, text: `after the disk recovered ${'y'.repeat(4000)}` })).seq);
    delivered.push(...(await c.client.request('drain', R)).messages.map((m) => m.seq));
    expect(delivered).toEqual(acked);
    expect((await c.client.request('status', {})).pid).toBe(pid);

    // And a restart replays exactly what was acked; the refused message is nowhere.
    await c.client.request('shutdown', {});
    c.client.close();
    await waitFor('the daemon to stop', () => !isAlive(pid));
    const d = await p.connect();
    const all = await d.client.request('inbox', { ...R, limit: 100 });
    expect(all.messages.map((m) => m.seq)).toEqual(acked);
    expect(all.messages.some((m) => m.text.startsWith('refused'))).toBe(false);
    expect((await d.client.request('drain', R)).messages).toEqual([]);
    d.client.close();
  });

  it.each([
    ['cut off', true],
    ['ended and skipped on replay, when it cannot be cut off', false],
  ])('a torn write through the FileOps seam is %s; a refused message never comes back', async (_how, canTruncate) => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'sb-test-seam-'));
    let full = false;
    const ops: FileOps = {
      ...fs,
      writeSync: ((fd: number, buf: Buffer, off: number, len: number) => {
        if (!full) return fs.writeSync(fd, buf, off, len);
        // Half of it fits, then the disk is full.
        if (len > 1) return fs.writeSync(fd, buf, off, Math.floor(len / 2));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }) as unknown as FileOps['writeSync'],
      ftruncateSync: ((fd: number, len: number) => {
        if (!canTruncate) throw Object.assign(new Error('EIO: i/o error, ftruncate'), { code: 'EIO' });
        fs.ftruncateSync(fd, len);
      }) as FileOps['ftruncateSync'],
    } as FileOps;
    const file = path.join(dir, 'mailbox.jsonl');
    const log = new JsonlMailboxLog(file, 'interval', ops);
    const msg = (seq: number) => ({ type: 'msg' as const, seq, ts: 1, origin: { sessionId: 's', pid: 1 }, from: 's#1', kind: 'note' as const, text: `m${seq}` });
    try {
      await log.append([msg(1)]);
      full = true;
      await expect(log.append([msg(2)])).rejects.toMatchObject({ code: 'ENOSPC' });
      full = false;
      await log.append([msg(3)]);
      log.close();
      const replayed = new JsonlMailboxLog(file).replay();
      expect(replayed.state.messages.map((m) => m.seq)).toEqual([1, 3]);
      if (canTruncate) {
        // Its torn bytes were cut off: nothing left to skip.
        expect(replayed.warnings).toEqual([]);
        expect(fs.readFileSync(file, 'utf8')).not.toContain('m2');
      } else {
        expect(replayed.warnings).toEqual([{ line: 2, reason: 'not JSON (truncated or corrupt); skipped' }]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('read-only mailbox folder', () => {
  /** The built daemon, run as `nobody`: root would write through any permission bits. */
  function startAsNobody(p: TestProject): number {
    const out = fs.openSync(path.join(p.base, 'daemon-out.log'), 'a');
    const child = spawn('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, path.join(DIST, 'daemon.js'), '--project', p.dir], {
      env: p.env,
      stdio: ['ignore', out, out],
      detached: true,
    });
    fs.closeSync(out);
    child.unref();
    return child.pid!;
  }

  async function connectRaw(p: TestProject): Promise<RpcClient> {
    const socket = p.endpoint().socketPath;
    return waitFor('the daemon to listen', () => RpcClient.connect(socket, 500).catch(() => undefined), 10_000);
  }

  it.skipIf(!canRunAsNobody)(named('broadcast refused clearly, reads work, and a writable folder again is used without a restart', canRunAsNobody ? undefined : 'cannot run the daemon as nobody (needs root and setpriv); root ignores permission bits'), async () => {
    const p = project();
    // `nobody` must reach the project and own its socket dir and mailbox folder.
    fs.chmodSync(p.base, 0o755);
    fs.chmodSync(p.dir, 0o755);
    const sockDir = p.env.SESSION_BUS_SOCKET_DIR!;
    fs.mkdirSync(sockDir, { mode: 0o700 });
    fs.chownSync(sockDir, NOBODY.uid, NOBODY.gid);
    const mailboxDir = path.dirname(p.mailboxPath());
    fs.mkdirSync(mailboxDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(path.dirname(mailboxDir), 0o755);
    fs.chownSync(mailboxDir, NOBODY.uid, NOBODY.gid);

    // First run: a writable folder. Three messages acked.
    startAsNobody(p);
    let c = await connectRaw(p);
    const first = await c.request('status', {});
    await c.request('register', R);
    const acked: number[] = [];
    for (let i = 0; i < 3; i++) acked.push((await c.request('broadcast', { ...A, text: `acked ${i}` })).seq);
    await c.request('shutdown', {});
    c.close();
    await waitFor('the first daemon to stop', () => !isAlive(first.pid));

    // The folder and the mailbox turn read-only; a daemon starts over them.
    fs.chmodSync(p.mailboxPath(), 0o400);
    fs.chmodSync(mailboxDir, 0o500);
    startAsNobody(p);
    c = await connectRaw(p);
    try {
      const status = await c.request('status', {});
      expect(status).toMatchObject({ messageCount: 3, lastSeq: 3 });
      const pid = status.pid;

      const refused = await errorOf(c.request('broadcast', { ...A, text: 'not today' }));
      expect(refused.code).toBe(ErrorCode.LogWriteFailed);
      expect(refused.message).toMatch(/^the message was not sent: the mailbox could not be written \(EACCES\) at .*mailbox\.jsonl\. Free disk space or fix permissions/);
      // Reads keep working; a drain, which must record its position, says why it cannot.
      expect((await c.request('inbox', { ...R, limit: 10 })).messages.map((m) => m.seq)).toEqual(acked);
      expect(await c.request('claims', {})).toEqual({ claims: [] });
      // Nobody has registered with this daemon: an empty list, not an error.
      expect(await c.request('peers', {})).toEqual({ peers: [] });
      const drainRefused = await errorOf(c.request('drain', R));
      expect(drainRefused.code).toBe(ErrorCode.LogWriteFailed);
      expect(drainRefused.message).toMatch(/^drain was not done: the mailbox could not be written \(EACCES\)/);
      const claimRefused = await errorOf(c.request('claim', { ...A, resource: 'port:1420' }));
      expect(claimRefused.code).toBe(ErrorCode.LogWriteFailed);
      // Not taken in memory either: the claim table is what the mailbox says.
      expect(await c.request('claims', {})).toEqual({ claims: [] });

      // Writable again: the next broadcast works, same daemon, and nothing was lost.
      fs.chmodSync(mailboxDir, 0o700);
      fs.chmodSync(p.mailboxPath(), 0o600);
      acked.push((await c.request('broadcast', { ...A, text: 'back' })).seq);
      // Seqs spent on refused changes are never reused.
      expect(acked.at(-1)).toBeGreaterThan(4);
      expect((await c.request('drain', R)).messages.map((m) => m.seq)).toEqual(acked);
      expect((await c.request('status', {})).pid).toBe(pid);
      await c.request('shutdown', {});
      await waitFor('the second daemon to stop', () => !isAlive(pid));
    } finally {
      c.close();
    }
  });
});
