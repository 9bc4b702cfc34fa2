/**
 * Federation: the brokers of one project on several hosts share one bus through NATS JetStream.
 * All NATS I/O of the daemon lives here; the broker stays pure and the daemon reaches this
 * through a narrow seam (`FederationHooks` in, the public methods out).
 *
 * This file is the port (the one class the daemon talks to); its parts are the connection
 * (connection.ts), the outbox (outbox.ts), the intake loop (intake.ts) with its exactly-once
 * ledger (inbox.ts), presence (presence.ts) and the claims bucket (claim-sync.ts).
 *
 * - Messages. Each local broadcast is published to `sbus.<project>.msg.<hostId>` in the stream
 *   `SBUS_<project>` with the message id `<hostId>:<seq>` (JetStream drops a re-publish inside its
 *   duplicate window). The local mailbox is the outbox: the last seq JetStream confirmed is
 *   written to the mailbox (`fed` entry), and everything after it is published again after a
 *   restart or an outage, in seq order, pipelined (outbox.ts). Messages of the other hosts come from
 *   this host's durable consumer; each is appended to the mailbox (with its `remoteId`) before it
 *   is acknowledged, and the ids already taken in (rebuilt from the mailbox on restart, in any
 *   order) are dropped: exactly once.
 * - Presence (presence.ts). A KV bucket whose entries live one lease; each host rewrites its own
 *   entry (its live sessions) every tick. That write is also the link's heartbeat: a link that
 *   has not answered for LIVENESS_MS is reported `disconnected` and grants no shared claim, long
 *   before the client's own pings give up on it.
 * - Claims (claim-sync.ts). A KV bucket keyed by resource, followed by a watcher; a claim is
 *   shared, refused, or granted local only with a warning, in a few round trips whatever the
 *   bucket holds.
 * - The lease is the bus's: the TTL the claims bucket was made with. Every host paces its ticks
 *   and ages entries by it, whatever its own setting (status says when they differ).
 */
import type { ClaimInfo, FederationHost, FederationHostSession, FederationStatus, MessageRecord } from '../../protocol/messages.ts';
import type { FederationEntry, FederationPosition } from '../../place/mailbox-entries.ts';
import type { Claim } from '../claims.ts';
import type { Logger } from '../context.ts';
import { ClaimSync, type AcquireOutcome } from './claim-sync.ts';
import { coalesced } from './coalesced.ts';
import type { FederationSettings } from './config.ts';
import { FederationLink, PUBLISH_TIMEOUT_MS } from './connection.ts';
import type { HostIdentity } from './host-id.ts';
import { InboundLedger } from './inbox.ts';
import { linkReport } from './link-report.ts';
import { Intake } from './intake.ts';
import { Outbox, remoteRecipientIds } from './outbox.ts';
import { PresenceView } from './presence.ts';
import { busNames, messageId, type BusNames, type FederatedMessage, type Presence } from './wire.ts';

export type { AcquireOutcome };

/** The link counts as confirmed while a heartbeat was answered this recently (never longer than the lease). */
const LIVENESS_MS = 3000;
/** A heartbeat (this host's presence write) not answered within this long has failed. */
const HEARTBEAT_TIMEOUT_MS = 1500;
/** A graceful stop waits this long at most to take this host out of the others' view. */
const LEAVE_TIMEOUT_MS = 500;

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
  private readonly presence: PresenceView;
  /** When NATS last answered a heartbeat (or the set-up): the link's liveness. */
  private lastAnswerAt = 0;
  private heartbeatFailing = false;
  private following: Promise<void> | undefined;
  private readonly intake: Intake;

  private tickTimer: NodeJS.Timeout | undefined;
  private tickEvery = 0;
  /** The heartbeat and presence, then the claims refresh: see tick(). */
  private readonly kick = coalesced(() => this.tick());
  /**
   * The claims bucket brought in line, one refresh at a time. Not awaited by the tick: a refresh
   * waits its turn behind the claims asked before it, and the heartbeat must not wait with it (a
   * burst of claims would leave the link unconfirmed and grant the rest local only while NATS answers).
   */
  private readonly refreshClaims = coalesced(async () => {
    const kv = this.link.claimsKv;
    if (!kv || this.link.stopped || !this.linkConfirmed()) return;
    await this.claims.refresh(kv).catch((err: Error) => this.hooks.logger.warn({ err: err.message }, 'federation: claims refresh failed'));
  });

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
      // The set-up just made several round trips: the link is confirmed.
      this.lastAnswerAt = Date.now();
      this.schedule();
      void this.follow();
      void this.intake.run();
      void this.pump();
      this.kick();
    });
    this.inbox = new InboundLedger(position, retained(0));
    this.intake = new Intake(this.link, this.names.stream, host.id, this.inbox, (m) => this.hooks.ingest(m), (id) => hooks.isLocalSession(id), hooks.logger);
    this.outbox = new Outbox(position, lastSeq, retained, (entry) => this.hooks.persist(entry), hooks.logger, (id) => hooks.isLocalSession(id));
    this.claims = new ClaimSync({
      hostId: host.id,
      hostName: settings.hostName,
      logger: hooks.logger,
      localClaims: () => this.hooks.localClaims(),
      bucket: () => (this.link.state === 'connected' ? this.link.claimsKv : undefined),
      linkConfirmed: () => this.linkConfirmed(),
      leaseMs: () => this.leaseMs,
    });
    this.presence = new PresenceView(host.id, hooks.logger);
  }

  /** The bus's lease once connected (see the file comment), this host's setting before. */
  get leaseMs(): number {
    return this.link.busLeaseMs ?? this.settings.leaseMs;
  }

  /** Presence and claims are rewritten a few times per lease. */
  get tickMs(): number {
    return Math.max(200, Math.min(1000, Math.floor(this.leaseMs / 3)));
  }

  /** Connects in the background; the local bus never waits for NATS. */
  start(): void {
    void this.link.run();
    this.schedule();
  }

  /** Graceful: this host leaves the others' presence at once (bounded), then the link closes. */
  async stop(): Promise<void> {
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.outbox.stop();
    this.intake.stop();
    const presence = this.link.presenceKv;
    if (presence && this.linkConfirmed()) {
      await this.presence.leave(presence, LEAVE_TIMEOUT_MS).catch((err: Error) => this.hooks.logger.warn({ err: err.message }, 'federation: presence not removed; the other hosts drop this one after its lease'));
    }
    this.claims.stop();
    this.presence.stop();
    this.link.stop();
  }

  /** NATS answered within LIVENESS_MS (or the lease, if shorter): a shared grant is possible. */
  linkConfirmed(): boolean {
    return this.link.ready && this.link.state === 'connected' && Date.now() - this.lastAnswerAt < Math.min(LIVENESS_MS, this.leaseMs);
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
    return this.presence.hosts(Date.now(), this.leaseMs);
  }

  status(): FederationStatus {
    const now = Date.now();
    const confirmed = this.linkConfirmed();
    const bus = this.link.busLeaseMs;
    const link = linkReport({ now, state: this.link.state, ready: this.link.ready, stateSince: this.link.stateSince, ...(this.link.lastError ? { lastError: this.link.lastError } : {}), confirmed, lastAnswerAt: this.lastAnswerAt, outbox: this.outbox.length, settingLeaseMs: this.settings.leaseMs, ...(bus !== undefined ? { busLeaseMs: bus } : {}) });
    return {
      state: link.state,
      ...(link.reason ? { reason: link.reason } : {}),
      url: this.settings.displayUrl,
      project: this.settings.project,
      subject: `${this.names.subjectPrefix}.*`,
      host: { id: this.host.id, name: this.settings.hostName },
      since: link.since,
      outbox: this.outbox.length,
      publishedSeq: this.outbox.publishedSeq,
      inboundPending: this.intake.pending,
      received: this.intake.received,
      ...(this.intake.lastReceivedAt ? { lastReceivedAt: this.intake.lastReceivedAt } : {}),
      claimsLocalOnly: !confirmed,
      ...(bus !== undefined ? { leaseMs: bus } : {}),
      warnings: [...link.warnings, ...this.claims.warnings(), ...this.presence.warnings(this.hooks.localClaims(), now, this.leaseMs)],
      hosts: this.remoteHosts(),
    };
  }

  /** Before a local claim is granted: see ClaimSync.acquire. */
  acquire(claim: Claim): Promise<AcquireOutcome> {
    return this.claims.acquire(claim);
  }

  /** The broker decided a claim `acquire` answered: see ClaimSync.settled. */
  settled(resource: string): void {
    void this.claims.settled(resource).then(() => this.claimsChanged());
  }

  // ——— messages out ———

  private pump(): Promise<void> {
    return this.outbox.pump(
      () => !this.link.stopped && this.link.ready && this.link.state === 'connected' && this.link.js !== undefined,
      async (r) => {
        const to = remoteRecipientIds(r, (id) => this.hooks.isLocalSession(id));
        const body: FederatedMessage = { v: 1, hostId: this.host.id, host: this.settings.hostName, seq: r.seq, ts: r.ts, sessionId: r.origin.sessionId, from: r.from, kind: r.kind, text: r.text, ...(to ? { to } : {}) };
        await this.link.js!.publish(this.subject, JSON.stringify(body), { msgID: messageId(this.host.id, r.seq), timeout: this.settings.publishTimeoutMs ?? PUBLISH_TIMEOUT_MS });
      },
      (err) => {
        this.link.lastError = err.message;
      },
    );
  }

  // ——— presence and claims ———

  /** The tick follows the bus's lease, known once connected. */
  private schedule(): void {
    if (this.tickTimer && this.tickEvery === this.tickMs) return;
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.tickEvery = this.tickMs;
    this.tickTimer = setInterval(() => this.kick(), this.tickEvery);
    this.tickTimer.unref();
  }

  /** Watchers on both buckets, new at each connection (what was deleted while away was not seen); one start at a time. */
  private follow(): Promise<void> {
    const presence = this.link.presenceKv;
    const claims = this.link.claimsKv;
    if (!presence || !claims) return Promise.resolve();
    this.following ??= Promise.all([this.claims.watch(claims), this.presence.watch(presence)])
      .then(() => undefined)
      .catch((err: Error) => this.hooks.logger.warn({ err: err.message }, 'federation: cannot watch the buckets; claims are local only until it can'))
      .finally(() => {
        this.following = undefined;
      });
    return this.following;
  }

  /** The heartbeat (this host's presence), then the claims bucket brought in line while the link is confirmed. */
  private async tick(): Promise<void> {
    const presence = this.link.presenceKv;
    const claims = this.link.claimsKv;
    // While the client knows it is disconnected there is nothing to confirm; a write then would
    // wait out its timeout and hold up the first tick after the reconnect.
    if (this.link.stopped || !this.link.ready || this.link.state !== 'connected' || !presence || !claims) return;
    if (!this.claims.watching || !this.presence.watching) await this.follow();
    const unshared = this.claims.unshared().map((c) => ({ resource: c.resource, label: c.label, since: c.since }));
    const me: Presence = { v: 1, hostId: this.host.id, host: this.settings.hostName, sessions: this.hooks.localSessions(), ts: Date.now(), ...(unshared.length ? { unshared } : {}) };
    try {
      await this.presence.put(presence, me, HEARTBEAT_TIMEOUT_MS);
      this.lastAnswerAt = Date.now();
      // Entries are dated by the server's stamps moved to this clock (bucket-mirror.ts).
      const offset = this.presence.clockOffset();
      if (offset !== undefined) for (const view of [this.presence, this.claims]) view.alignClock(offset);
      if (this.heartbeatFailing) this.hooks.logger.info({}, 'federation: NATS answers again');
      this.heartbeatFailing = false;
    } catch (err) {
      if (!this.heartbeatFailing) this.hooks.logger.warn({ err: (err as Error).message }, 'federation: NATS does not answer; claims are local only until it does');
      this.heartbeatFailing = true;
      return;
    }
    if (!this.linkConfirmed()) return;
    this.refreshClaims();
  }
}
