/**
 * One daemon per project. The bind is the lock; a stale socket (ECONNREFUSED) is unlinked and
 * bound again, and that check-unlink-bind runs under an exclusive-create lock file holding the
 * pid, so two starting daemons can never both decide a live socket is stale.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import { createHoldingPid, lockHolder, isStaleLock } from '../place/start-lock.ts';
import { sleep } from '../place/sleep.ts';

/** A daemon that died holding the lock leaves it behind; after this long a live holder is also suspect. */
const LOCK_WAIT_MS = 5000;
const LOCK_POLL_MS = 20;

export type BindOutcome = 'bound' | 'already-running';

/**
 * Asked, under the lock, when a daemon answers at the socket: resolves true once that daemon
 * has gone for this one to take its place (it was older), false to leave it serving.
 */
export type Replace = (socketPath: string) => Promise<boolean>;

export async function bindExclusive(server: net.Server, socketPath: string, lockPath: string, replace?: Replace): Promise<BindOutcome> {
  await acquireLock(lockPath);
  try {
    try {
      await listen(server, socketPath);
      return 'bound';
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
    if ((await answers(socketPath)) && !(await replace?.(socketPath))) return 'already-running';
    try {
      fs.unlinkSync(socketPath);
    } catch (err) {
      // The daemon we replaced removed it on its way out.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await listen(server, socketPath);
    return 'bound';
  } finally {
    releaseLock(lockPath);
  }
}

/** True once nothing answers at the socket, false if something still does at `until`. */
export async function waitUntilGone(socketPath: string, until: number): Promise<boolean> {
  while (Date.now() < until) {
    if (!(await answers(socketPath))) return true;
    await sleep(LOCK_POLL_MS);
  }
  return false;
}

function listen(server: net.Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    // The socket is created 0600: no window in which another user could connect.
    const old = process.umask(0o177);
    try {
      server.listen(socketPath);
    } finally {
      process.umask(old);
    }
  });
}

function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createConnection(socketPath);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

async function acquireLock(lockPath: string): Promise<void> {
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    if (createHoldingPid(lockPath)) return;
    if (isStaleLock(lockPath) || Date.now() > until) {
      try {
        fs.unlinkSync(lockPath);
      } catch {
        // Someone else cleared it first.
      }
      continue;
    }
    await sleep(LOCK_POLL_MS);
  }
}

function releaseLock(lockPath: string): void {
  try {
    if (lockHolder(lockPath) === process.pid) fs.unlinkSync(lockPath);
  } catch {
    // Gone already.
  }
}
