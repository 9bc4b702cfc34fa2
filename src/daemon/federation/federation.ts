/**
 * Federation: the brokers of one project on several hosts share one bus through NATS JetStream.
 * All NATS I/O of the daemon lives here; the broker stays pure and the daemon reaches this
 * through a narrow seam (`FederationHooks` in, the public methods out).
 *
 * - Messages. Each local broadcast is published to `sbus.<project>.msg.<hostId>` in the stream
 *   `SBUS_<project>` with the message id `<hostId>:<seq>` (JetStream drops a re-publish inside its
 *   duplicate window). The local mailbox is the outbox: the last seq JetStream confirmed is
 *   written to the mailbox (`fed` entry), and everything after it is published again after a
 *   restart or an outage, in seq order, one at a time. Messages of the other hosts come from
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
import { sleep } from '../../place/sleep.ts';
import * as fs from 'node:fs';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, JetStreamApiError, StorageType, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { connect, credsAuthenticator, nanos, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import type { ClaimInfo, FederationHost, FederationHostSession, FederationState, FederationStatus, MessageRecord } from '../../protocol/messages.ts';
import type { FederationPosition } from '../../place/mailbox-entries.ts';
import { overlaps, type Claim } from '../claims.ts';
import type { Logger } from '../context.ts';
import type { FederationEntry } from '../../place/mailbox-entries.ts';
import type { FederationSettings } from './config.ts';
import type { HostIdentity } from './host-id.ts';
import {
  busNames,
  claimKey,
  decodeJson,
  FederatedMessageSchema,
  messageId,
  PresenceSchema,
  RemoteClaimSchema,
  type BusNames,
  type FederatedMessage,
  type Presence,
  type RemoteClaimValue,
} from './wire.ts';

/** Stream limits: a week of messages, like the local mailbox's default retention. */
const STREAM_MAX_AGE_MS = 7 * 24 * 3600_000;
const STREAM_MAX_MSGS = 100_000;
/**
 * JetStream drops a message whose id it saw within this window. An outage longer than this can
 * re-publish a message already stored; receivers still drop it by their high-water mark.
 */
const DUPLICATE_WINDOW_MS = 3600_000;
/** A publish not confirmed within this long is retried (same id: no duplicate). */
const PUBLISH_TIMEOUT_MS = 5000;
const RETRY_MS = 500;
/**
 * A first connection that fails (server down, bad credentials, an untrusted certificate) is tried
 * again this often; its error is in status meanwhile. Once connected, the client reconnects by itself.
 */
const CONNECT_RETRY_MS = 2000;
/** The confirmed position is written at most this often (a re-publish after a crash is harmless). */
const POSITION_WRITE_MS = 250;
/**
 * How long a message may wait unacknowledged in this host's consumer before it is redelivered:
 * what a killed broker had pulled but not taken in comes again after this long (out of order;
 * anything already taken in is dropped by its id). An append takes milliseconds; a slow one that
 * overruns this only causes a redelivery, which is dropped.
 */
const ACK_WAIT_MS = 5000;
/** A claim just taken in the bucket is committed locally within milliseconds; this is the margin. */
const ACQUIRE_GRACE_MS = 5000;
/** A claim or a refresh gives up on NATS after this long (a claim is then granted locally, with a warning). */
const KV_WORK_TIMEOUT_MS = 4000;

export interface FederationHooks {
  logger: Logger;
  /** Makes a message from another host durable in the local mailbox, then delivers it. */
  ingest(message: FederatedMessage): Promise<void>;
  /** Makes the confirmed position durable. */
  persist(entry: FederationEntry): Promise<void>;
  /** The live local sessions, for presence. */
  localSessions(): FederationHostSession[];
  /** The claims held on this host now. */
  localClaims(): Claim[];
}

export type AcquireOutcome = { ok: true; localOnly?: boolean } | { ok: false; conflict: ClaimInfo };

interface OwnClaim {
  revision: number;
  /** The revision that created the entry: refreshes raise `revision`, never this. */
  created: number;
}

interface ClaimEntry {
  key: string;
  revision: number;
  value: RemoteClaimValue;
}

export class Federation {
  private readonly names: BusNames;
  private readonly subject: string;
  private readonly durable: string;
  private nc: NatsConnection | undefined;
  private js: JetStreamClient | undefined;
  private jsm: JetStreamManager | undefined;
  private presenceKv: KV | undefined;
  private claimsKv: KV | undefined;
  private state: FederationState = 'connecting';
  private stateSince = Date.now();
  private ready = false;
  private stopped = false;
  private lastError: string | undefined;

  private outbox: MessageRecord[] = [];
  private published: number;
  private positionTimer: NodeJS.Timeout | undefined;
  private pumping = false;
  /** Per other host: its seqs up to here were taken in (see FederationPosition). */
  private floor: Map<string, number>;
  /** Per other host: its seqs above the floor taken in (from the retained log, and since). */
  private seen = new Map<string, Set<number>>();
  private consuming = false;
  private receivedCount = 0;
  private lastReceivedAt: number | undefined;
  private inboundPending = 0;
  private consumer: ConsumerMessages | undefined;

  private tickTimer: NodeJS.Timeout | undefined;
  private ticking = false;
  private tickAgain = false;
  private hosts: FederationHost[] = [];
  private remote: ClaimEntry[] = [];
  private own = new Map<string, OwnClaim>();
  /** Keys taken by `acquire` whose local claim may not be committed yet: reconcile leaves them alone a while. */
  private acquiredAt = new Map<string, number>();
  /** Claims-bucket work (acquire, reconcile) runs one at a time: revisions stay consistent. */
  private claimLock: Promise<unknown> = Promise.resolve();
  private claimWarnings = new Map<string, string>();

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
    this.durable = `h_${host.id}`;
    this.floor = new Map(position?.received ?? []);
    for (const r of retained(0)) if (r.remoteId) this.markSeen(r.remoteId);
    this.published = position?.published ?? lastSeq;
    this.outbox = retained(this.published).filter(isFederated);
    if (position?.published === undefined) void this.hooks.persist({ type: 'fed', published: this.published }).catch(() => undefined);
  }

  get tickMs(): number {
    return Math.max(200, Math.min(1000, Math.floor(this.settings.leaseMs / 3)));
  }

  /** Connects in the background; the local bus never waits for NATS. */
  start(): void {
    void this.run();
    this.tickTimer = setInterval(() => this.kick(), this.tickMs);
    this.tickTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.tickTimer) clearInterval(this.tickTimer);
    if (this.positionTimer) clearTimeout(this.positionTimer);
    this.consumer?.stop();
    void this.nc?.close().catch(() => undefined);
  }

  /** Messages made durable locally: the ones sent here, to everyone, go out. */
  onAccepted(records: MessageRecord[]): void {
    let added = false;
    for (const r of records) {
      if (!isFederated(r) || r.seq <= this.published) continue;
      this.outbox.push(r);
      added = true;
    }
    if (added) void this.pump();
  }

  /** Local claims changed (taken, released, expired): bring the claims bucket in line soon. */
  claimsChanged(): void {
    setImmediate(() => this.kick());
  }

  /**
   * The entry a compacted mailbox keeps: the position, and per host the floor below which
   * everything was taken in. Retention drops the oldest messages first, so the floor rises to
   * just below the oldest one still retained (or to the highest taken in when none is).
   */
  snapshotEntry(): FederationEntry {
    const oldest = new Map<string, number>();
    for (const r of this.retained(0)) {
      const id = parseId(r.remoteId);
      if (id && !oldest.has(id.hostId)) oldest.set(id.hostId, id.seq);
    }
    for (const [hostId, seqs] of this.seen) {
      const keep = oldest.get(hostId);
      const floor = Math.max(this.floor.get(hostId) ?? 0, keep !== undefined ? keep - 1 : Math.max(0, ...seqs));
      this.floor.set(hostId, floor);
      for (const s of seqs) if (s <= floor) seqs.delete(s);
    }
    return { type: 'fed', published: this.published, received: Object.fromEntries(this.floor) };
  }

  private markSeen(remoteId: string): void {
    const id = parseId(remoteId);
    if (!id) return;
    let set = this.seen.get(id.hostId);
    if (!set) this.seen.set(id.hostId, (set = new Set()));
    set.add(id.seq);
  }

  private taken(hostId: string, seq: number): boolean {
    return seq <= (this.floor.get(hostId) ?? 0) || (this.seen.get(hostId)?.has(seq) ?? false);
  }

  /** Claims held on other hosts, as last seen. */
  remoteClaims(now: number): ClaimInfo[] {
    return this.remote.filter((e) => e.value.hostId !== this.host.id && !expired(e.value, now)).map((e) => toClaimInfo(e.value));
  }

  remoteHosts(): FederationHost[] {
    return this.hosts;
  }

  status(): FederationStatus {
    const warnings: string[] = [];
    if (this.state !== 'connected') warnings.push(`NATS unreachable (${this.lastError ?? this.state}): claims are local only; ${this.outbox.length} message(s) wait to be forwarded`);
    warnings.push(...this.claimWarnings.values());
    return {
      state: this.state,
      ...(this.lastError ? { reason: this.lastError } : {}),
      url: this.settings.displayUrl,
      project: this.settings.project,
      subject: `${this.names.subjectPrefix}.*`,
      host: { id: this.host.id, name: this.settings.hostName },
      since: this.stateSince,
      outbox: this.outbox.length,
      publishedSeq: this.published,
      inboundPending: this.inboundPending,
      received: this.receivedCount,
      ...(this.lastReceivedAt ? { lastReceivedAt: this.lastReceivedAt } : {}),
      claimsLocalOnly: this.state !== 'connected',
      warnings,
      hosts: this.hosts,
    };
  }

  /**
   * Before a local claim is granted: refuse it if another host holds anything overlapping, else
   * take it in the claims bucket atomically. Unreachable NATS: granted locally, with a warning.
   */
  acquire(claim: Claim): Promise<AcquireOutcome> {
    return this.serialized(() =>
      withTimeout(this.acquireNow(claim), KV_WORK_TIMEOUT_MS, 'claim').catch((err: Error) => {
        this.hooks.logger.warn({ err: err.message, resource: claim.resource }, 'federation: claim not shared; granted locally only');
        return { ok: true as const, localOnly: true };
      }),
    );
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.claimLock.then(fn, fn);
    this.claimLock = run.catch(() => undefined);
    return run;
  }

  private async acquireNow(claim: Claim): Promise<AcquireOutcome> {
    const kv = this.claimsKv;
    if (!kv || this.state !== 'connected') {
      this.hooks.logger.warn({ resource: claim.resource }, 'federation: NATS unreachable; claim granted locally only');
      return { ok: true, localOnly: true };
    }
    const now = Date.now();
    const key = claimKey(claim.resource);
    try {
      const before = await this.readClaims(kv);
      const other = before.find((e) => e.value.hostId !== this.host.id && !expired(e.value, now) && overlaps(e.value.resource, claim.resource));
      if (other) return { ok: false, conflict: toClaimInfo(other.value) };
      const found = before.find((e) => e.key === key && e.value.hostId === this.host.id);
      const mine = this.own.get(key) ?? (found ? { revision: found.revision, created: createdRevision(found) } : undefined);
      const revision = mine ? await kv.update(key, this.claimValue(claim, mine.created), mine.revision) : await kv.create(key, this.claimValue(claim));
      const created = mine?.created ?? revision;
      this.own.set(key, { revision, created });
      this.acquiredAt.set(key, Date.now());
      // Two hosts may take different but overlapping resources at once: the one created first
      // (lower creating revision; refreshes do not count) wins.
      const after = await this.readClaims(kv);
      const earlier = after.find((e) => e.value.hostId !== this.host.id && createdRevision(e) < created && !expired(e.value, now) && overlaps(e.value.resource, claim.resource));
      if (earlier) {
        await kv.delete(key, { previousSeq: revision }).catch(() => undefined);
        this.own.delete(key);
        return { ok: false, conflict: toClaimInfo(earlier.value) };
      }
      this.remote = after;
      return { ok: true };
    } catch (err) {
      if (isWrongSequence(err)) {
        const entry = await kv.get(key).catch(() => null);
        const value = entry && entry.operation === 'PUT' ? decodeJson(RemoteClaimSchema, entry.value) : undefined;
        if (value && value.hostId !== this.host.id) return { ok: false, conflict: toClaimInfo(value) };
      }
      this.hooks.logger.warn({ err: (err as Error).message, resource: claim.resource }, 'federation: claim not shared; granted locally only');
      return { ok: true, localOnly: true };
    }
  }

  // ——— connection ———

  private async run(): Promise<void> {
    const options: ConnectionOptions = {
      servers: this.settings.servers,
      name: `session-bus ${this.settings.hostName} ${this.host.id}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      reconnectJitter: 200,
      pingInterval: 5000,
      maxPingOut: 2,
      ...(this.settings.auth.user ? { user: this.settings.auth.user } : {}),
      ...(this.settings.auth.pass ? { pass: this.settings.auth.pass } : {}),
      ...(this.settings.auth.token ? { token: this.settings.auth.token } : {}),
    };
    if (this.settings.tls) options.tls = { ...this.settings.tls };
    let nc: NatsConnection;
    try {
      if (this.settings.auth.credsFile) options.authenticator = credsAuthenticator(fs.readFileSync(this.settings.auth.credsFile));
      nc = await connect(options);
    } catch (err) {
      const message = (err as Error).message;
      // Once per distinct cause, not every retry.
      if (message !== this.lastError) this.hooks.logger.error({ err: message, url: this.settings.displayUrl }, 'federation: cannot connect to NATS; retrying every few seconds');
      this.lastError = message;
      this.setState('disconnected');
      if (!this.stopped) setTimeout(() => void this.run(), CONNECT_RETRY_MS).unref();
      return;
    }
    if (this.stopped) {
      void nc.close();
      return;
    }
    this.nc = nc;
    this.hooks.logger.info({ url: this.settings.displayUrl, project: this.settings.project, host: this.settings.hostName, hostId: this.host.id }, 'federation: connected to NATS');
    void this.watchStatus(nc);
    await this.setUp();
    void nc.closed().then((err) => {
      if (this.stopped) return;
      this.lastError = err ? err.message : 'connection closed';
      this.setState('disconnected');
      this.ready = false;
      setTimeout(() => void this.run(), 1000).unref();
    });
  }

  private async watchStatus(nc: NatsConnection): Promise<void> {
    try {
      await this.followStatus(nc);
    } catch (err) {
      this.hooks.logger.warn({ err: (err as Error).message }, 'federation: connection status feed ended');
    }
  }

  private async followStatus(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (this.stopped) return;
      if (s.type === 'disconnect') {
        this.lastError = 'disconnected';
        this.setState('disconnected');
        this.hooks.logger.warn({ url: this.settings.displayUrl }, 'federation: NATS connection lost; messages wait in the outbox, claims are local only');
      } else if (s.type === 'reconnect') {
        this.hooks.logger.info({ url: this.settings.displayUrl }, 'federation: NATS connection back');
        void this.setUp();
      }
    }
  }

  /** Stream, consumer and buckets exist (created by whichever host comes first); start the loops. */
  private async setUp(): Promise<void> {
    const nc = this.nc;
    if (!nc || this.stopped) return;
    try {
      const jsm = await jetstreamManager(nc, { timeout: PUBLISH_TIMEOUT_MS });
      try {
        await jsm.streams.info(this.names.stream);
      } catch (err) {
        if (!isNotFound(err)) throw err;
        await jsm.streams.add({
          name: this.names.stream,
          subjects: [`${this.names.subjectPrefix}.>`],
          storage: StorageType.File,
          max_age: nanos(STREAM_MAX_AGE_MS),
          max_msgs: STREAM_MAX_MSGS,
          duplicate_window: nanos(DUPLICATE_WINDOW_MS),
        });
      }
      try {
        await jsm.consumers.info(this.names.stream, this.durable);
      } catch (err) {
        if (!isNotFound(err)) throw err;
        await jsm.consumers.add(this.names.stream, {
          durable_name: this.durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.StartTime,
          opt_start_time: new Date(this.host.createdAt).toISOString(),
          filter_subject: `${this.names.subjectPrefix}.>`,
          ack_wait: nanos(ACK_WAIT_MS),
          max_ack_pending: 1000,
        });
      }
      const kvm = new Kvm(nc);
      const lease = this.settings.leaseMs;
      this.jsm = jsm;
      this.presenceKv = await openBucket(kvm, jsm, this.names.presenceBucket, lease);
      this.claimsKv = await openBucket(kvm, jsm, this.names.claimsBucket, lease);
      this.js = jetstream(nc, { timeout: PUBLISH_TIMEOUT_MS });
      this.ready = true;
      this.lastError = undefined;
      this.setState('connected');
      void this.consume();
      void this.pump();
      this.kick();
    } catch (err) {
      const message = (err as Error).message;
      if (message !== this.lastError) this.hooks.logger.error({ err: message }, 'federation: JetStream set-up failed (is the server started with -js?); retrying');
      this.lastError = message;
      this.ready = false;
      if (!this.stopped) setTimeout(() => void this.setUp(), 2000).unref();
    }
  }

  private setState(state: FederationState): void {
    if (state === this.state) return;
    this.state = state;
    this.stateSince = Date.now();
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
      while (!this.stopped) {
        const js = this.js;
        if (!js || !this.ready) {
          await sleep(RETRY_MS, { unref: true });
          continue;
        }
        try {
          const consumer = await js.consumers.get(this.names.stream, this.durable);
          const messages = await consumer.consume({ max_messages: 256 });
          this.consumer = messages;
          for await (const m of messages) {
            if (this.stopped) return;
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
        if (!this.stopped) await sleep(1000, { unref: true });
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
    if (msg.hostId === this.host.id || this.taken(msg.hostId, msg.seq)) {
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
    this.markSeen(messageId(msg.hostId, msg.seq));
    this.receivedCount += 1;
    this.lastReceivedAt = Date.now();
    m.ack();
    return true;
  }

  // ——— messages out ———

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.stopped && this.outbox.length > 0 && this.ready && this.state === 'connected' && this.js) {
        const r = this.outbox[0]!;
        const body: FederatedMessage = { v: 1, hostId: this.host.id, host: this.settings.hostName, seq: r.seq, ts: r.ts, sessionId: r.origin.sessionId, from: r.from, kind: r.kind, text: r.text };
        try {
          await this.js.publish(this.subject, JSON.stringify(body), { msgID: messageId(this.host.id, r.seq), timeout: PUBLISH_TIMEOUT_MS });
        } catch (err) {
          this.lastError = (err as Error).message;
          await sleep(RETRY_MS, { unref: true });
          continue;
        }
        this.outbox.shift();
        if (r.seq > this.published) this.published = r.seq;
        this.schedulePositionWrite();
      }
    } finally {
      this.pumping = false;
    }
  }

  private schedulePositionWrite(): void {
    if (this.positionTimer) return;
    this.positionTimer = setTimeout(() => {
      this.positionTimer = undefined;
      this.hooks.persist({ type: 'fed', published: this.published }).catch((err: Error) => {
        this.hooks.logger.warn({ err: err.message }, 'federation: position not written; messages may be published again (de-duplicated)');
      });
    }, POSITION_WRITE_MS);
    this.positionTimer.unref();
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
    const presence = this.presenceKv;
    const claims = this.claimsKv;
    if (this.stopped || !this.ready || this.state !== 'connected' || !presence || !claims) return;
    try {
      const me: Presence = { v: 1, hostId: this.host.id, host: this.settings.hostName, sessions: this.hooks.localSessions(), ts: Date.now() };
      await presence.put(this.host.id, JSON.stringify(me));
      const hosts: FederationHost[] = [];
      for (const e of await withTimeout(this.readAll(presence, this.names.presenceBucket), KV_WORK_TIMEOUT_MS, 'presence read')) {
        const p = decodeJson(PresenceSchema, e.value);
        if (p && p.hostId !== this.host.id) hosts.push({ id: p.hostId, name: p.host, sessions: p.sessions, lastSeen: e.created.getTime() });
      }
      this.hosts = hosts.sort((a, b) => a.name.localeCompare(b.name));
      await this.serialized(() => withTimeout(this.reconcileClaims(claims), KV_WORK_TIMEOUT_MS, 'claims refresh'));
    } catch (err) {
      this.hooks.logger.warn({ err: (err as Error).message }, 'federation: presence/claims refresh failed');
    }
  }

  /** The claims bucket holds exactly this host's live claims, refreshed each tick. */
  private async reconcileClaims(kv: KV): Promise<void> {
    const entries = await this.readClaims(kv);
    const want = new Map(this.hooks.localClaims().map((c) => [claimKey(c.resource), c]));
    const checkedAt = Date.now();
    for (const [key, c] of want) {
      const found = entries.find((e) => e.key === key);
      const mine = this.own.get(key) ?? (found && found.value.hostId === this.host.id ? { revision: found.revision, created: createdRevision(found) } : undefined);
      if (!mine) {
        // Taken while NATS was unreachable: shared only if no other host holds anything overlapping.
        const other = entries.find((e) => e.value.hostId !== this.host.id && !expired(e.value, checkedAt) && overlaps(e.value.resource, c.resource));
        if (other) {
          this.warnConflict(key, c, other.value);
          continue;
        }
      }
      try {
        const revision = mine ? await kv.update(key, this.claimValue(c, mine.created), mine.revision) : await kv.create(key, this.claimValue(c));
        this.own.set(key, { revision, created: mine?.created ?? revision });
        this.claimWarnings.delete(key);
      } catch (err) {
        if (!isWrongSequence(err)) throw err;
        this.own.delete(key);
        this.warnConflict(key, c, entries.find((e) => e.key === key && e.value.hostId !== this.host.id)?.value);
      }
    }
    const now = Date.now();
    for (const [key, at] of this.acquiredAt) if (want.has(key) || now - at > ACQUIRE_GRACE_MS) this.acquiredAt.delete(key);
    for (const [key, mine] of this.own) {
      if (want.has(key) || this.acquiredAt.has(key)) continue;
      await kv.delete(key, { previousSeq: mine.revision }).catch(() => undefined);
      this.own.delete(key);
    }
    // Entries of ours left by an earlier run of this host that no longer hold.
    for (const e of entries) {
      if (e.value.hostId === this.host.id && !want.has(e.key) && !this.own.has(e.key) && !this.acquiredAt.has(e.key)) await kv.delete(e.key, { previousSeq: e.revision }).catch(() => undefined);
    }
    for (const key of this.claimWarnings.keys()) if (!want.has(key)) this.claimWarnings.delete(key);
    this.remote = await this.readClaims(kv);
  }

  /**
   * Every live entry of a bucket. The keys come from the stream's subject list (one request, no
   * consumer that could stall), each value by a direct get; all with the request timeout.
   */
  private async readAll(kv: KV, bucket: string): Promise<{ key: string; revision: number; value: Uint8Array; created: Date }[]> {
    const jsm = this.jsm;
    if (!jsm) return [];
    const prefix = `$KV.${bucket}.`;
    const info = await jsm.streams.info(`KV_${bucket}`, { subjects_filter: `${prefix}>` });
    const out = [];
    for (const subject of Object.keys(info.state.subjects ?? {})) {
      const key = subject.slice(prefix.length);
      const e = await kv.get(key);
      if (e && e.operation === 'PUT') out.push({ key, revision: e.revision, value: e.value, created: e.created });
    }
    return out;
  }

  /** A local claim another host holds too (taken while NATS was unreachable): shown in status until it ends. */
  private warnConflict(key: string, c: Claim, holder: RemoteClaimValue | undefined): void {
    const text = `claim ${c.resource} (held here by ${c.label}) conflicts with ${holder ? `${holder.resource} held by ${holder.label} on ${holder.host}` : 'another host'}: taken while NATS was unreachable`;
    if (!this.claimWarnings.has(key)) this.hooks.logger.warn({ resource: c.resource }, `federation: ${text}`);
    this.claimWarnings.set(key, text);
  }

  /** The bucket value of a claim; `created` once the entry exists (see createdRevision). */
  private claimValue(c: Claim, created?: number): string {
    const v: RemoteClaimValue = { v: 1, hostId: this.host.id, host: this.settings.hostName, resource: c.resource, holder: c.holder, label: c.label, since: c.since };
    if (created !== undefined) v.created = created;
    if (c.expiresAt !== undefined) v.expiresAt = c.expiresAt;
    if (c.note) v.note = c.note;
    return JSON.stringify(v);
  }

  private async readClaims(kv: KV): Promise<ClaimEntry[]> {
    const out: ClaimEntry[] = [];
    for (const e of await this.readAll(kv, this.names.claimsBucket)) {
      const value = decodeJson(RemoteClaimSchema, e.value);
      if (value) out.push({ key: e.key, revision: e.revision, value });
    }
    return out;
  }
}

/** Broadcasts sent on this host go out; direct messages name local sessions and stay here. */
function isFederated(r: MessageRecord): boolean {
  return r.remoteId === undefined && r.to === undefined;
}

/** The bucket as the first host made it (its lease wins); made here when none exists. */
async function openBucket(kvm: Kvm, jsm: JetStreamManager, name: string, leaseMs: number): Promise<KV> {
  try {
    await jsm.streams.info(`KV_${name}`);
    return await kvm.open(name);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  try {
    return await kvm.create(name, { ttl: leaseMs, history: 1 });
  } catch (err) {
    // Another host made it meanwhile (with its own lease): use that one.
    await jsm.streams.info(`KV_${name}`).catch(() => {
      throw err;
    });
    return kvm.open(name);
  }
}

/** When a claim entry was created, in bucket order: its first revision, carried in the value by refreshes. */
function createdRevision(e: ClaimEntry): number {
  return e.value.created ?? e.revision;
}

function parseId(remoteId: string | undefined): { hostId: string; seq: number } | undefined {
  if (!remoteId) return undefined;
  const at = remoteId.lastIndexOf(':');
  const seq = Number(remoteId.slice(at + 1));
  if (at <= 0 || !Number.isInteger(seq)) return undefined;
  return { hostId: remoteId.slice(0, at), seq };
}

function toClaimInfo(v: RemoteClaimValue): ClaimInfo {
  const c: ClaimInfo = { resource: v.resource, holder: v.holder, label: v.label, since: v.since, host: v.host };
  if (v.expiresAt !== undefined) c.expiresAt = v.expiresAt;
  if (v.note) c.note = v.note;
  return c;
}

function expired(v: RemoteClaimValue, now: number): boolean {
  return v.expiresAt !== undefined && v.expiresAt <= now;
}

function isWrongSequence(err: unknown): boolean {
  return err instanceof JetStreamApiError && (err.code === 10071 || err.code === 10164);
}

function isNotFound(err: unknown): boolean {
  return err instanceof JetStreamApiError && (err.code === 10059 || err.code === 10014);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from NATS within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
