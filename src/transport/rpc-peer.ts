/**
 * One JSON-RPC 2.0 peer over a transport, used by the client and the daemon alike: requests
 * out (ids, pipelined, replies matched by id, timeouts), notifications both ways, replies, and
 * a close that rejects what is still waiting. What it receives that asks for an answer
 * (requests, bad lines) goes to `onIncoming`: the daemon answers there (rpc-serve.ts), a
 * client needs not. Small on purpose: the hook bundles it.
 */
import { describeError, type WireError } from '../protocol/errors.ts';
import { readMessage, type Incoming, type RequestId } from '../protocol/jsonrpc.ts';
import { ConnectionError, RpcError } from './rpc-errors.ts';
import type { Transport, TransportFailure } from './transport.ts';

/** The methods one side may ask of the other: the params and the result of each. */
export type MethodTable<T> = { [M in keyof T]: { params: unknown; result: unknown } };
type AnyMethods = Record<string, { params: unknown; result: unknown }>;

/** What arrives that asks for an answer: a request, or bad input with the error code that answers it. */
export type AnswerDue = Extract<Incoming, { kind: 'request' | 'invalid' }>;

interface Waiter {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

export class RpcPeer<Out extends MethodTable<Out> = AnyMethods> {
  /** A notification from the other side; nobody hears what comes of it. */
  onNotification: ((method: string, params: unknown) => void) | undefined;
  /** Requests and bad lines, in arrival order. Unset, they go unanswered. */
  onIncoming: ((msg: AnswerDue) => void) | undefined;
  /** Once, when the connection is gone; every request still waiting was rejected with this error. */
  onClose: ((err: ConnectionError) => void) | undefined;
  /** A failure on the way (a reset, a dropped slow reader), or bad input reported by whoever answered it. */
  onError: ((err: Error) => void) | undefined;
  readonly #transport: Transport;
  readonly #closedWording: string;
  #nextId = 1;
  #waiters = new Map<number, Waiter>();
  #closedError: ConnectionError | undefined;

  /**
   * Starts reading at once: set the callbacks in the same turn. `closedWording` is what a
   * request still waiting when the other side hangs up is rejected with.
   */
  constructor(transport: Transport, closedWording = 'the connection closed') {
    this.#transport = transport;
    this.#closedWording = closedWording;
    transport.onmessage = (frame) => {
      const msg = readMessage(frame);
      if (msg.kind === 'reply') this.#settle(msg.id, msg.result, msg.error);
      else if (msg.kind === 'notification') this.onNotification?.(msg.method, msg.params);
      else this.onIncoming?.(msg);
    };
    transport.onerror = (err) => this.onError?.(err);
    transport.onclose = (failure) => this.#fail(failure);
    transport.start();
  }

  get closed(): boolean {
    return this.#closedError !== undefined || this.#transport.closed;
  }

  request<M extends keyof Out & string>(method: M, params: Out[M]['params'], timeoutMs = 10_000): Promise<Out[M]['result']> {
    if (this.#closedError) return Promise.reject(this.#closedError);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve: resolve as (v: unknown) => void, reject };
      if (timeoutMs > 0) {
        waiter.timer = setTimeout(() => {
          this.#waiters.delete(id);
          reject(new ConnectionError(`no answer to ${method} within ${timeoutMs} ms`, 'ETIMEDOUT'));
        }, timeoutMs);
      }
      this.#waiters.set(id, waiter);
      this.#transport.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.#transport.send({ jsonrpc: '2.0', method, params });
  }

  /** Answers a request (or a bad line, with id null). A result is always carried, `null` for none. */
  reply(id: RequestId, answer: { result: unknown } | { error: WireError }): void {
    this.#transport.send('error' in answer ? { jsonrpc: '2.0', id, error: answer.error } : { jsonrpc: '2.0', id, result: answer.result ?? null });
  }

  /** Hangs up once what was sent has left (the last word to a misbehaving peer). */
  end(): void {
    this.#transport.end();
  }

  close(): void {
    this.#transport.close();
  }

  #settle(id: unknown, result: unknown, error: WireError | undefined): void {
    const waiter = typeof id === 'number' ? this.#waiters.get(id) : undefined;
    if (!waiter) return;
    this.#waiters.delete(id as number);
    clearTimeout(waiter.timer);
    if (error) waiter.reject(new RpcError(error.code, error.message || describeError(error.code, error.data), error.data));
    else waiter.resolve(result);
  }

  #fail(failure?: TransportFailure): void {
    if (this.#closedError) return;
    const err = new ConnectionError(failure?.message ?? this.#closedWording, failure?.code);
    this.#closedError = err;
    for (const w of this.#waiters.values()) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.#waiters.clear();
    this.onClose?.(err);
  }
}
