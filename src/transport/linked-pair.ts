/**
 * Two linked in-memory transports, for tests: what one end sends, the other receives, as bytes
 * through the same framing and frame limits a socket has. It models what backpressure needs: an
 * end can stop reading (`pause`), and what it leaves unread is the sender's `unreadBytes`, as a
 * socket's unwritten backlog is. Delivery is asynchronous (a later turn), like a socket's.
 */
import { encodeFrame, LineDecoder } from '../protocol/framing.ts';
import type { ClientTransport } from './transport.ts';

export class LinkedTransport implements ClientTransport {
  onmessage: ClientTransport['onmessage'];
  onclose: ClientTransport['onclose'];
  onerror: ClientTransport['onerror'];
  onflush: ClientTransport['onflush'];
  /** The other end; set by `linkedPair`. */
  other!: LinkedTransport;
  private readonly decoder: LineDecoder;
  /** Bytes sent to this end that it has not read yet. */
  private inbox: Buffer[] = [];
  private inboxBytes = 0;
  private started = false;
  private reading = true;
  private readScheduled = false;
  private turnOpen = false;
  /** The other end ended: close once everything it sent has been read. */
  private closeAfterRead = false;
  private shut = false;
  private gone = false;

  constructor(maxFrameBytes = Number.MAX_SAFE_INTEGER) {
    this.decoder = new LineDecoder(maxFrameBytes);
  }

  start(): void {
    this.started = true;
    this.scheduleRead();
  }

  get closed(): boolean {
    return this.shut;
  }

  get unreadBytes(): number {
    return this.other.inboxBytes;
  }

  send(message: unknown): void {
    this.writeRaw(encodeFrame(message));
  }

  writeRaw(data: string | Buffer): void {
    if (this.shut) return;
    this.other.receive(Buffer.from(data));
    if (this.turnOpen) return;
    this.turnOpen = true;
    process.nextTick(() => {
      this.turnOpen = false;
      this.onflush?.();
    });
  }

  /** Stops reading, as a client that never reads its socket: what arrives waits, unread. */
  pause(): void {
    this.reading = false;
  }

  resume(): void {
    this.reading = true;
    this.scheduleRead();
  }

  end(): void {
    if (this.shut) return;
    this.shut = true;
    this.other.closeAfterRead = true;
    this.other.scheduleRead();
  }

  close(): void {
    if (this.shut && this.gone) return;
    this.hangUp();
    this.other.hangUp();
  }

  unref(): void {
    // Nothing holds the process open.
  }

  private receive(chunk: Buffer): void {
    if (this.gone) return;
    this.inbox.push(chunk);
    this.inboxBytes += chunk.length;
    this.scheduleRead();
  }

  private scheduleRead(): void {
    if (this.readScheduled || !this.started || !this.reading || this.gone) return;
    this.readScheduled = true;
    setImmediate(() => {
      this.readScheduled = false;
      this.read();
    });
  }

  private read(): void {
    while (this.reading && !this.gone && this.inbox.length > 0) {
      const chunk = this.inbox.shift()!;
      this.inboxBytes -= chunk.length;
      for (const frame of this.decoder.push(chunk)) {
        if (this.shut) break;
        this.onmessage?.(frame);
      }
    }
    if (this.closeAfterRead && this.inbox.length === 0) this.close();
  }

  /** This end is gone: what it had not read is lost, and it says so once, a turn later. */
  private hangUp(): void {
    this.shut = true;
    if (this.gone) return;
    this.gone = true;
    this.inbox = [];
    this.inboxBytes = 0;
    setImmediate(() => this.onclose?.());
  }
}

/** Two ends linked to each other; each takes lines up to its own limit (the daemon's end: MAX_FRAME_BYTES). */
export function linkedPair(aMaxFrameBytes?: number, bMaxFrameBytes?: number): [LinkedTransport, LinkedTransport] {
  const a = new LinkedTransport(aMaxFrameBytes);
  const b = new LinkedTransport(bMaxFrameBytes);
  a.other = b;
  b.other = a;
  return [a, b];
}
