/**
 * Federation's outbox: the local broadcasts not yet confirmed by JetStream, in seq order. The
 * mailbox is the outbox's durable form: the last confirmed seq is written as a `fed` entry, and
 * after a restart everything retained after it is published again (JetStream drops a repeat of a
 * message id inside its duplicate window; receivers drop the rest by id).
 */
import type { MessageRecord } from '../../protocol/messages.ts';
import type { FederationEntry, FederationPosition } from '../../place/mailbox-entries.ts';
import { sleep } from '../../place/sleep.ts';
import type { Logger } from '../context.ts';

/** The confirmed position is written at most this often (a re-publish after a crash is harmless). */
const POSITION_WRITE_MS = 250;
/** A publish that failed is tried again after this long (same id: no duplicate). */
const RETRY_MS = 500;

export class Outbox {
  private records: MessageRecord[];
  private published: number;
  private positionTimer: NodeJS.Timeout | undefined;
  private pumping = false;

  constructor(
    position: FederationPosition | undefined,
    /** The local log's last seq: a log that never federated starts publishing after it. */
    lastSeq: number,
    retained: (afterSeq: number) => MessageRecord[],
    private readonly persist: (entry: FederationEntry) => Promise<void>,
    private readonly logger: Logger,
  ) {
    this.published = position?.published ?? lastSeq;
    this.records = retained(this.published).filter(isFederated);
    if (position?.published === undefined) void this.persist({ type: 'fed', published: this.published }).catch(() => undefined);
  }

  get length(): number {
    return this.records.length;
  }

  /** The last local seq JetStream confirmed. */
  get publishedSeq(): number {
    return this.published;
  }

  /** Messages made durable locally: the ones sent here, to everyone, are queued; true when any was. */
  add(records: MessageRecord[]): boolean {
    let added = false;
    for (const r of records) {
      if (!isFederated(r) || r.seq <= this.published) continue;
      this.records.push(r);
      added = true;
    }
    return added;
  }

  /**
   * Publishes the queue in seq order, one at a time, while `canSend` holds; a failed publish is
   * retried after a pause (reported through `onError`). One pump at a time.
   */
  async pump(canSend: () => boolean, send: (r: MessageRecord) => Promise<void>, onError: (err: Error) => void): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.records.length > 0 && canSend()) {
        const r = this.records[0]!;
        try {
          await send(r);
        } catch (err) {
          onError(err as Error);
          await sleep(RETRY_MS, { unref: true });
          continue;
        }
        this.records.shift();
        if (r.seq > this.published) this.published = r.seq;
        this.schedulePositionWrite();
      }
    } finally {
      this.pumping = false;
    }
  }

  stop(): void {
    if (this.positionTimer) clearTimeout(this.positionTimer);
  }

  private schedulePositionWrite(): void {
    if (this.positionTimer) return;
    this.positionTimer = setTimeout(() => {
      this.positionTimer = undefined;
      this.persist({ type: 'fed', published: this.published }).catch((err: Error) => {
        this.logger.warn({ err: err.message }, 'federation: position not written; messages may be published again (de-duplicated)');
      });
    }, POSITION_WRITE_MS);
    this.positionTimer.unref();
  }
}

/** Broadcasts sent on this host go out; direct messages name local sessions and stay here. */
export function isFederated(r: MessageRecord): boolean {
  return r.remoteId === undefined && r.to === undefined;
}
