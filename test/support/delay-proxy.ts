/**
 * A TCP proxy that adds a fixed delay to each direction: what a WAN link does to NATS traffic
 * where the kernel has no netem. 15 ms each way is +30 ms round trip. Bytes keep their order
 * (a chunk is written no earlier than the chunks read before it); a half-close is delayed like
 * data; an error on one side ends both.
 *
 * In-process: `startDelayProxy(…)` (the bench, on loopback). As a process, e.g. inside a network
 * namespace (net-hosts.ts runs it made JavaScript, under plain node):
 *   node --import tsx test/support/delay-proxy.ts <listenHost> <listenPort> <targetHost> <targetPort> <delayMs>
 * prints `listening <port>` once it listens, takes `delay <ms>` lines on stdin (answered
 * `delay <ms>`), and exits when stdin ends: a test process that dies takes its proxy with it.
 */
import * as net from 'node:net';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface DelayProxyOptions {
  listenHost?: string;
  /** 0: any free port. */
  listenPort?: number;
  targetHost: string;
  targetPort: number;
  /** Added to each direction. */
  delayMs: number;
  /**
   * Connections are accepted and held (not read, not passed on) until `release()`: a client that
   * connects meanwhile waits for the server's first words as for a slow server, then goes on.
   */
  held?: boolean;
}

export interface DelayProxy {
  host: string;
  port: number;
  /** Applies to what is read from now on; what is queued keeps its time (and its order). */
  setDelay(ms: number): void;
  /** Passes on the connections held (see `held`) and every one from now on. */
  release(): void;
  /** Ends every connection open now, both sides, as a link that fails: what it held is lost. New ones pass as before. */
  cut(): void;
  /** Connections open now. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * How much one direction may hold (queued plus unsent in the socket) before it stops reading:
 * a burst is delayed, not buffered without bound.
 */
const HIGH_WATER_BYTES = 4 * 1024 * 1024;

export async function startDelayProxy(o: DelayProxyOptions): Promise<DelayProxy> {
  let delayMs = o.delayMs;
  const open = new Set<net.Socket>();
  let held = o.held ?? false;
  const waiting: (() => void)[] = [];
  const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    if (!held) return pass(client);
    client.pause();
    const onError = () => client.destroy();
    client.on('error', onError);
    waiting.push(() => {
      client.off('error', onError);
      if (client.destroyed) return;
      pass(client);
      client.resume();
    });
  });
  const pass = (client: net.Socket) => {
    const upstream = net.connect({ host: o.targetHost, port: o.targetPort, allowHalfOpen: true, noDelay: true });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      s.on('error', end);
      s.on('close', end);
    }
    delayed(client, upstream, () => delayMs);
    delayed(upstream, client, () => delayMs);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.listenPort ?? 0, o.listenHost ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    host: address.address,
    port: address.port,
    setDelay: (ms) => void (delayMs = ms),
    release: () => {
      held = false;
      for (const go of waiting.splice(0)) go();
    },
    cut: () => {
      for (const s of open) s.destroy();
    },
    connections: () => open.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** What `from` sends reaches `to` `delay()` ms later, in order, its end too. */
function delayed(from: net.Socket, to: net.Socket, delay: () => number): void {
  const queue: { at: number; chunk?: Buffer }[] = [];
  let queuedBytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const full = () => queuedBytes + to.writableLength > HIGH_WATER_BYTES;
  const flush = () => {
    timer = undefined;
    // One side failed: both are gone (see `end` above), and so is what was on its way.
    if (to.destroyed) return void (queue.length = 0);
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.at <= now) {
      const { chunk } = queue.shift()!;
      if (!chunk) {
        to.end();
        continue;
      }
      queuedBytes -= chunk.length;
      to.write(chunk);
    }
    if (from.isPaused() && !full()) from.resume();
    schedule();
  };
  const schedule = () => {
    if (timer || queue.length === 0) return;
    timer = setTimeout(flush, Math.max(0, queue[0]!.at - performance.now()));
  };
  from.on('data', (chunk: Buffer) => {
    queue.push({ at: performance.now() + delay(), chunk });
    queuedBytes += chunk.length;
    if (full()) from.pause();
    schedule();
  });
  from.on('end', () => {
    queue.push({ at: performance.now() + delay() });
    schedule();
  });
  to.on('drain', () => {
    if (from.isPaused() && !full()) from.resume();
  });
  // What was on its way goes with the link, and no timer of a long delay outlives it.
  to.once('close', () => {
    clearTimeout(timer);
    timer = undefined;
    queue.length = 0;
  });
}

async function main(argv: string[]): Promise<void> {
  const [listenHost, listenPort, targetHost, targetPort, delay] = argv;
  if (!listenHost || !listenPort || !targetHost || !targetPort || delay === undefined) {
    console.error('usage: delay-proxy <listenHost> <listenPort> <targetHost> <targetPort> <delayMs>');
    process.exit(2);
  }
  const proxy = await startDelayProxy({ listenHost, listenPort: Number(listenPort), targetHost, targetPort: Number(targetPort), delayMs: Number(delay) });
  process.stdout.write(`listening ${proxy.port}\n`);
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const m = /^delay (\d+(?:\.\d+)?)$/.exec(line.trim());
    if (!m) return;
    proxy.setDelay(Number(m[1]));
    process.stdout.write(`delay ${m[1]}\n`);
  });
  // The test process is gone (or done with us): so are we.
  lines.on('close', () => process.exit(0));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  });
}
