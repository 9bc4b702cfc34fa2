/**
 * The slow-consumer rule, over any transport: a reader that leaves more than the backlog cap
 * unread is dropped, so one client that stops reading cannot grow the daemon's memory without
 * bound or hold anyone else up. The daemon wraps every connection in it; clients do not.
 */
import { MAX_CLIENT_BACKLOG_BYTES } from '../protocol/limits.ts';
import type { Transport } from './transport.ts';

/**
 * A reader holding more than the cap unread (one big answer may pass it) is given this long to
 * read some of it; one that reads nothing in that time is dropped as a slow consumer.
 */
export const SLOW_CONSUMER_MS = 5000;

export interface BacklogLimits {
  /** Bytes a reader may leave unread. */
  capBytes: number;
  /** How long a reader over the cap has to read some of it. */
  slowConsumerMs: number;
}

export const DEFAULT_BACKLOG_LIMITS: BacklogLimits = { capBytes: MAX_CLIENT_BACKLOG_BYTES, slowConsumerMs: SLOW_CONSUMER_MS };

/** Why a connection was dropped, as data (reported to `onerror` before the close). */
export class SlowConsumer extends Error {
  override name = 'SlowConsumer';
  constructor(readonly backlog: number) {
    super('slow consumer: unread backlog over the cap; connection dropped');
  }
}

/**
 * A transport with the rule applied to what is sent on it. The backlog is judged before each
 * frame, so one answer bigger than the cap (a long backlog handed out at once) goes to a reader
 * that reads; a reader with the cap unread that is sent more is dropped at once, and one that
 * reads nothing of a big answer for `slowConsumerMs` is dropped then.
 */
export class BacklogGuard implements Transport {
  onmessage: Transport['onmessage'];
  onclose: Transport['onclose'];
  onerror: Transport['onerror'];
  onflush: Transport['onflush'];
  private stallTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly inner: Transport,
    private readonly limits: BacklogLimits = DEFAULT_BACKLOG_LIMITS,
  ) {}

  start(): void {
    this.inner.onmessage = (frame) => this.onmessage?.(frame);
    this.inner.onerror = (err) => this.onerror?.(err);
    this.inner.onclose = (failure) => {
      clearTimeout(this.stallTimer);
      this.onclose?.(failure);
    };
    this.inner.onflush = () => {
      const backlog = this.inner.unreadBytes;
      if (backlog > this.limits.capBytes) this.watchStall(backlog);
      this.onflush?.();
    };
    this.inner.start();
  }

  get closed(): boolean {
    return this.inner.closed;
  }

  get unreadBytes(): number {
    return this.inner.unreadBytes;
  }

  send(message: unknown): void {
    if (this.inner.closed) return;
    if (this.inner.unreadBytes > this.limits.capBytes) {
      this.drop();
      return;
    }
    this.inner.send(message);
  }

  end(): void {
    this.inner.end();
  }

  close(): void {
    this.inner.close();
  }

  private watchStall(backlog: number): void {
    if (this.stallTimer) return;
    this.stallTimer = setTimeout(() => {
      this.stallTimer = undefined;
      const now = this.inner.unreadBytes;
      if (this.inner.closed || now <= this.limits.capBytes) return;
      if (now >= backlog) this.drop();
      else this.watchStall(now);
    }, this.limits.slowConsumerMs);
    this.stallTimer.unref();
  }

  private drop(): void {
    this.onerror?.(new SlowConsumer(this.inner.unreadBytes));
    this.inner.close();
  }
}
