/**
 * The transport over a socket (a Unix socket, a named pipe): newline-delimited JSON cut from
 * Buffers by the LineDecoder, so a UTF-8 character split across chunks arrives whole and a line
 * over the limit is reported, not buffered. Small on purpose: the hook bundles it.
 */
import type { Socket } from 'node:net';
import { encodeFrame, LineDecoder } from '../protocol/framing.ts';
import type { ClientTransport, TransportFailure } from './transport.ts';

export interface SocketTransportOptions {
  /** The longest line taken; longer ones arrive as `oversize`. The daemon's is MAX_FRAME_BYTES; a client takes any answer. */
  maxFrameBytes?: number;
  /** Frames sent in one turn leave in one write, not one system call each (the daemon acks a group commit's batch at once). */
  batchWrites?: boolean;
}

export class SocketTransport implements ClientTransport {
  onmessage: ClientTransport['onmessage'];
  onclose: ClientTransport['onclose'];
  onerror: ClientTransport['onerror'];
  onflush: ClientTransport['onflush'];
  readonly #socket: Socket;
  readonly #decoder: LineDecoder;
  readonly #batch: boolean;
  #failure: TransportFailure | undefined;
  #ended = false;
  #turnOpen = false;

  constructor(socket: Socket, options: SocketTransportOptions = {}) {
    this.#socket = socket;
    this.#decoder = new LineDecoder(options.maxFrameBytes ?? Number.MAX_SAFE_INTEGER);
    this.#batch = options.batchWrites ?? false;
  }

  start(): void {
    this.#socket.on('data', (chunk: Buffer) => {
      for (const frame of this.#decoder.push(chunk)) {
        if (this.closed) return;
        this.onmessage?.(frame);
      }
    });
    this.#socket.on('error', (err: NodeJS.ErrnoException) => {
      // A reset by the peer, a broken pipe: 'close' follows.
      this.#failure ??= err;
      this.onerror?.(err);
    });
    this.#socket.on('close', () => {
      this.#ended = true;
      this.onclose?.(this.#failure);
    });
  }

  get closed(): boolean {
    return this.#ended || this.#socket.destroyed;
  }

  /** What the socket holds that the kernel has not taken: the reader has left at least this unread. */
  get unreadBytes(): number {
    return this.#socket.writableLength;
  }

  send(message: unknown): void {
    this.writeRaw(encodeFrame(message));
  }

  writeRaw(data: string | Buffer): void {
    if (this.closed) return;
    if (!this.#turnOpen) {
      this.#turnOpen = true;
      if (this.#batch) this.#socket.cork();
      process.nextTick(() => {
        this.#turnOpen = false;
        if (this.#batch) this.#socket.uncork();
        this.onflush?.();
      });
    }
    this.#socket.write(data);
  }

  end(): void {
    this.#ended = true;
    this.#socket.end();
  }

  close(): void {
    this.#ended = true;
    this.#socket.destroy();
  }

  unref(): void {
    this.#socket.unref();
  }
}
