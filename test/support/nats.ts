/**
 * A real nats-server with JetStream for federation tests and benchmarks: loopback, a free port,
 * its own store dir. `stop()` and `start()` again keep the port and the store (an outage).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface NatsServer {
  url: string;
  port: number;
  storeDir: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server and removes its store. */
  cleanup(): Promise<void>;
}

/** Why the federation suite and bench row are skipped, and how to get them: one line. */
export const NATS_MISSING =
  'nats-server not found: the federation tests are skipped (install it: `apt-get install nats-server` on Debian/Ubuntu, or the binary from https://github.com/nats-io/nats-server/releases on PATH)';

/**
 * The nats-server binary, or undefined. `NATS_SERVER_BIN` names it (a path that does not exist
 * hides it: how the skip itself is tested); otherwise PATH and the usual sbin folders.
 */
export function findNatsServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NATS_SERVER_BIN) return fs.existsSync(env.NATS_SERVER_BIN) ? env.NATS_SERVER_BIN : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter).concat(['/usr/sbin', '/usr/local/bin', '/usr/bin'])) {
    const candidate = path.join(dir, 'nats-server');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** CI must run the federation tests: there a missing nats-server fails instead of skipping. */
export function natsRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.CI) || Boolean(env.SESSION_BUS_REQUIRE_NATS);
}

export function natsServerBinary(): string {
  const bin = findNatsServer();
  if (!bin) throw new Error(NATS_MISSING);
  return bin;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** `extraArgs`: e.g. `['--user', 'u', '--pass', 'p']` for a server that wants credentials. */
export async function startNats(extraArgs: string[] = []): Promise<NatsServer> {
  const bin = natsServerBinary();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-nats-'));
  const storeDir = path.join(base, 'js');
  const port = await freePort();
  let child: ChildProcess | undefined;
  const server: NatsServer = {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    async start() {
      if (child) return;
      const logFile = fs.openSync(path.join(base, 'nats.log'), 'a');
      const c = spawn(bin, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir, ...extraArgs], { stdio: ['ignore', logFile, logFile] });
      fs.closeSync(logFile);
      child = c;
      // A test process that dies leaves no server behind.
      const reap = () => c.kill('SIGKILL');
      process.once('exit', reap);
      c.on('exit', () => {
        process.removeListener('exit', reap);
        if (child === c) child = undefined;
      });
      await waitPort(port, 10_000);
    },
    async stop() {
      const c = child;
      if (!c) return;
      child = undefined;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      const timer = setTimeout(() => c.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
    async cleanup() {
      await server.stop();
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

async function waitPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nats-server did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
