/**
 * A stand-in for a daemon that stalls after it has done the work: a proxy in front of the real
 * socket that forwards every request but only the first `passReplies` reply lines of each
 * connection, then withholds the rest (as a slow fsync or a stopped daemon would). When the
 * client goes away, so does the proxy's connection to the daemon.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export interface WithholdingProxy {
  /** Requests that reached the daemon, by method. */
  forwarded: string[];
  close(): void;
}

export async function withholdingProxy(listenPath: string, daemonPath: string, passReplies: number): Promise<WithholdingProxy> {
  fs.mkdirSync(path.dirname(listenPath), { recursive: true, mode: 0o700 });
  const forwarded: string[] = [];
  const server = net.createServer((client) => {
    const daemon = net.createConnection(daemonPath);
    let passed = 0;
    let pending = '';
    let requests = '';
    daemon.on('data', (chunk) => {
      pending += chunk.toString('utf8');
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0 && passed < passReplies) {
        client.write(pending.slice(0, nl + 1));
        pending = pending.slice(nl + 1);
        passed += 1;
      }
    });
    client.on('data', (chunk) => {
      requests += chunk.toString('utf8');
      let nl;
      while ((nl = requests.indexOf('\n')) >= 0) {
        forwarded.push(JSON.parse(requests.slice(0, nl)).method);
        requests = requests.slice(nl + 1);
      }
      daemon.write(chunk);
    });
    const end = () => {
      client.destroy();
      daemon.destroy();
    };
    client.on('close', end);
    daemon.on('close', end);
    client.on('error', end);
    daemon.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(listenPath, resolve));
  return { forwarded, close: () => server.close() };
}
