/**
 * The daemon's client: an RpcPeer asking the wire's methods, over a socket (`connect`) or any
 * transport (a linked in-memory pair in tests). Small on purpose: the hook bundles it. Requests
 * may be pipelined; replies are matched by id; notifications from the daemon go to
 * `onNotification`.
 */
import { createConnection } from 'node:net';
import type { Methods } from '../protocol/messages.ts';
import { ConnectionError } from './rpc-errors.ts';
import { RpcPeer } from './rpc-peer.ts';
import { SocketTransport } from './socket-transport.ts';
import type { ClientTransport } from './transport.ts';

export { ConnectionError, RpcError } from './rpc-errors.ts';

export class RpcClient extends RpcPeer<Methods> {
  readonly #transport: ClientTransport;

  constructor(transport: ClientTransport) {
    super(transport, 'the session-bus daemon closed the connection');
    this.#transport = transport;
  }

  static connect(socketPath: string, timeoutMs = 2000): Promise<RpcClient> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(socketPath);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ConnectionError(`timed out connecting to ${socketPath}`, 'ETIMEDOUT'));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new RpcClient(new SocketTransport(socket)));
      });
      socket.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new ConnectionError(err.message, err.code));
      });
    });
  }

  /** Sends raw bytes: for tests that speak bad frames. */
  writeRaw(data: string | Buffer): void {
    this.#transport.writeRaw(data);
  }

  override close(): void {
    this.#transport.end();
    this.#transport.close();
  }

  /** Lets the process exit while this connection stays open (a long-lived MCP server does not want that). */
  unref(): void {
    this.#transport.unref();
  }
}
