/**
 * Federation: the brokers of one project on several hosts share one bus through NATS JetStream.
 * All NATS I/O of the daemon lives here; the broker stays pure and the daemon reaches this
 * through a narrow seam (`FederationHooks` in, the public methods out).
 *
 * This file is the port (the one class the daemon talks to) and the connection; its parts are
 * the outbox (outbox.ts), the exactly-once intake ledger (inbox.ts), presence (presence.ts) and
 * the claims bucket (claim-sync.ts).
 *
 * - Messages. Each local broadcast is published to `sbus.<project>.msg.<hostId>` in the stream
 *   `SBUS_<project>` with the message id `<hostId>:<seq>` (JetStream drops a re-publish inside its
 *   duplicate window). The local mailbox is the outbox: the last seq JetStream confirmed is
 *   written to the mailbox (`fed` entry), and everything after it is published again after a
 *   restart or an outage, in seq order, pipelined (outbox.ts). Messages of the other hosts come from
 *   this host's durable consumer; each is appended to the mailbox (with its `remoteId`) before it
 *   is acknowledged, and the ids already taken in (rebuilt from the mailbox on restart, in any
 *   order) are dropped: exactly once.
 * - Presence. A KV bucket whose entries live one lease; each host re-puts its own entry (its live
 *   sessions) every tick, so a host that dies leaves the others' view within a lease.
 * - Claims. A KV bucket keyed by resource, also with a lease TTL that the holder's host refreshes
 *   by revision-checked update. A claim is granted only after an atomic `create` succeeds and no
 *   overlapping claim of another host has a lower revision (lowest revision wins a race between
 *   two different but overlapping resources). While NATS is unreachable claims are local only
 *   and status says so; on reconnect local claims are pushed and conflicts reported.
 */
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { ClaimInfo, FederationHost, FederationHostSession, FederationStatus, MessageRecord } from '../../protocol/messages.ts';
import type { FederationEntry, FederationPosition } from '../../place/mailbox-entries.ts';
import { sleep } from '../../place/sleep.ts';
import type { Claim } from '../claims.ts';
import type { Logger } from '../context.ts';
import { ClaimSync, KV_WORK_TIMEOUT_MS, type AcquireOutcome } from './claim-sync.ts';
import type { FederationSettings } from './config.ts';
import { FederationLink, PUBLISH_TIMEOUT_MS } from './connection.ts';
import type { HostIdentity } from './host-id.ts';
import { InboundLedger } from './inbox.ts';
import { Outbox, remoteRecipientIds } from './outbox.ts';
import { refreshPresence } from './presence.ts';
import { busNames, decodeJson, FederatedMessageSchema, messageId, type BusNames, type FederatedMessage, type Presence } from './wire.ts';

export type { AcquireOutcome };

/** A message that could not be taken in is offered again after this long. */
const RETRY_MS = 500;

export interface FederationHooks {
  logger: Logger;
  /** Makes a message from another host durable in the local mailbox, then delivers it. */
  ingest(message: FederatedMessage): Promise<void>;
  /** Makes the confirmed position durable. */
  persist(entry: FederationEntry): Promise<void>;
  /** The live local sessions, for presence. */
  localSessions(): FederationHostSession[];
  /** Is this a session of this host (live or not)? Direct messages go out, and come in, by it. */
  isLocalSession(sessionId: string): boolean;
  /** The claims held on this host now. */
  localClaims(): Claim[];
}

export class Federation {
  private readonly names: BusNames;
  private readonly subject: string;
  private readonly link: FederationLink;

  private readonly outbox: Outbox;
  private readonly inbox: InboundLedger;
  private readonly claims: ClaimSync;
  private consuming = false;
  private receivedCount = 0;
  private lastReceivedAt: number | undefined;
  private inboundPending = 0;
  private consumer: ConsumerMessages | undefined;

  private tickTimer: NodeJS.Timeout | undefined;
  private ticking = false;
  private tickAgain = false;
  private hosts: FederationHost[] = [];

  constructor(
    private readonly settings: FederationSettings,
    private readonly host: HostIdentity,
    private readonly hooks: FederationHooks,
    position: FederationPosition | undefined,
    /** The local log's last seq: a log that never federated starts publishing after it. */
    lastSeq: number,
    /** Retained messages after a seq: the outbox after a restart, what was taken in, compaction's floors. */
    private readonly retained: (afterSeq: number) => MessageRecord[],
  ) {
    this.names = busNames(settings.project);
    this.subject = `${this.names.subjectPrefix}.${host.id}`;
    this.link = new FederationLink(settings, host, this.names, `h_${host.id}`, hooks.logger, () => {
      void this.consume();
      void this.pump();
      this.kick();
    });
    this.inbox = new InboundLedger(position, retained(0));
    this.outbox = new Outbox(position, lastSeq, retained, (entry) => this.hooks.persist(entry), hooks.logger, (id) => hooks.isLocalSession(id));
    this.claims = new ClaimSync({
      hostId: host.id,
      hostName: settings.hostName,
      bucketName: this.names.claimsBucket,
      logger: hooks.logger,
      localClaims: () => this.hooks.localClaims(),
      bucket: () => (this.link.state === 'connected' ? this.link.claimsKv : undefined),
      jsm: () => this.link.jsm,
    });
  }

  get tickMs(): number {
    return Math.max(200, Math.min(1000, Math.floor(this.settings.leaseMs / 3)));
  }

  /** Connects in the background; the local bus never waits for NATS. */
  start(): void {
    void this.link.run();
    this.tickTimer = setInterval(() => this.kick(), this.tickMs);
    this.tickTimer.unref();
  }

  stop(): void {
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.outbox.stop();
    this.consumer?.stop();
    this.link.stop();
  }

  /** Messages made durable locally: the ones sent here, to everyone, go out. */
  onAccepted(records: MessageRecord[]): void {
    if (this.outbox.add(records)) void this.pump();
  }

  /** Local claims changed (taken, released, expired): bring the claims bucket in line soon. */
  claimsChanged(): void {
    setImmediate(() => this.kick());
  }

  /** The entry a compacted mailbox keeps: the published position and, per host, the intake floor. */
  snapshotEntry(): FederationEntry {
    return { type: 'fed', published: this.outbox.publishedSeq, received: this.inbox.floors(this.retained(0)) };
  }

  /** Claims held on other hosts, as last seen. */
  remoteClaims(now: number): ClaimInfo[] {
    return this.claims.remoteClaims(now);
  }

  remoteHosts(): FederationHost[] {
    return this.hosts;
  }

  status(): FederationStatus {
    const warnings: string[] = [];
    if (this.link.state !== 'connected') warnings.push(`NATS unreachable (${this.link.lastError ?? this.link.state}): claims are local only; ${this.outbox.length} message(s) wait to be forwarded`);
    warnings.push(...this.claims.warnings());
    return {
      state: this.link.state,
      ...(this.link.lastError ? { reason: this.link.lastError } : {}),
      url: this.settings.displayUrl,
      project: this.settings.project,
      subject: `${this.names.subjectPrefix}.*`,
      host: { id: this.host.id, name: this.settings.hostName },
      since: this.link.stateSince,
      outbox: this.outbox.length,
      publishedSeq: this.outbox.publishedSeq,
      inboundPending: this.inboundPending,
      received: this.receivedCount,
      ...(this.lastReceivedAt ? { lastReceivedAt: this.lastReceivedAt } : {}),
      claimsLocalOnly: this.link.state !== 'connected',
      warnings,
      hosts: this.hosts,
    };
  }

  /** Before a local claim is granted: see ClaimSync.acquire. */
  acquire(claim: Claim): Promise<AcquireOutcome> {
    return this.claims.acquire(claim);
  }

  // ——— messages in ———

  /**
   * The one loop taking messages from this host's durable consumer (never two: each message is
   * made durable and acknowledged before the next is looked at). Restarts the consumer when it
   * fails; what was pulled but not acknowledged comes again and is dropped if already taken in.
   */
  private async consume(): Promise<void> {
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
          const consumer = await js.consumers.get(this.names.stream, this.link.durable);
          const messages = await consumer.consume({ max_messages: 256 });
          this.consumer = messages;
          for await (const m of messages) {
            if (this.link.stopped) return;
            if (!(await this.onRemote(m))) {
              messages.stop();
              break;
            }
          }
        } catch (err) {
          this.hooks.logger.warn({ err: (err as Error).message }, 'federation: consumer stopped; restarting');
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
  private async onRemote(m: JsMsg): Promise<boolean> {
    this.inboundPending = m.info.pending;
    const msg = decodeJson(FederatedMessageSchema, m.data);
    if (!msg) {
      this.hooks.logger.warn({ subject: m.subject, seq: m.seq }, 'federation: not a session-bus message; skipped');
      m.ack();
      return true;
    }
    // A direct message to none of this host's sessions is not taken in: it is for another host.
    if (msg.hostId === this.host.id || this.inbox.taken(msg.hostId, msg.seq) || (msg.to && !msg.to.some((id) => this.hooks.isLocalSession(id)))) {
      m.ack();
      return true;
    }
    try {
      await this.hooks.ingest(msg);
    } catch (err) {
      this.hooks.logger.error({ err: (err as Error).message, id: messageId(msg.hostId, msg.seq) }, 'federation: could not append a message from another host; retrying');
      m.nak(RETRY_MS);
      return false;
    }
    this.inbox.markSeen(messageId(msg.hostId, msg.seq));
    this.receivedCount += 1;
    this.lastReceivedAt = Date.now();
    m.ack();
    return true;
  }

  // ——— messages out ———

  private pump(): Promise<void> {
    return this.outbox.pump(
      () => !this.link.stopped && this.link.ready && this.link.state === 'connected' && this.link.js !== undefined,
      async (r) => {
        const to = remoteRecipientIds(r, (id) => this.hooks.isLocalSession(id));
        const body: FederatedMessage = { v: 1, hostId: this.host.id, host: this.settings.hostName, seq: r.seq, ts: r.ts, sessionId: r.origin.sessionId, from: r.from, kind: r.kind, text: r.text, ...(to ? { to } : {}) };
        await this.link.js!.publish(this.subject, JSON.stringify(body), { msgID: messageId(this.host.id, r.seq), timeout: PUBLISH_TIMEOUT_MS });
      },
      (err) => {
        this.link.lastError = err.message;
      },
    );
  }

  // ——— presence and claims ———

  private kick(): void {
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = true;
    void this.tick().finally(() => {
      this.ticking = false;
      if (this.tickAgain) {
        this.tickAgain = false;
        this.kick();
      }
    });
  }

  private async tick(): Promise<void> {
    const presence = this.link.presenceKv;
    const claims = this.link.claimsKv;
    if (this.link.stopped || !this.link.ready || this.link.state !== 'connected' || !presence || !claims) return;
    try {
      const me: Presence = { v: 1, hostId: this.host.id, host: this.settings.hostName, sessions: this.hooks.localSessions(), ts: Date.now() };
      this.hosts = await refreshPresence(presence, this.link.jsm, this.names.presenceBucket, me, KV_WORK_TIMEOUT_MS);
      await this.claims.refresh(claims);
    } catch (err) {
      this.hooks.logger.warn({ err: (err as Error).message }, 'federation: presence/claims refresh failed');
    }
  }
}
