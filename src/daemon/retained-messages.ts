/**
 * The messages a broker keeps in memory: ascending by seq, bounded by retention, with the seq
 * counter and a pool that lets messages share one copy of their origin and label. Pure.
 */
import { MESSAGE_KINDS, type MessageRecord } from '../protocol/messages.ts';
import type { Retention } from '../place/config.ts';

export class RetainedMessages {
  private seq = 0;
  /** The last seq recorded (see recordedSeq): at most `seq`, below it while a message is being written. */
  private recorded = 0;
  /** Retained messages, ascending seq. */
  private messages: MessageRecord[] = [];
  /** Shared copies of origins (by session id, then pid) and labels: see share(). */
  private readonly origins = new Map<string, Map<number, MessageRecord['origin']>>();
  private readonly labels = new Map<string, string>();

  constructor(private readonly retention: Retention) {}

  get lastSeq(): number {
    return this.seq;
  }

  get count(): number {
    return this.messages.length;
  }

  /** The retained messages, ascending seq: read-only. */
  get list(): readonly MessageRecord[] {
    return this.messages;
  }

  /**
   * The last seq the mailbox has a message for (or its meta names): every message up to it is
   * in the list, or retention dropped it. Seqs above it, up to lastSeq, are stamped on messages
   * still being written (or refused). A reader that has every message up to it has every one
   * accepted so far, and can be told of each later one as it is accepted.
   */
  get recordedSeq(): number {
    return this.recorded;
  }

  /** No seq up to `lastSeq` is given again; every one up to it is recorded (a mailbox's meta). */
  raiseSeq(lastSeq: number): void {
    if (lastSeq > this.seq) this.seq = lastSeq;
    if (lastSeq > this.recorded) this.recorded = lastSeq;
  }

  /** Spends the next seq: never reused, even if the message it was for is then refused. */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Adds a message made durable by the caller (live, or read back by replay). */
  accept(record: MessageRecord): void {
    this.raiseSeq(record.seq);
    this.share(record);
    // The count limit holds as messages arrive (age is checked now and then): a burst cannot
    // grow memory past it. Trimmed in steps so a busy bus does not copy the array per message.
    const max = this.retention.maxCount;
    if (this.messages.length >= max + Math.max(100, Math.floor(max / 10))) this.messages = this.messages.slice(this.messages.length - max + 1);
    const last = this.messages[this.messages.length - 1];
    if (last && last.seq >= record.seq) {
      // Appends finish in seq order; this keeps the array sorted even if one ever does not.
      const at = this.indexAfter(record.seq);
      this.messages.splice(at, 0, record);
    } else {
      this.messages.push(record);
    }
  }

  /** Retained messages with seq > `seq`, oldest first. */
  after(seq: number): MessageRecord[] {
    return this.messages.slice(this.indexAfter(seq));
  }

  /** Drops what falls out of the retention window (count, then age); returns how many went. */
  dropOld(now: number): number {
    const cutoff = now - this.retention.maxAgeMs;
    let drop = Math.max(0, this.messages.length - this.retention.maxCount);
    while (drop < this.messages.length && this.messages[drop]!.ts < cutoff) drop++;
    if (drop > 0) this.messages = this.messages.slice(drop);
    return drop;
  }

  /** The position that leaves every message at or after `since` unread (a new session's backfill). */
  seqBefore(since: number): number {
    let lo = 0;
    let hi = this.messages.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.messages[mid]!.ts < since) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? (this.messages[0]?.seq ?? this.seq + 1) - 1 : this.messages[lo - 1]!.seq;
  }

  /** Index of the first retained message with seq > `seq` (binary search: drain stays flat). */
  indexAfter(seq: number): number {
    let lo = 0;
    let hi = this.messages.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.messages[mid]!.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Makes a message use the one copy of its origin, label and kind that earlier messages use:
   * a log of 100,000 messages from a few sessions holds a few copies, not 100,000. Sharing is
   * only a saving, so the pool is simply emptied when it grows large.
   */
  private share(m: MessageRecord): void {
    if (this.origins.size + this.labels.size > 10_000) {
      this.origins.clear();
      this.labels.clear();
    }
    let byPid = this.origins.get(m.origin.sessionId);
    if (!byPid) this.origins.set(m.origin.sessionId, (byPid = new Map()));
    const origin = byPid.get(m.origin.pid);
    if (origin) m.origin = origin;
    else byPid.set(m.origin.pid, m.origin);
    const from = this.labels.get(m.from);
    if (from !== undefined) m.from = from;
    else this.labels.set(m.from, m.from);
    m.kind = MESSAGE_KINDS.find((k) => k === m.kind) ?? m.kind;
  }
}
