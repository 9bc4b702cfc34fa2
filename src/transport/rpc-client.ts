/**
 * A JSON-RPC client over one socket. Small on purpose: the hook bundles it. Requests may be
 * pipelined; replies are matched by id. Notifications from the daemon go to `onNotification`.
 */
import { Socket, createConnection } from 'node:net';
import { describeError, type WireError } from '../protocol/errors.ts';
import { encodeFrame, LineDecoder } from '../protocol/framing.ts';
import type { MethodName, Methods } from '../protocol/messages.ts';

/** An error the daemon answered with, carried as data. */
export class RpcError extends Error {
  override name = 'RpcError';
  constructor(
    readonly code: number,
    message: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The connection failed or closed before an answer. `code` is the errno where there is one. */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

interface Waiter {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

export class RpcClient {
  private nextId = 1;
  private waiters = new Map<number, Waiter>();
  private decoder = new LineDecoder(Number.MAX_SAFE_INTEGER);
  private closedError: Error | undefined;
  onNotification: ((method: string, params: unknown) => void) | undefined;
  onClose: ((err?: Error) => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err: NodeJS.ErrnoException) => this.fail(new ConnectionError(err.message, err.code)));
    socket.on('close', () => this.fail(new ConnectionError('the session-bus daemon closed the connection')));
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
        resolve(new RpcClient(socket));
      });
      socket.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new ConnectionError(err.message, err.code));
      });
    });
  }

  request<M extends MethodName>(method: M, params: Methods[M]['params'], timeoutMs = 10_000): Promise<Methods[M]['result']> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve: resolve as (v: unknown) => void, reject };
      if (timeoutMs > 0) {
        waiter.timer = setTimeout(() => {
          this.waiters.delete(id);
          reject(new ConnectionError(`no answer to ${method} within ${timeoutMs} ms`, 'ETIMEDOUT'));
        }, timeoutMs);
      }
      this.waiters.set(id, waiter);
      this.socket.write(encodeFrame({ jsonrpc: '2.0', id, method, params }));
    });
  }

  /** Sends raw bytes: for tests that speak bad frames. */
  writeRaw(data: string | Buffer): void {
    this.socket.write(data);
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }

  /** Lets the process exit while this connection stays open (a long-lived MCP server does not want that). */
  unref(): void {
    this.socket.unref();
  }

  get closed(): boolean {
    return this.closedError !== undefined;
  }

  private onData(chunk: Buffer): void {
    for (const frame of this.decoder.push(chunk)) {
      if (frame.kind !== 'message') continue;
      const msg = frame.value as { id?: number | null; result?: unknown; error?: WireError; method?: string; params?: unknown };
      if (msg.method !== undefined && msg.id === undefined) {
        this.onNotification?.(msg.method, msg.params);
        continue;
      }
      const waiter = typeof msg.id === 'number' ? this.waiters.get(msg.id) : undefined;
      if (!waiter) continue;
      this.waiters.delete(msg.id as number);
      if (waiter.timer) clearTimeout(waiter.timer);
      if (msg.error) {
        waiter.reject(new RpcError(msg.error.code, msg.error.message || describeError(msg.error.code, msg.error.data), msg.error.data));
      } else {
        waiter.resolve(msg.result);
      }
    }
  }

  private fail(err: Error): void {
    if (this.closedError) return;
    this.closedError = err;
    for (const w of this.waiters.values()) {
      if (w.timer) clearTimeout(w.timer);
      w.reject(err);
    }
    this.waiters.clear();
    this.onClose?.(err);
  }
}
