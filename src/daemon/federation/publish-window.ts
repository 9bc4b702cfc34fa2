/**
 * The outbox's bookkeeping for pipelined publishing, pure (no NATS, no timers): which message
 * to send next, how many are in flight, and the confirmed position — the highest seq such that
 * every queued message up to it is confirmed, whatever order the confirmations come in.
 *
 * A failed publish ends the round: nothing new is sent until every publish in flight has
 * settled, then the next round starts again from the first unconfirmed message, in seq order,
 * skipping those confirmed meanwhile. A message sent twice keeps its id, so JetStream drops the
 * repeat and receivers drop it by id: exactly once. Order per host holds because a round sends
 * in seq order on one connection, and a connection that loses a message loses everything sent
 * after it on that connection too (the client discards what it buffered while disconnected).
 */
import type { MessageRecord } from '../../protocol/messages.ts';

type EntryState = 'queued' | 'sent' | 'confirmed';

interface Entry {
  record: MessageRecord;
  state: EntryState;
}

/** Confirmed entries at the head are dropped by moving an index; the array is cut this rarely. */
const COMPACT_AFTER = 1024;

export class PublishWindow {
  private entries: Entry[] = [];
  /** Entries before this index are confirmed and gone from the queue. */
  private head = 0;
  /** The next entry this round may send (everything before it was sent or confirmed). */
  private cursor = 0;
  private sending = 0;
  /** Entries after the head confirmed out of order (still queued behind an unconfirmed one). */
  private confirmedAhead = 0;
  private failed = false;
  private confirmedUpTo: number;

  constructor(
    /** At most this many publishes wait for their confirmation at once. */
    readonly maxInFlight: number,
    /** The last seq already confirmed (from the mailbox). */
    published: number,
  ) {
    this.confirmedUpTo = published;
  }

  /** The highest seq with everything up to it confirmed: what the mailbox records. */
  get published(): number {
    return this.confirmedUpTo;
  }

  /** Messages not confirmed yet, in flight included. */
  get length(): number {
    return this.entries.length - this.head - this.confirmedAhead;
  }

  get inFlight(): number {
    return this.sending;
  }

  /** A publish failed this round: nothing is sent until the rest settle and `resume` is called. */
  get failing(): boolean {
    return this.failed;
  }

  /** Queues messages in seq order (a seq at or below what is queued or confirmed is ignored); true when any was. */
  add(records: readonly MessageRecord[]): boolean {
    let added = false;
    for (const record of records) {
      const last = this.entries.length > this.head ? this.entries[this.entries.length - 1]!.record.seq : this.confirmedUpTo;
      if (record.seq <= last) continue;
      this.entries.push({ record, state: 'queued' });
      added = true;
    }
    return added;
  }

  /** The next message to publish now, counted in flight; undefined when the window is full, a round failed, or nothing waits. */
  next(): MessageRecord | undefined {
    if (this.failed || this.sending >= this.maxInFlight) return undefined;
    this.cursor = Math.max(this.cursor, this.head);
    while (this.cursor < this.entries.length && this.entries[this.cursor]!.state !== 'queued') this.cursor += 1;
    const entry = this.entries[this.cursor];
    if (!entry) return undefined;
    entry.state = 'sent';
    this.cursor += 1;
    this.sending += 1;
    return entry.record;
  }

  /** JetStream confirmed `seq`; true when the confirmed position moved. */
  confirm(seq: number): boolean {
    const entry = this.inFlightEntry(seq);
    if (!entry) return false;
    entry.state = 'confirmed';
    this.sending -= 1;
    this.confirmedAhead += 1;
    const before = this.confirmedUpTo;
    while (this.head < this.entries.length && this.entries[this.head]!.state === 'confirmed') {
      this.confirmedUpTo = this.entries[this.head]!.record.seq;
      this.head += 1;
      this.confirmedAhead -= 1;
    }
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.cursor = Math.max(0, this.cursor - this.head);
      this.head = 0;
    }
    return this.confirmedUpTo !== before;
  }

  /** The publish of `seq` failed (an error or no confirmation in time): it is queued again and the round ends. */
  fail(seq: number): void {
    const entry = this.inFlightEntry(seq);
    if (!entry) return;
    entry.state = 'queued';
    this.sending -= 1;
    this.failed = true;
  }

  /** After a failure, once nothing is in flight: the next round starts from the first unconfirmed message. False while some are in flight. */
  resume(): boolean {
    if (this.sending > 0) return false;
    this.failed = false;
    this.cursor = this.head;
    return true;
  }

  /** The entry of `seq` if it is in flight (entries are in seq order: a binary search). */
  private inFlightEntry(seq: number): Entry | undefined {
    let lo = this.head;
    let hi = this.entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = this.entries[mid]!;
      if (e.record.seq === seq) return e.state === 'sent' ? e : undefined;
      if (e.record.seq < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}
