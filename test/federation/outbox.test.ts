/**
 * Federation's outbox in process: the publish window's position logic (pure) and the pump
 * driving it with a fake JetStream whose confirmations come late, out of order, or not at all.
 */
import { describe, expect, it } from 'vitest';
import { isFederated, Outbox, remoteRecipientIds } from '../../src/daemon/federation/outbox.ts';
import { PublishWindow } from '../../src/daemon/federation/publish-window.ts';
import type { FederationEntry } from '../../src/place/mailbox-entries.ts';
import type { MessageRecord } from '../../src/protocol/messages.ts';
import { waitFor } from '../support/project.ts';

const rec = (seq: number): MessageRecord => ({ seq, ts: 1, origin: { sessionId: 's', pid: 0 }, from: 'main#aaaaaa', kind: 'note', text: `m${seq}` });
const recs = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => rec(from + i));
const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Takes everything the window lets out now. */
function drainWindow(w: PublishWindow): number[] {
  const out: number[] = [];
  for (let r = w.next(); r; r = w.next()) out.push(r.seq);
  return out;
}

describe('the publish window (pure)', () => {
  it('issue 19: confirmations arriving out of order move the position only over a confirmed prefix', () => {
    const w = new PublishWindow(4, 10);
    w.add(recs(11, 16));
    expect(drainWindow(w)).toEqual([11, 12, 13, 14]);
    // At most four in flight: nothing more until one settles.
    expect(w.next()).toBeUndefined();
    expect(w.confirm(13)).toBe(false);
    expect(w.confirm(12)).toBe(false);
    expect(w.published).toBe(10);
    expect(w.length).toBe(4);
    expect(drainWindow(w)).toEqual([15, 16]);
    expect(w.confirm(11)).toBe(true);
    expect(w.published).toBe(13);
    expect(w.confirm(16)).toBe(false);
    expect(w.published).toBe(13);
    expect(w.confirm(14)).toBe(true);
    expect(w.published).toBe(14);
    expect(w.confirm(15)).toBe(true);
    expect(w.published).toBe(16);
    expect(w.length).toBe(0);
    // A confirmation of something not in flight (twice, or unknown) changes nothing.
    expect(w.confirm(16)).toBe(false);
    expect(w.confirm(99)).toBe(false);
    expect(w.inFlight).toBe(0);
  });

  it('issue 19: a failure in the middle: nothing new until the rest settle, then again from the first unconfirmed, in order, skipping what was confirmed', () => {
    const w = new PublishWindow(8, 0);
    w.add(recs(1, 10));
    expect(drainWindow(w)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    w.confirm(1);
    w.confirm(2);
    w.fail(4);
    expect(w.failing).toBe(true);
    // The round ended: 9 and 10 wait, and the retry waits for everything in flight.
    expect(w.next()).toBeUndefined();
    w.confirm(3);
    w.confirm(5);
    w.fail(6);
    w.confirm(8);
    expect(w.resume()).toBe(false);
    w.fail(7);
    expect(w.published).toBe(3);
    expect(w.length).toBe(5); // 4, 6, 7, 9, 10
    expect(w.resume()).toBe(true);
    expect(drainWindow(w)).toEqual([4, 6, 7, 9, 10]);
    for (const seq of [4, 6, 7, 9, 10]) w.confirm(seq);
    expect(w.published).toBe(10);
    expect(w.length).toBe(0);
  });

  it('keeps seq order when messages are added while others are in flight; ignores what is already queued or confirmed', () => {
    const w = new PublishWindow(2, 5);
    expect(w.add([rec(3), rec(5)])).toBe(false);
    w.add(recs(6, 7));
    expect(drainWindow(w)).toEqual([6, 7]);
    expect(w.add([rec(7), rec(8)])).toBe(true);
    w.confirm(6);
    expect(drainWindow(w)).toEqual([8]);
    w.confirm(8);
    w.confirm(7);
    expect(w.published).toBe(8);
  });

  it('a long outage: thousands queued, confirmed in windows, the position exact throughout', () => {
    const w = new PublishWindow(128, 0);
    w.add(recs(1, 5000));
    let expected = 0;
    while (w.length > 0) {
      const batch = drainWindow(w);
      // Confirmed back to front: the position moves only with the first of the batch.
      for (const seq of [...batch].reverse()) w.confirm(seq);
      expected = batch[batch.length - 1]!;
      expect(w.published).toBe(expected);
    }
    expect(expected).toBe(5000);
  });
});

describe('what goes out', () => {
  it('issue 19: a direct message naming a session of another host goes out, with only those recipients; one to this host\'s sessions stays here', () => {
    const isLocal = (id: string) => id.startsWith('local-');
    const dm = (...to: string[]) => ({ ...rec(1), to });
    expect(isFederated(rec(1), isLocal)).toBe(true);
    expect(isFederated(dm('local-1'), isLocal)).toBe(false);
    expect(isFederated(dm('local-1', 'remote-1'), isLocal)).toBe(true);
    expect(remoteRecipientIds(dm('local-1', 'remote-1', 'remote-2'), isLocal)).toEqual(['remote-1', 'remote-2']);
    // Taken in from another host: never sent on.
    expect(isFederated({ ...dm('remote-1'), remoteId: 'h:1' }, isLocal)).toBe(false);
    expect(isFederated({ ...rec(1), remoteId: 'h:1' }, isLocal)).toBe(false);
  });
});

describe('the outbox pump', () => {
  /**
   * A fake JetStream: each publish settles after `delayMs(seq)`. `cut(seq)` says the connection
   * drops under that publish, its first time: it and everything sent after it until that failure
   * is reported are lost (sent on the dead connection, or buffered and discarded by the client);
   * what was sent before it may still be stored. `lostAck(seq)` says the message is stored but its
   * confirmation is lost, its first time.
   */
  function fakeStream(delayMs: (seq: number) => number, options: { cut?: (seq: number) => boolean; lostAck?: (seq: number) => boolean } = {}) {
    const stored: number[] = [];
    const attempts = new Map<number, number>();
    let sends = 0;
    let lostFrom = Infinity;
    let lostUntil = Infinity;
    let inFlight = 0;
    let maxInFlight = 0;
    const send = async (r: MessageRecord) => {
      const attempt = (attempts.get(r.seq) ?? 0) + 1;
      attempts.set(r.seq, attempt);
      const index = sends++;
      const cutHere = attempt === 1 && (options.cut?.(r.seq) ?? false);
      if (cutHere) lostFrom = index;
      const lost = index >= lostFrom && index < lostUntil;
      // Stored in the order sent (one connection, one stream); a repeat of a stored id is dropped.
      if (!lost && !stored.includes(r.seq)) stored.push(r.seq);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((res) => setTimeout(res, delayMs(r.seq)));
      inFlight -= 1;
      if (cutHere) lostUntil = sends;
      if (lost) throw new Error(`publish ${r.seq}: connection lost`);
      if (attempt === 1 && options.lostAck?.(r.seq)) throw new Error(`publish ${r.seq}: timed out`);
    };
    return { send, stored, attempts, get maxInFlight() { return maxInFlight; } };
  }

  /** An outbox whose every recorded position had everything up to it stored when written. */
  function outboxOver(stored: number[]) {
    const persisted: number[] = [];
    const o = new Outbox({ published: 0, received: new Map() }, 0, () => [], async (e: FederationEntry) => {
      const p = e.published ?? 0;
      for (let seq = 1; seq <= p; seq++) if (!stored.includes(seq)) throw new Error(`position ${p} recorded before ${seq} was stored`);
      persisted.push(p);
    }, logger, () => false);
    return { o, persisted };
  }

  it('issue 19: publishes are pipelined, not one at a time (at 30 ms per confirmation a 300-message burst took 9 s)', async () => {
    const js = fakeStream(() => 30);
    const { o } = outboxOver(js.stored);
    o.add(recs(1, 300));
    const t0 = Date.now();
    await o.pump(() => true, js.send, () => undefined);
    const took = Date.now() - t0;
    expect(js.stored).toEqual(recs(1, 300).map((r) => r.seq));
    expect(js.maxInFlight).toBeGreaterThanOrEqual(64);
    expect(js.maxInFlight).toBeLessThanOrEqual(256);
    // One at a time: 300 × 30 ms. A window of 64 or more: a handful of round trips.
    expect(took).toBeLessThan(3000);
    expect(o.publishedSeq).toBe(300);
    expect(o.length).toBe(0);
    o.stop();
  });

  it('issue 19: the connection lost mid-burst, confirmations out of order: each stored once, in order, and no position recorded past an unstored message', async () => {
    // Later messages confirm sooner; the connection drops under 120; 40's confirmation is lost.
    const js = fakeStream((seq) => 5 + ((300 - seq) % 17), { cut: (seq) => seq === 120, lostAck: (seq) => seq === 40 });
    const { o, persisted } = outboxOver(js.stored);
    const errors: string[] = [];
    o.add(recs(1, 200));
    const pumping = o.pump(() => true, js.send, (e) => errors.push(e.message));
    o.add(recs(201, 300));
    await pumping;
    // What was added while the pump ran goes out with the same pump or the next.
    await o.pump(() => true, js.send, () => undefined);
    expect(errors).toContain('publish 120: connection lost');
    expect(errors).toContain('publish 40: timed out');
    expect(js.attempts.get(120)).toBe(2);
    expect(js.attempts.get(40)).toBe(2);
    expect(js.stored).toEqual(recs(1, 300).map((r) => r.seq));
    expect(o.publishedSeq).toBe(300);
    // The position is written on a short timer after the last confirmation.
    await waitFor('the position written', () => persisted[persisted.length - 1] === 300);
    o.stop();
  });
});
