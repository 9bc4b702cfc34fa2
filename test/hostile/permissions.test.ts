/**
 * Someone else on the machine: a symlink planted where the socket directory should be, a socket
 * directory owned by another user with a listening socket inside, and a client running as
 * another user. Clients and the daemon refuse the planted directories (and never connect to
 * what waits inside), and the other user cannot reach our daemon at all.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, DIST, run, useProjects, type TestProject } from '../support/project.ts';
import { asNobody, assertBystanderWorks, canRunAsNobody, named, NOBODY } from './helpers.ts';

const project = useProjects();

const IS_ROOT = process.getuid?.() === 0;

/** A socket someone else planted at the project's socket path; counts who connects to it. */
async function plantListener(socketPath: string): Promise<{ connections: () => number }> {
  let n = 0;
  const server = net.createServer((s) => {
    n++;
    s.destroy();
  });
  project.defer(() => server.close());
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return { connections: () => n };
}

/** The daemon started by hand, as a client would: it must refuse too, and say why. */
function startDaemon(p: TestProject) {
  return run(process.execPath, [path.join(DIST, 'daemon.js'), '--project', p.dir], { env: p.env, timeoutMs: 10_000 });
}

describe('planted socket directories', () => {
  it('a symlink to a directory with a listening socket: refused by client, CLI and daemon; nothing connects', async () => {
    const p = project();
    const trap = path.join(p.base, 'trap');
    fs.mkdirSync(trap, { mode: 0o700 });
    fs.symlinkSync(trap, p.env.SESSION_BUS_SOCKET_DIR!);
    const planted = await plantListener(path.join(trap, path.basename(p.endpoint().socketPath)));

    await expect(p.connect({ timeoutMs: 1000 })).rejects.toThrow(/refusing the socket directory .*: it is a symlink/);
    const cli = await p.cli(['send', 'secret plans']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/it is a symlink\. Remove it/);
    const daemon = await startDaemon(p);
    expect(daemon.code).toBe(1);
    expect(daemon.stderr).toMatch(/failed to start: refusing the socket directory .*symlink/);
    expect(planted.connections()).toBe(0);
    expect(p.daemonPids()).toEqual([]);
  });

  it.skipIf(!IS_ROOT)(named('a directory owned by another user, with a socket inside: refused by client, CLI and daemon; nothing connects', IS_ROOT ? undefined : 'needs root to give a directory to another user'), async () => {
    const p = project();
    const dir = p.env.SESSION_BUS_SOCKET_DIR!;
    fs.mkdirSync(dir, { mode: 0o700 });
    const planted = await plantListener(p.endpoint().socketPath);
    fs.chownSync(dir, NOBODY.uid, NOBODY.gid);

    await expect(p.connect({ timeoutMs: 1000 })).rejects.toThrow(/refusing the socket directory .*: owned by uid 65534, not by you \(uid 0\)/);
    const cli = await p.cli(['send', 'secret plans']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/owned by uid 65534, not by you/);
    const daemon = await startDaemon(p);
    expect(daemon.code).toBe(1);
    expect(daemon.stderr).toMatch(/owned by uid 65534/);
    expect(planted.connections()).toBe(0);
  });
});

describe('a client running as another user', () => {
  const CONNECT = `
    const s = require('node:net').createConnection(process.argv[1]);
    s.on('connect', () => { s.write('{"jsonrpc":"2.0","id":1,"method":"status"}\\n'); s.on('data', (d) => { console.log('CONNECTED ' + d); process.exit(0); }); });
    s.on('error', (e) => { console.log(e.code); process.exit(0); });`;

  it.skipIf(!canRunAsNobody)(named('nobody cannot connect: not through the CLI, not by a raw connect, even with the directory searchable', canRunAsNobody ? undefined : 'needs root and setpriv to run a client as nobody'), async () => {
    const p = project();
    const who = { sessionId: 'perm-owner', pid: 6001, label: 'main#permow' };
    const owner = await p.connect();
    await owner.client.request('register', { ...who, live: true });
    const before = await owner.client.request('status', {});
    // Let `nobody` reach the project and the socket directory's parent.
    fs.chmodSync(p.base, 0o755);
    fs.chmodSync(p.dir, 0o755);
    const socket = p.endpoint().socketPath;

    // The CLI as nobody: its own check refuses a socket directory that is not its own.
    const cli = await run(...asNobody(process.execPath, [CLI, 'send', 'from nobody', '--project', p.dir]), { env: p.env });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/refusing the socket directory .*owned by uid 0, not by you \(uid 65534\)/);

    // A raw connect as nobody: the 0700 directory stops it.
    const raw = await run(...asNobody(process.execPath, ['-e', CONNECT, socket]), {});
    expect(raw.stdout.trim()).toBe('EACCES');

    // Even with the directory opened for searching, the socket's own 0600 stops it.
    fs.chmodSync(p.endpoint().dir, 0o711);
    try {
      const rawSearchable = await run(...asNobody(process.execPath, ['-e', CONNECT, socket]), {});
      expect(rawSearchable.stdout.trim()).toBe('EACCES');
    } finally {
      fs.chmodSync(p.endpoint().dir, 0o700);
    }

    // Nothing of nobody's reached the daemon, which is the same process and still serves its owner.
    const after = await owner.client.request('status', {});
    expect(after.lastSeq).toBe(before.lastSeq);
    expect(after.sessions.map((s) => s.sessionId)).toEqual(before.sessions.map((s) => s.sessionId));
    await assertBystanderWorks(p, owner, who);
    owner.client.close();
  });
});
