/**
 * The daemon as a process: one per project, found from any TMPDIR, started by the first caller,
 * replacing a stale socket, exiting when idle, private on disk.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectOrSpawn, StartError } from '../../src/client/connect.ts';
import { endpointFor } from '../../src/place/endpoint.ts';
import { BusError } from '../../src/protocol/errors.ts';
import { CLI, DIST, isAlive, run, useProjects, waitFor } from '../support/project.ts';

const project = useProjects();

describe('endpoint', () => {
  it('two callers of one project with different TMPDIR values find the same socket', async () => {
    const p = project();
    // The built CLI's `status` (nothing running: it says where the socket would be), a process
    // each, at once: a Node start costs a fraction of one through tsx.
    const env = { ...process.env, SESSION_BUS_SOCKET_DIR: '' };
    const socketOf = async (TMPDIR: string) => {
      const r = await run(process.execPath, [CLI, 'status', '--json', '--project', p.dir], { env: { ...env, TMPDIR } });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { running: boolean; socketPath: string };
    };
    const [a, b] = await Promise.all([socketOf('/var/tmp'), socketOf(p.base)]);
    expect(a.running).toBe(false);
    expect(a.socketPath).toMatch(/^\/tmp\/session-bus-\d+\/[0-9a-f]{16}\.sock$/);
    expect(b.socketPath).toBe(a.socketPath);

    // And through real processes: the second caller, with another TMPDIR, reaches the first one's daemon.
    const first = await p.cli(['send', 'one', '--json'], { TMPDIR: '/var/tmp' });
    const second = await p.cli(['status', '--json'], { TMPDIR: p.base });
    expect(first.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ running: true, lastSeq: 1 });
  });

  it('an over-long socket path fails with a message that names the fix', async () => {
    const p = project();
    const env = { ...p.env, SESSION_BUS_SOCKET_DIR: path.join(p.base, 'x'.repeat(120)) };
    expect(() => endpointFor(p.dir, env)).toThrow(/over the 100-byte limit.*SESSION_BUS_SOCKET_DIR/);
    const r = await p.cliHere(['send', 'hi'], { SESSION_BUS_SOCKET_DIR: env.SESSION_BUS_SOCKET_DIR });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Set SESSION_BUS_SOCKET_DIR to a shorter directory/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('start-lock', () => {
  it('eight processes calling connectOrSpawn at once on a cold project: one daemon serves all eight', async () => {
    const p = project();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => p.cli(['send', `hello ${i}`, '--json'])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const seqs = results.map((r) => JSON.parse(r.stdout).seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const status = JSON.parse((await p.cli(['status', '--json'])).stdout);
    // One starts them (start-claim.ts); any extra one (a start that took over 3 s) loses the bind
    // and exits: exactly one is left, the one answering.
    await waitFor('extra daemons to exit', () => p.daemonPids().length === 1);
    expect(p.daemonPids()).toEqual([status.pid]);
  });
});

describe('stale socket', () => {
  it('a socket left by kill -9 is replaced on the next connect', async () => {
    const p = project();
    const first = await p.connect();
    first.client.close();
    process.kill(first.hello.pid, 'SIGKILL');
    await waitFor('daemon to die', () => !isAlive(first.hello.pid));
    expect(fs.existsSync(p.endpoint().socketPath)).toBe(true);
    const second = await p.connect();
    expect(second.hello.pid).not.toBe(first.hello.pid);
    second.client.close();
  });
});

describe('a daemon on its way out', () => {
  it('removes only its own socket file, never one a newer daemon has bound at the path', async () => {
    const p = project();
    const conn = await p.connect();
    const e = p.endpoint();
    // A replacing daemon got there first: the path now holds its socket, not this daemon's.
    fs.unlinkSync(e.socketPath);
    const newer = net.createServer();
    await new Promise<void>((r) => newer.listen(e.socketPath, () => r()));
    try {
      await conn.client.request('shutdown', { reason: 'test' }).catch(() => undefined);
      await waitFor('the old daemon gone', () => !isAlive(conn.hello.pid));
      expect(fs.statSync(e.socketPath).isSocket()).toBe(true);
    } finally {
      conn.client.close();
      await new Promise((r) => newer.close(r));
    }
  });
});

describe('version-change-reconnect', () => {
  it('a newer client replaces an older daemon once, and an older client uses a newer daemon', async () => {
    const p = project();
    const old = await p.connect();
    old.client.close();
    // The client says it is newer: the running daemon is asked to go and a new one starts.
    const newer = await p.connect({ version: '99.0.0' });
    expect(newer.hello.pid).not.toBe(old.hello.pid);
    newer.client.close();
    // An older client against this daemon: it uses it, it does not replace it.
    const older = await p.connect({ version: '0.0.1' });
    expect(older.hello.pid).toBe(newer.hello.pid);
    older.client.close();
    expect(p.daemonPids()).toEqual([newer.hello.pid]);
  });

  it('a daemon with a newer protocol is a clear error, never replaced', async () => {
    const p = project();
    const conn = await p.connect();
    conn.client.close();
    const err = await p.connect({ protocol: 0 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(BusError);
    expect((err as Error).message).toMatch(/newer than this client.*Update the session-bus plugin/);
    expect(p.daemonPids()).toEqual([conn.hello.pid]);
  });
});

describe('idle exit and permissions', () => {
  it('exits after SESSION_BUS_IDLE_MS with no clients, and removes its socket', async () => {
    const p = project({ env: { SESSION_BUS_IDLE_MS: '300' } });
    const conn = await p.connect();
    const pid = conn.hello.pid;
    // Connected: not idle, whatever the time. The sentinel: a daemon with the same idle time,
    // started after this one's last traffic and left alone, has exited by idleness.
    const q = project({ env: { SESSION_BUS_IDLE_MS: '300' } });
    const other = await q.connect();
    other.client.close();
    await waitFor('the sentinel daemon\'s idle exit', () => !isAlive(other.hello.pid), 5000);
    expect(isAlive(pid)).toBe(true);
    conn.client.close();
    await waitFor('idle exit', () => !isAlive(pid), 5000);
    expect(fs.existsSync(p.endpoint().socketPath)).toBe(false);
  });

  it('makes the socket dir 0700 and the socket 0600', async () => {
    const p = project();
    const conn = await p.connect();
    conn.client.close();
    const e = p.endpoint();
    expect(fs.statSync(e.dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(e.socketPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(e.logPath).mode & 0o777).toBe(0o600);
  });

  it('a daemon started by hand, under a loose umask, still keeps its log 0600', async () => {
    const p = project();
    const e = p.endpoint();
    fs.mkdirSync(e.dir, { mode: 0o700 });
    const daemon = spawn('/bin/sh', ['-c', `umask 022; exec "${process.execPath}" "${path.join(DIST, 'daemon.js')}" --project "${p.dir}"`], { env: p.env, stdio: 'ignore' });
    await waitFor('the socket', () => fs.existsSync(e.socketPath));
    expect(fs.statSync(e.logPath).mode & 0o777).toBe(0o600);
    daemon.kill('SIGTERM');
    await waitFor('the daemon gone', () => daemon.exitCode !== null || daemon.signalCode !== null);
  });

  it('refuses a planted symlink as the socket dir', async () => {
    const p = project();
    const target = path.join(p.base, 'elsewhere');
    fs.mkdirSync(target, { mode: 0o700 });
    fs.symlinkSync(target, p.env.SESSION_BUS_SOCKET_DIR!);
    await expect(p.connect()).rejects.toThrow(/is a symlink/);
    const r = await p.cliHere(['send', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing the socket directory .* symlink/);
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('refuses a socket dir that others can enter', async () => {
    const p = project();
    fs.mkdirSync(p.env.SESSION_BUS_SOCKET_DIR!, { mode: 0o755 });
    fs.chmodSync(p.env.SESSION_BUS_SOCKET_DIR!, 0o755);
    await expect(p.connect()).rejects.toThrow(/mode 755 lets others in. Run: chmod 700/);
  });

  it('a failed start quotes the daemon log, at once: not when the deadline passes', async () => {
    const p = project({ env: { SESSION_BUS_FSYNC: 'sometimes' } });
    // A deadline far past the three starts it takes: the error must be the one for a daemon
    // that could not start, not the one for a daemon that never answered.
    const err = await connectOrSpawn(p.dir, { env: p.env, timeoutMs: 60_000 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(StartError);
    expect((err as Error).message).toMatch(/^the session-bus daemon could not start\. Last lines of .*\n(.*\n)*.*SESSION_BUS_FSYNC must be "interval" or "always"/);
  });
});

describe('a connection that is not ours', () => {
  it('a plain socket at the path (not a daemon) is not mistaken for one', async () => {
    const p = project();
    const e = p.endpoint();
    fs.mkdirSync(e.dir, { recursive: true, mode: 0o700 });
    const squatter = net.createServer((s) => s.destroy()).listen(e.socketPath);
    await new Promise((r) => squatter.once('listening', r));
    await expect(connectOrSpawn(p.dir, { env: p.env, timeoutMs: 1000 })).rejects.toThrow();
    squatter.close();
  });
});
