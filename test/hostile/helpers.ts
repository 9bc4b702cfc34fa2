/**
 * Shared by the hostile suite: raw sockets that speak whatever bytes a test wants, a bystander
 * that must keep working through every attack, and running things as another user.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'vitest';
import type { Connection } from '../../src/client/connect.ts';
import type { SessionIdentity } from '../../src/protocol/messages.ts';
import { DIST, type TestProject } from '../support/project.ts';
import { pidsRunning } from '../support/proc.ts';

export { rawExchange, type Exchange } from '../support/raw-socket.ts';

export async function assertBystanderWorks(p: TestProject, bystander: Connection, who: SessionIdentity): Promise<void> {
  const r = await bystander.client.request('broadcast', { ...who, text: 'bystander still here' }, 5000);
  expect(r.seq).toBeGreaterThan(0);
  const s = await bystander.client.request('status', {}, 5000);
  expect(s.pid).toBe(bystander.hello.pid);
  expect(p.daemonPids()).toEqual([bystander.hello.pid]);
}

export function daemonLog(p: TestProject): string {
  try {
    return fs.readFileSync(p.endpoint().logPath, 'utf8');
  } catch {
    return '';
  }
}

/** Processes whose command line mentions `needle` and runs a daemon bundle (any copy of it). */
export function daemonsMentioning(needle: string): number[] {
  return pidsRunning('daemon.js', needle);
}

/**
 * Root can drop to `nobody` here (tests run as root locally and in CI), and `nobody` can run
 * node and read the built plugin (a checkout under a private home would not be readable).
 */
export const NOBODY = { uid: 65534, gid: 65534 };
export const canRunAsNobody = (() => {
  if (process.getuid?.() !== 0) return false;
  try {
    const probe = `require('node:fs').readFileSync(${JSON.stringify(path.join(DIST, 'daemon.js'))})`;
    execFileSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, '-e', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export function asNobody(cmd: string, args: string[]): [string, string[]] {
  return ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', cmd, ...args]];
}

/** A test's name, saying why it is skipped when it is. */
export function named(name: string, skipReason: string | undefined): string {
  return skipReason ? `${name} [skipped: ${skipReason}]` : name;
}

/** Can this process mount a tmpfs (root with CAP_SYS_ADMIN, no seccomp in the way)? */
export function canMountTmpfs(probeDir: string): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    fs.mkdirSync(probeDir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probeDir], { stdio: 'ignore' });
    execFileSync('umount', [probeDir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probeDir, { recursive: true, force: true });
  }
}

/** Tiny tmpfs mounts made by a test: `unmountTmpfs()` in its afterEach detaches them. */
const tmpfsMounts: string[] = [];

/** Mounts a 128 KiB tmpfs (mode 0700) on `dir`, to be filled to the brim for a real ENOSPC. */
export function mountTinyTmpfs(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=128k,mode=0700', 'tmpfs', dir]);
  tmpfsMounts.push(dir);
}

/** Detaches the mounts lazily: a daemon may still hold a file there open. */
export function unmountTmpfs(): void {
  for (const m of tmpfsMounts.splice(0)) {
    try {
      execFileSync('umount', ['-l', m], { stdio: 'ignore' });
    } catch {
      // Not mounted any more.
    }
  }
}

/** Fills every page of the file system holding `file` with it; returns once a write hits ENOSPC. */
export function fillDisk(file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(4096, 1));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
}

