/** A raw socket to the daemon that speaks whatever bytes a test wants. */
import * as net from 'node:net';

export interface Exchange {
  replies: any[];
  closed: boolean;
  timedOut: boolean;
}

/**
 * Opens a raw socket, writes `bytes` (in the given chunks), and collects reply lines until
 * `expected` replies arrived (at least one), the daemon closed the connection, or `timeoutMs` passed.
 */
export function rawExchange(socketPath: string, chunks: (Buffer | string)[], expected: number, timeoutMs = 5000): Promise<Exchange> {
  return new Promise((resolve) => {
    const s = net.createConnection(socketPath);
    let buf = '';
    const replies: any[] = [];
    let finished = false;
    const done = (closed: boolean, timedOut = false) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      s.destroy();
      resolve({ replies, closed, timedOut });
    };
    const timer = setTimeout(() => done(false, true), timeoutMs);
    s.on('data', (d) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        replies.push(JSON.parse(buf.slice(0, nl)));
        buf = buf.slice(nl + 1);
      }
      if (replies.length >= expected) done(false);
    });
    s.on('close', () => done(true));
    s.on('error', () => undefined);
    s.on('connect', () => {
      // No "no reply within 50 ms" mode: a caller proving that something is not answered ends
      // its bytes with a request that is (a sentinel) and counts it in `expected`.
      for (const c of chunks) s.write(c);
    });
  });
}

/** A well-behaved session on the same daemon: after any attack it still broadcasts and drains, and the daemon is the same process. */
