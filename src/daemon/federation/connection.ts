/**
 * Federation's connection to NATS: connects (and retries a first connection that fails), follows
 * the connection's status, and makes sure the stream, this host's durable consumer and the two
 * KV buckets exist (created by whichever host comes first). `onReady` runs each time all of that
 * is in place (at the first connection and after every reconnect).
 */
import * as fs from 'node:fs';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, StorageType, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { connect, credsAuthenticator, nanos, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import type { FederationState } from '../../protocol/messages.ts';
import type { Logger } from '../context.ts';
import type { FederationSettings } from './config.ts';
import type { HostIdentity } from './host-id.ts';
import { isNotFound, openBucket } from './nats-util.ts';
import type { BusNames } from './wire.ts';

/** Stream limits: a week of messages, like the local mailbox's default retention. */
const STREAM_MAX_AGE_MS = 7 * 24 * 3600_000;
const STREAM_MAX_MSGS = 100_000;
/**
 * JetStream drops a message whose id it saw within this window. An outage longer than this can
 * re-publish a message already stored; receivers still drop it by their high-water mark.
 */
const DUPLICATE_WINDOW_MS = 3600_000;
/**
 * A first connection that fails (server down, bad credentials, an untrusted certificate) is tried
 * again this often; its error is in status meanwhile. Once connected, the client reconnects by itself.
 */
const CONNECT_RETRY_MS = 2000;
/**
 * How long a message may wait unacknowledged in this host's consumer before it is redelivered:
 * what a killed broker had pulled but not taken in comes again after this long (out of order;
 * anything already taken in is dropped by its id). An append takes milliseconds; a slow one that
 * overruns this only causes a redelivery, which is dropped.
 */
const ACK_WAIT_MS = 5000;
/** A publish not confirmed within this long is retried (same id: no duplicate). */
export const PUBLISH_TIMEOUT_MS = 5000;

export class FederationLink {
  nc: NatsConnection | undefined;
  js: JetStreamClient | undefined;
  jsm: JetStreamManager | undefined;
  presenceKv: KV | undefined;
  claimsKv: KV | undefined;
  /** The bus's lease: the TTL the claims bucket was made with, by whichever host came first. */
  busLeaseMs: number | undefined;
  state: FederationState = 'connecting';
  stateSince = Date.now();
  ready = false;
  stopped = false;
  lastError: string | undefined;

  constructor(
    private readonly settings: FederationSettings,
    private readonly host: HostIdentity,
    private readonly names: BusNames,
    /** This host's durable consumer. */
    readonly durable: string,
    private readonly logger: Logger,
    private readonly onReady: () => void,
  ) {}

  stop(): void {
    this.stopped = true;
    void this.nc?.close().catch(() => undefined);
  }

  async run(): Promise<void> {
    const options: ConnectionOptions = {
      servers: this.settings.servers,
      name: `session-bus ${this.settings.hostName} ${this.host.id}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      reconnectJitter: 200,
      // The client's own check of a silent link; federation's heartbeat (presence, each tick)
      // notices one sooner and stops shared grants meanwhile.
      pingInterval: 3000,
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
      if (message !== this.lastError) this.logger.error({ err: message, url: this.settings.displayUrl }, 'federation: cannot connect to NATS; retrying every few seconds');
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
    this.logger.info({ url: this.settings.displayUrl, project: this.settings.project, host: this.settings.hostName, hostId: this.host.id }, 'federation: connected to NATS');
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
      this.logger.warn({ err: (err as Error).message }, 'federation: connection status feed ended');
    }
  }

  private async followStatus(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (this.stopped) return;
      if (s.type === 'disconnect') {
        this.lastError = 'disconnected';
        this.setState('disconnected');
        this.logger.warn({ url: this.settings.displayUrl }, 'federation: NATS connection lost; messages wait in the outbox, claims are local only');
      } else if (s.type === 'reconnect') {
        this.logger.info({ url: this.settings.displayUrl }, 'federation: NATS connection back');
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
          ack_wait: nanos(this.settings.ackWaitMs ?? ACK_WAIT_MS),
          max_ack_pending: 1000,
        });
      }
      const kvm = new Kvm(nc);
      const lease = this.settings.leaseMs;
      this.jsm = jsm;
      this.claimsKv = await openBucket(kvm, jsm, this.names.claimsBucket, lease);
      const ttl = (await this.claimsKv.status()).ttl;
      // A bucket made without a TTL would hold a dead host's claims forever: this host's lease then.
      this.busLeaseMs = ttl > 0 ? ttl : lease;
      this.presenceKv = await openBucket(kvm, jsm, this.names.presenceBucket, this.busLeaseMs);
      this.js = jetstream(nc, { timeout: PUBLISH_TIMEOUT_MS });
      this.ready = true;
      this.lastError = undefined;
      this.setState('connected');
      this.onReady();
    } catch (err) {
      const message = (err as Error).message;
      if (message !== this.lastError) this.logger.error({ err: message }, 'federation: JetStream set-up failed (is the server started with -js?); retrying');
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
}
