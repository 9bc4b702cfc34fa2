/**
 * Keeps the daemon reachable at its socket path. The path can be deleted while the daemon runs
 * (a cleaned /tmp, `rm -rf` of the socket dir) or taken by another process; a daemon that did
 * not notice would serve only the clients already connected, and the next client would start a
 * second daemon. So the path is checked every SOCKET_CHECK_MS (and at once on SIGUSR2, which a
 * daemon that found the mailbox taken sends to its owner): when it is not this daemon's socket
 * any more, the daemon binds it again, under the same start lock as at start. Connections
 * already open are not affected.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { Endpoint } from '../place/endpoint.ts';
import { ensurePrivateDir } from '../place/private-dir.ts';
import type { Logger } from './context.ts';
import { bindExclusive, type BindOutcome, type Replace } from './single-instance.ts';

/** How soon a deleted or replaced socket path is served again. */
export const SOCKET_CHECK_MS = 1000;
/** Binds tried when the socket dir keeps vanishing under a start. */
const BIND_ATTEMPTS = 5;

export class SocketKeeper {
  /** The socket file this daemon bound: the only one it may remove. */
  private inode: number | undefined;
  private checking = false;
  private timer: NodeJS.Timeout | undefined;
  /** Called after the path was bound again (the socket dir may be new: markers and log follow). */
  onRebound: (() => void) | undefined;

  constructor(
    private readonly endpoint: Endpoint,
    /** A new listening server, wired to the daemon's connection handler. */
    private readonly newServer: () => net.Server,
    private readonly logger: Logger,
  ) {}

  async bind(replace?: Replace): Promise<BindOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await bindExclusive(this.newServer(), this.endpoint.socketPath, this.endpoint.lockPath, replace);
        if (outcome === 'bound') this.remember();
        return outcome;
      } catch (err) {
        // The socket dir was removed under us (a cleaner, a person): make it again and retry.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= BIND_ATTEMPTS) throw err;
        ensurePrivateDir(this.endpoint.dir);
      }
    }
  }

  /** True while the path is this daemon's socket. */
  ownsPath(): boolean {
    if (process.platform === 'win32') return true;
    try {
      return this.inode !== undefined && fs.statSync(this.endpoint.socketPath).ino === this.inode;
    } catch {
      return false;
    }
  }

  watch(replace: Replace): void {
    this.timer = setInterval(() => void this.check(replace), SOCKET_CHECK_MS);
    this.timer.unref();
    process.on('SIGUSR2', () => void this.check(replace));
  }

  /** Serves the path again if it is not ours. A server bound before stays open: closing it would unlink the path. */
  async check(replace: Replace): Promise<void> {
    if (this.checking || this.ownsPath()) return;
    this.checking = true;
    try {
      ensurePrivateDir(this.endpoint.dir);
      const outcome = await this.bind(replace);
      if (outcome === 'bound') {
        this.logger.warn({ socket: this.endpoint.socketPath }, 'the socket path was removed or replaced; serving it again');
        this.onRebound?.();
      }
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, socket: this.endpoint.socketPath }, 'could not serve the socket path again; trying again');
    } finally {
      this.checking = false;
    }
  }

  /** On the way out: removes the socket file only if it is still ours (a replacing daemon may own it by now). */
  removeOwnSocket(): void {
    if (this.timer) clearInterval(this.timer);
    try {
      if (this.ownsPath() && process.platform !== 'win32') fs.unlinkSync(this.endpoint.socketPath);
    } catch {
      // Already gone.
    }
  }

  private remember(): void {
    try {
      fs.chmodSync(this.endpoint.socketPath, 0o600);
      this.inode = fs.statSync(this.endpoint.socketPath).ino;
    } catch {
      // Named pipes have no mode.
    }
  }
}
