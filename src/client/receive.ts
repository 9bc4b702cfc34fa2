/**
 * Receiving a session's messages exactly once: peek, acknowledge, and only then show.
 *
 * The position moves only with the receiver's ack, so a daemon killed before the ack is recorded
 * hands the batch out again, and one killed after it never does. An ack whose connection broke
 * is sent again on a new connection (idempotent by seq) until it is known to be recorded. What
 * is left: a receiver killed between the recorded ack and showing loses that batch; a receiver
 * past its deadline with the ack sent but unanswered shows it (the ack may yet land), so a
 * batch is shown twice rather than never.
 */
import { sleep } from '../place/sleep.ts';
import type { DeliveryPath, PeekResult, SessionIdentity } from '../protocol/messages.ts';
import type { Connection } from './connect.ts';
import { ConnectionError } from '../transport/rpc-client.ts';

/** Between two tries to reach a daemon that is coming back. */
const RECONNECT_PAUSE_MS = 20;

export interface ReceiveOptions {
  maxChars: number;
  backfillMinutes?: number;
  via: DeliveryPath;
  /** The caller's own deadline (ms since the epoch): also how long the batch is held for it. */
  deadline: number;
  /** A new connection after the old one broke (connectOrSpawn). */
  reconnect: () => Promise<Connection>;
  /** Called with the batch once it is peeked and before it is acknowledged. */
  onPeeked?: (batch: PeekResult) => void;
}

export async function receive(conn: Connection, who: SessionIdentity, o: ReceiveOptions): Promise<PeekResult> {
  const left = () => Math.max(1, o.deadline - Date.now());
  const batch = await conn.client.request('peek', { ...who, maxChars: o.maxChars, backfillMinutes: o.backfillMinutes, leaseMs: Math.min(60_000, left() + 1000) }, left());
  if (batch.upTo <= batch.cursor) return batch;
  o.onPeeked?.(batch);
  for (;;) {
    try {
      await conn.client.request('ack', { ...who, upTo: batch.upTo, via: o.via }, left());
      return batch;
    } catch (err) {
      if (!(err instanceof ConnectionError) || err.code === 'ETIMEDOUT' || Date.now() >= o.deadline) throw err;
      conn.client.close();
      conn = await reconnectBy(o);
    }
  }
}

/** A new connection, tried again until the deadline: the daemon may take a moment to be back. */
async function reconnectBy(o: ReceiveOptions): Promise<Connection> {
  for (;;) {
    try {
      return await o.reconnect();
    } catch (err) {
      if (Date.now() >= o.deadline) throw err;
      await sleep(RECONNECT_PAUSE_MS);
    }
  }
}
