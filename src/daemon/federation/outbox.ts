/**
 * Federation's outbox: the local broadcasts not yet confirmed by JetStream, in seq order. The
 * mailbox is the outbox's durable form: the last confirmed seq is written as a `fed` entry, and
 * after a restart everything retained after it is published again (JetStream drops a repeat of a
 * message id inside its duplicate window; receivers drop the rest by id).
 *
 * Publishing is pipelined: up to MAX_IN_FLIGHT publishes wait for their confirmation at once
 * (one at a time, a link with a 30 ms round trip carried 28 messages a second). The bookkeeping
 * (what to send, the confirmed position, a failed round) is PublishWindow's; this is the I/O.
 */
import type { MessageRecord } from '../../protocol/messages.ts';
import type { FederationEntry, FederationPosition } from '../../place/mailbox-entries.ts';
import { sleep } from '../../place/sleep.ts';
import type { Logger } from '../context.ts';
import { PublishWindow } from './publish-window.ts';

/** The confirmed position is written at most this often (a re-publish after a crash is harmless). */
const POSITION_WRITE_MS = 250;
/** A round that failed is tried again after this long (same ids: no duplicate). */
const RETRY_MS = 500;
/**
 * Publishes waiting for their confirmation at once. At a 30 ms round trip one window per trip is
 * about 4,000 messages a second, far beyond what sessions write; bounded so that an outage leaves
 * at most this many requests to time out, and the client's buffer small (128 × 8 KiB at most).
 */
export const MAX_IN_FLIGHT = 128;

export class Outbox {
  private readonly window: PublishWindow;
  private positionTimer: NodeJS.Timeout | undefined;
  private pumping = false;
  /** Wakes the pump waiting for a publish to settle or a message to be added. */
  private wake: (() => void) | undefined;

  constructor(
    position: FederationPosition | undefined,
    /** The local log's last seq: a log that never federated starts publishing after it. */
    lastSeq: number,
    retained: (afterSeq: number) => MessageRecord[],
    private readonly persist: (entry: FederationEntry) => Promise<void>,
    private readonly logger: Logger,
    /** Is this a session of this host? A direct message to none of them goes out. */
    private readonly isLocalSession: (sessionId: string) => boolean,
  ) {
    const published = position?.published ?? lastSeq;
    this.window = new PublishWindow(MAX_IN_FLIGHT, published);
    this.window.add(retained(published).filter((r) => isFederated(r, isLocalSession)));
    if (position?.published === undefined) void this.persist({ type: 'fed', published }).catch(() => undefined);
  }

  /** Messages not confirmed yet (in flight included). */
  get length(): number {
    return this.window.length;
  }

  /** The last local seq JetStream confirmed, with everything before it. */
  get publishedSeq(): number {
    return this.window.published;
  }

  /** Messages made durable locally: the ones sent here to everyone or to another host's sessions are queued; true when any was. */
  add(records: MessageRecord[]): boolean {
    const added = this.window.add(records.filter((r) => isFederated(r, this.isLocalSession)));
    if (added) this.wakePump();
    return added;
  }

  /**
   * Publishes the queue in seq order, up to MAX_IN_FLIGHT at once, while `canSend` holds. A failed
   * publish ends the round (reported through `onError`): once the rest settled, after a pause, the
   * next round starts from the first unconfirmed message. One pump at a time; what settles after
   * the pump returned is still counted.
   */
  async pump(canSend: () => boolean, send: (r: MessageRecord) => Promise<void>, onError: (err: Error) => void): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (canSend()) {
        const r = this.window.next();
        if (r) {
          this.publish(r, send, onError);
          continue;
        }
        if (this.window.inFlight > 0) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        if (!this.window.failing) break;
        await sleep(RETRY_MS, { unref: true });
        this.window.resume();
      }
    } finally {
      this.pumping = false;
    }
  }

  stop(): void {
    if (this.positionTimer) clearTimeout(this.positionTimer);
  }

  private publish(r: MessageRecord, send: (r: MessageRecord) => Promise<void>, onError: (err: Error) => void): void {
    send(r).then(
      () => {
        if (this.window.confirm(r.seq)) this.schedulePositionWrite();
      },
      (err: Error) => {
        this.window.fail(r.seq);
        onError(err);
      },
    ).finally(() => this.wakePump());
  }

  private wakePump(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private schedulePositionWrite(): void {
    if (this.positionTimer) return;
    this.positionTimer = setTimeout(() => {
      this.positionTimer = undefined;
      this.persist({ type: 'fed', published: this.window.published }).catch((err: Error) => {
        this.logger.warn({ err: err.message }, 'federation: position not written; messages may be published again (de-duplicated)');
      });
    }, POSITION_WRITE_MS);
    this.positionTimer.unref();
  }
}

/**
 * What goes out: a broadcast sent on this host, and a direct message naming a session of another
 * host (visible through presence when it was sent). A direct message to this host's sessions only
 * stays here; a message taken in from another host is never sent on.
 */
export function isFederated(r: MessageRecord, isLocalSession: (sessionId: string) => boolean): boolean {
  return r.remoteId === undefined && (r.to === undefined || r.to.some((id) => !isLocalSession(id)));
}

/** The recipients a direct message names on the other hosts: those not of this host. */
export function remoteRecipientIds(r: MessageRecord, isLocalSession: (sessionId: string) => boolean): string[] | undefined {
  return r.to?.filter((id) => !isLocalSession(id));
}
