/**
 * Federation's presence: a KV bucket whose entries live one lease. Each host rewrites its own
 * entry (its live sessions) every tick, which is also the link's heartbeat; a watcher keeps a
 * local copy, so a host that dies leaves the others' view within a lease, and one that stops
 * gracefully deletes its entry and leaves at once.
 *
 * Each entry carries its writer's clock (`ts`) and the server stamps the write: the difference is
 * that host's clock skew against the server (plus a one-way trip), reported when it matters.
 * Nothing decides by another host's clock (see claim-rules.ts).
 */
import type { KV } from '@nats-io/kv';
import type { FederationHost } from '../../protocol/messages.ts';
import { overlaps, type Claim } from '../claims.ts';
import type { Logger } from '../context.ts';
import { BucketMirror, type MirroredEntry } from './bucket-mirror.ts';
import { withTimeout } from './nats-util.ts';
import { decodeJson, PresenceSchema, type Presence } from './wire.ts';

/** A clock further than this from the server's is reported (a write's trip is well under it). */
export const SKEW_WARN_MS = 5000;

export class PresenceView {
  private readonly mirror: BucketMirror<Presence>;

  constructor(
    private readonly hostId: string,
    logger: Logger,
  ) {
    this.mirror = new BucketMirror('presence', logger, (data) => decodeJson(PresenceSchema, data));
  }

  watch(kv: KV): Promise<void> {
    return this.mirror.watch(kv);
  }

  get watching(): boolean {
    return this.mirror.watching;
  }

  stop(): void {
    this.mirror.stop();
  }

  /** Writes this host's entry: resolves when the server took it (the heartbeat), rejects after `timeoutMs`. */
  async put(kv: KV, me: Presence, timeoutMs: number): Promise<void> {
    await withTimeout(kv.put(this.hostId, JSON.stringify(me)), timeoutMs, 'presence');
  }

  /** A graceful stop: this host leaves the others' view now, not after its lease. */
  async leave(kv: KV, timeoutMs: number): Promise<void> {
    await withTimeout(kv.delete(this.hostId), timeoutMs, 'presence delete');
  }

  /** This host's clock minus the server's, from its own last write (undefined until it is seen). */
  clockOffset(): number | undefined {
    const own = this.mirror.get(this.hostId);
    return own ? skewOf(own) : undefined;
  }

  alignClock(offsetMs: number): void {
    this.mirror.alignClock(offsetMs);
  }

  /** The other hosts seen within the lease, by name. */
  hosts(now: number, leaseMs: number): FederationHost[] {
    const out: FederationHost[] = [];
    for (const e of this.live(now, leaseMs)) {
      out.push({ id: e.value.hostId, name: e.value.host, sessions: e.value.sessions, lastSeen: e.seenAt, clockSkewMs: skewOf(e) });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Clocks far from the server's, and other hosts' unshared claims that overlap ours. */
  warnings(localClaims: Claim[], now: number, leaseMs: number): string[] {
    const out: string[] = [];
    const own = this.mirror.get(this.hostId);
    if (own && Math.abs(skewOf(own)) > SKEW_WARN_MS) out.push(`this host's clock is ${skewWords(skewOf(own))} the NATS server's: claims do not depend on it, but times shown by other hosts are off by as much`);
    for (const e of this.live(now, leaseMs)) {
      const p = e.value;
      if (Math.abs(skewOf(e)) > SKEW_WARN_MS) out.push(`${p.host}'s clock is ${skewWords(skewOf(e))} the NATS server's`);
      for (const u of p.unshared ?? []) {
        for (const c of localClaims) {
          if (!overlaps(c.resource, u.resource)) continue;
          out.push(`claim ${c.resource} (held here by ${c.label}) conflicts with ${u.resource} held by ${u.label} on ${p.host} outside the shared bucket (that host could not reach NATS): both hosts hold it now; one of them should release it`);
        }
      }
    }
    return out;
  }

  private *live(now: number, leaseMs: number): Generator<MirroredEntry<Presence>> {
    for (const e of this.mirror.values()) if (e.value.hostId !== this.hostId && now - e.seenAt < leaseMs) yield e;
  }
}

function skewOf(e: MirroredEntry<Presence>): number {
  return e.value.ts - e.created;
}

function skewWords(ms: number): string {
  return `${Math.round(Math.abs(ms) / 1000)} s ${ms > 0 ? 'ahead of' : 'behind'}`;
}
