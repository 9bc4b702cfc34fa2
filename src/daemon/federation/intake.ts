/**
 * Federation's intake: the one loop taking the other hosts' messages from this host's durable
 * consumer (never two: each message is made durable and acknowledged before the next is looked
 * at). It restarts the consumer when it fails; what was pulled but not acknowledged comes again
 * and is dropped if already taken in (the ledger, inbox.ts): exactly once.
 */
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { sleep } from '../../place/sleep.ts';
import type { Logger } from '../context.ts';
import type { FederationLink } from './connection.ts';
import type { InboundLedger } from './inbox.ts';
import { decodeJson, FederatedMessageSchema, messageId, type FederatedMessage } from './wire.ts';

/** A message that could not be taken in is offered again after this long. */
const RETRY_MS = 500;

export class Intake {
  private consuming = false;
  private consumer: ConsumerMessages | undefined;
  /** Messages taken in since start, the last one's time, and what waits in the consumer: for status. */
  received = 0;
  lastReceivedAt: number | undefined;
  pending = 0;

  constructor(
    private readonly link: FederationLink,
    private readonly stream: string,
    private readonly hostId: string,
    private readonly ledger: InboundLedger,
    /** Makes a message durable in the local mailbox, then delivers it. */
    private readonly ingest: (message: FederatedMessage) => Promise<void>,
    /** A direct message naming none of this host's sessions is for another host. */
    private readonly isLocalSession: (sessionId: string) => boolean,
    private readonly logger: Logger,
  ) {}

  stop(): void {
    this.consumer?.stop();
  }

  /** Runs the loop unless it runs already (called at each connection). */
  async run(): Promise<void> {
    if (this.consuming) return;
    this.consuming = true;
    try {
      while (!this.link.stopped) {
        const js = this.link.js;
        if (!js || !this.link.ready) {
          await sleep(RETRY_MS, { unref: true });
          continue;
        }
        try {
          const consumer = await js.consumers.get(this.stream, this.link.durable);
          const messages = await consumer.consume({ max_messages: 256 });
          this.consumer = messages;
          for await (const m of messages) {
            if (this.link.stopped) return;
            if (!(await this.take(m))) {
              messages.stop();
              break;
            }
          }
        } catch (err) {
          this.logger.warn({ err: (err as Error).message }, 'federation: consumer stopped; restarting');
        } finally {
          this.consumer = undefined;
        }
        if (!this.link.stopped) await sleep(1000, { unref: true });
      }
    } finally {
      this.consuming = false;
    }
  }

  /** One message from the stream; false when it could not be made durable (retried later). */
  private async take(m: JsMsg): Promise<boolean> {
    this.pending = m.info.pending;
    const msg = decodeJson(FederatedMessageSchema, m.data);
    if (!msg) {
      this.logger.warn({ subject: m.subject, seq: m.seq }, 'federation: not a session-bus message; skipped');
      m.ack();
      return true;
    }
    // A direct message to none of this host's sessions is not taken in: it is for another host.
    if (msg.hostId === this.hostId || this.ledger.taken(msg.hostId, msg.seq) || (msg.to && !msg.to.some((id) => this.isLocalSession(id)))) {
      m.ack();
      return true;
    }
    try {
      await this.ingest(msg);
    } catch (err) {
      this.logger.error({ err: (err as Error).message, id: messageId(msg.hostId, msg.seq) }, 'federation: could not append a message from another host; retrying');
      m.nak(RETRY_MS);
      return false;
    }
    this.ledger.markSeen(messageId(msg.hostId, msg.seq));
    this.received += 1;
    this.lastReceivedAt = Date.now();
    m.ack();
    return true;
  }
}
