/**
 * A local copy of a KV bucket, kept current by one watcher: the claim path and presence read it
 * instead of scanning the bucket key by key (a scan costs a round trip per key, which on a slow
 * link outlasted the claim's own timeout).
 *
 * The watcher delivers entries in revision (stream) order, so once it has delivered revision R,
 * every entry written before R that still exists is in the copy: `reached(R)` is how a writer
 * knows the copy is complete up to its own write. Entries the bucket lets expire (its TTL) give
 * no notice; each entry keeps the local time it was written (`seenAt`), and readers age it by
 * the lease. That time is the server's stamp moved to this host's clock by the offset measured
 * from this host's own writes (`alignClock`): an entry replayed by a new watcher is dated from
 * its write, not from when this host first saw it (a dead host's claim would otherwise hold up
 * to a lease longer on a host that started after the death). Before the offset is known, the
 * time it arrived stands in, and is corrected once it is.
 *
 * That holds only for a write made while the watcher was already following: a watcher opened
 * after the write replays last values in revision order, so an entry created before the write
 * but rewritten after it comes after it. A writer takes `session()` before writing and passes it
 * to `reached`, which answers false if the watcher was restarted since.
 */
import { KvWatchInclude, type KV, type KvWatchEntry } from '@nats-io/kv';
import type { Logger } from '../context.ts';

export interface MirroredEntry<T> {
  key: string;
  revision: number;
  /** Decoded once, as it arrives. */
  value: T;
  /** The server's time of the write. */
  created: number;
  /** When it was written, by this host's clock (see the file comment). */
  seenAt: number;
  /** `seenAt` is the time it arrived, not yet dated from the server's stamp. */
  undated?: boolean;
}

interface Waiter {
  revision: number;
  session: number;
  resolve(ok: boolean): void;
  timer: NodeJS.Timeout;
}

export class BucketMirror<T> {
  private readonly entries = new Map<string, MirroredEntry<T>>();
  private revision = 0;
  private waiters: Waiter[] = [];
  private watcher: { stop(): void } | undefined;
  private generation = 0;
  /** Callers waiting for a watcher to follow the bucket (see `started`). */
  private starting: ((session: number | undefined) => void)[] = [];
  /** This host's clock minus the server's, once measured. */
  private clockOffset: number | undefined;

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
    /** A value that does not decode (not ours, a newer format) is left out of the copy. */
    private readonly decode: (data: Uint8Array) => T | undefined,
  ) {}

  /** A watcher is running (it ends with the connection; the next one is started at the next tick). */
  get watching(): boolean {
    return this.watcher !== undefined;
  }

  /** The watcher following the bucket now (undefined while none is): see the file comment. */
  session(): number | undefined {
    return this.watcher ? this.generation : undefined;
  }

  /** The watcher's session once one follows the bucket (at once if one does), undefined after `timeoutMs`. */
  started(timeoutMs: number): Promise<number | undefined> {
    const now = this.session();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.starting = this.starting.filter((r) => r !== done);
        resolve(undefined);
      }, timeoutMs);
      timer.unref();
      const done = (session: number | undefined) => {
        clearTimeout(timer);
        resolve(session);
      };
      this.starting.push(done);
    });
  }

  /** The last revision the watcher delivered. */
  get watched(): number {
    return this.revision;
  }

  get(key: string): MirroredEntry<T> | undefined {
    return this.entries.get(key);
  }

  values(): IterableIterator<MirroredEntry<T>> {
    return this.entries.values();
  }

  /**
   * Watches `kv` from its current values on (after a reconnect too: the copy is rebuilt, since
   * deletes made while away were not seen).
   */
  async watch(kv: KV): Promise<void> {
    this.stop();
    const generation = ++this.generation;
    const iterator = await kv.watch({ include: KvWatchInclude.LastValue });
    if (generation !== this.generation) {
      iterator.stop();
      return;
    }
    this.entries.clear();
    this.revision = 0;
    this.watcher = iterator;
    const starting = this.starting;
    this.starting = [];
    for (const resolve of starting) resolve(generation);
    void (async () => {
      try {
        for await (const e of iterator) this.take(e);
      } catch (err) {
        this.logger.warn({ err: (err as Error).message, bucket: this.name }, 'federation: bucket watcher ended');
      } finally {
        if (this.watcher === iterator) this.stop();
      }
    })();
  }

  /**
   * Resolves true once the watcher of `session` has delivered `revision` (and so everything
   * before it), false after `timeoutMs` or when that watcher is stopped.
   */
  reached(revision: number, timeoutMs: number, session: number): Promise<boolean> {
    if (session !== this.session()) return Promise.resolve(false);
    if (this.revision >= revision) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        revision,
        session,
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(false);
        }, timeoutMs),
      };
      waiter.timer.unref();
      this.waiters.push(waiter);
    });
  }

  stop(): void {
    this.generation += 1;
    this.watcher?.stop();
    this.watcher = undefined;
    // Their writes were made under the watcher stopped now: a new one does not confirm them.
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      clearTimeout(w.timer);
      w.resolve(false);
    }
  }

  /**
   * This host's clock minus the server's (from this host's own writes): entries are dated from
   * their server stamp from now on, and those that arrived before are dated again.
   */
  alignClock(offsetMs: number): void {
    this.clockOffset = offsetMs;
    for (const e of this.entries.values()) {
      if (!e.undated) continue;
      e.seenAt = Math.min(e.seenAt, e.created + offsetMs);
      delete e.undated;
    }
  }

  private take(e: KvWatchEntry): void {
    const value = e.operation === 'PUT' ? this.decode(e.value) : undefined;
    if (value !== undefined) {
      const created = e.created.getTime();
      const now = Date.now();
      const entry: MirroredEntry<T> = { key: e.key, revision: e.revision, value, created, seenAt: now };
      // Never later than its arrival: a live write is dated now, give or take the trip.
      if (this.clockOffset === undefined) entry.undated = true;
      else entry.seenAt = Math.min(now, created + this.clockOffset);
      this.entries.set(e.key, entry);
    } else this.entries.delete(e.key);
    if (e.revision > this.revision) this.revision = e.revision;
    if (this.waiters.length === 0) return;
    const done = this.waiters.filter((w) => w.revision <= this.revision);
    if (done.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.revision > this.revision);
    for (const w of done) {
      clearTimeout(w.timer);
      w.resolve(true);
    }
  }
}
