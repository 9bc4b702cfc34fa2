/**
 * Federation's claims: a KV bucket keyed by resource, with a lease TTL that the holder's host
 * refreshes by revision-checked update. A claim is granted only after an atomic `create`
 * succeeds and no overlapping claim of another host has a lower creating revision (lowest wins a
 * race between two different but overlapping resources). While NATS is unreachable claims are
 * local only; on reconnect local claims are pushed and conflicts reported.
 */
import type { JetStreamManager } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import type { ClaimInfo } from '../../protocol/messages.ts';
import { overlaps, type Claim } from '../claims.ts';
import type { Logger } from '../context.ts';
import { createLane } from '../lane.ts';
import { isWrongSequence, readBucket, withTimeout } from './nats-util.ts';
import { claimKey, decodeJson, RemoteClaimSchema, type RemoteClaimValue } from './wire.ts';

/** A claim just taken in the bucket is committed locally within milliseconds; this is the margin. */
const ACQUIRE_GRACE_MS = 5000;
/** A claim or a refresh gives up on NATS after this long (a claim is then granted locally, with a warning). */
export const KV_WORK_TIMEOUT_MS = 4000;

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

export interface ClaimSyncOptions {
  hostId: string;
  hostName: string;
  bucketName: string;
  logger: Logger;
  /** The claims held on this host now. */
  localClaims(): Claim[];
  /** The claims bucket while connected; undefined while NATS is unreachable. */
  bucket(): KV | undefined;
  jsm(): JetStreamManager | undefined;
}

export class ClaimSync {
  private remote: ClaimEntry[] = [];
  private own = new Map<string, OwnClaim>();
  /** Keys taken by `acquire` whose local claim may not be committed yet: reconcile leaves them alone a while. */
  private acquiredAt = new Map<string, number>();
  /** Claims-bucket work (acquire, reconcile) runs one at a time: revisions stay consistent. */
  private readonly serialized = createLane();
  private claimWarnings = new Map<string, string>();

  constructor(private readonly o: ClaimSyncOptions) {}

  /** Claims held on other hosts, as last seen. */
  remoteClaims(now: number): ClaimInfo[] {
    return this.remote.filter((e) => e.value.hostId !== this.o.hostId && !expired(e.value, now)).map((e) => toClaimInfo(e.value));
  }

  warnings(): string[] {
    return [...this.claimWarnings.values()];
  }

  /**
   * Before a local claim is granted: refuse it if another host holds anything overlapping, else
   * take it in the claims bucket atomically. Unreachable NATS: granted locally, with a warning.
   */
  acquire(claim: Claim): Promise<AcquireOutcome> {
    return this.serialized(() =>
      withTimeout(this.acquireNow(claim), KV_WORK_TIMEOUT_MS, 'claim').catch((err: Error) => {
        this.o.logger.warn({ err: err.message, resource: claim.resource }, 'federation: claim not shared; granted locally only');
        return { ok: true as const, localOnly: true };
      }),
    );
  }

  /** Brings the bucket in line with the local claims (each tick), one at a time with `acquire`. */
  refresh(kv: KV): Promise<void> {
    return this.serialized(() => withTimeout(this.reconcile(kv), KV_WORK_TIMEOUT_MS, 'claims refresh'));
  }

  private async acquireNow(claim: Claim): Promise<AcquireOutcome> {
    const kv = this.o.bucket();
    if (!kv) {
      this.o.logger.warn({ resource: claim.resource }, 'federation: NATS unreachable; claim granted locally only');
      return { ok: true, localOnly: true };
    }
    const now = Date.now();
    const key = claimKey(claim.resource);
    try {
      const before = await this.readClaims(kv);
      const other = before.find((e) => e.value.hostId !== this.o.hostId && !expired(e.value, now) && overlaps(e.value.resource, claim.resource));
      if (other) return { ok: false, conflict: toClaimInfo(other.value) };
      const found = before.find((e) => e.key === key && e.value.hostId === this.o.hostId);
      const mine = this.own.get(key) ?? (found ? { revision: found.revision, created: createdRevision(found) } : undefined);
      const revision = mine ? await kv.update(key, this.claimValue(claim, mine.created), mine.revision) : await kv.create(key, this.claimValue(claim));
      const created = mine?.created ?? revision;
      this.own.set(key, { revision, created });
      this.acquiredAt.set(key, Date.now());
      // Two hosts may take different but overlapping resources at once: the one created first
      // (lower creating revision; refreshes do not count) wins.
      const after = await this.readClaims(kv);
      const earlier = after.find((e) => e.value.hostId !== this.o.hostId && createdRevision(e) < created && !expired(e.value, now) && overlaps(e.value.resource, claim.resource));
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
        if (value && value.hostId !== this.o.hostId) return { ok: false, conflict: toClaimInfo(value) };
      }
      this.o.logger.warn({ err: (err as Error).message, resource: claim.resource }, 'federation: claim not shared; granted locally only');
      return { ok: true, localOnly: true };
    }
  }

  /** The claims bucket holds exactly this host's live claims, refreshed each tick. */
  private async reconcile(kv: KV): Promise<void> {
    const entries = await this.readClaims(kv);
    const want = new Map(this.o.localClaims().map((c) => [claimKey(c.resource), c]));
    const checkedAt = Date.now();
    /** Claims taken while NATS was unreachable and shared in this pass: checked again below. */
    const sharedNow = new Map<string, Claim>();
    for (const [key, c] of want) {
      const found = entries.find((e) => e.key === key);
      const mine = this.own.get(key) ?? (found && found.value.hostId === this.o.hostId ? { revision: found.revision, created: createdRevision(found) } : undefined);
      if (!mine) {
        // Taken while NATS was unreachable: shared only if no other host holds anything overlapping.
        const other = entries.find((e) => e.value.hostId !== this.o.hostId && !expired(e.value, checkedAt) && overlaps(e.value.resource, c.resource));
        if (other) {
          this.warnConflict(key, c, other.value);
          continue;
        }
      }
      try {
        const revision = mine ? await kv.update(key, this.claimValue(c, mine.created), mine.revision) : await kv.create(key, this.claimValue(c));
        this.own.set(key, { revision, created: mine?.created ?? revision });
        if (!mine) sharedNow.set(key, c);
        this.claimWarnings.delete(key);
      } catch (err) {
        if (!isWrongSequence(err)) throw err;
        this.own.delete(key);
        this.warnConflict(key, c, entries.find((e) => e.key === key && e.value.hostId !== this.o.hostId)?.value);
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
      if (e.value.hostId === this.o.hostId && !want.has(e.key) && !this.own.has(e.key) && !this.acquiredAt.has(e.key)) await kv.delete(e.key, { previousSeq: e.revision }).catch(() => undefined);
    }
    for (const key of this.claimWarnings.keys()) if (!want.has(key)) this.claimWarnings.delete(key);
    this.remote = await this.readClaims(kv);
    // Two hosts healing at once may both have seen no overlap and both shared: as at acquire, the
    // claim created first (lower creating revision) keeps the bucket; the later one leaves it and
    // says so in status.
    for (const [key, c] of sharedNow) {
      const mine = this.own.get(key);
      const earlier = mine && this.remote.find((e) => e.value.hostId !== this.o.hostId && createdRevision(e) < mine.created && !expired(e.value, checkedAt) && overlaps(e.value.resource, c.resource));
      if (!mine || !earlier) continue;
      await kv.delete(key, { previousSeq: mine.revision }).catch(() => undefined);
      this.own.delete(key);
      this.warnConflict(key, c, earlier.value);
    }
  }

  /** A local claim another host holds too (taken while NATS was unreachable): shown in status until it ends. */
  private warnConflict(key: string, c: Claim, holder: RemoteClaimValue | undefined): void {
    const text = `claim ${c.resource} (held here by ${c.label}) conflicts with ${holder ? `${holder.resource} held by ${holder.label} on ${holder.host}` : 'another host'}: taken while NATS was unreachable`;
    if (!this.claimWarnings.has(key)) this.o.logger.warn({ resource: c.resource }, `federation: ${text}`);
    this.claimWarnings.set(key, text);
  }

  /** The bucket value of a claim; `created` once the entry exists (see createdRevision). */
  private claimValue(c: Claim, created?: number): string {
    const v: RemoteClaimValue = { v: 1, hostId: this.o.hostId, host: this.o.hostName, resource: c.resource, holder: c.holder, label: c.label, since: c.since };
    if (created !== undefined) v.created = created;
    if (c.expiresAt !== undefined) v.expiresAt = c.expiresAt;
    if (c.note) v.note = c.note;
    return JSON.stringify(v);
  }

  private async readClaims(kv: KV): Promise<ClaimEntry[]> {
    const out: ClaimEntry[] = [];
    for (const e of await readBucket(this.o.jsm(), kv, this.o.bucketName)) {
      const value = decodeJson(RemoteClaimSchema, e.value);
      if (value) out.push({ key: e.key, revision: e.revision, value });
    }
    return out;
  }
}

/** When a claim entry was created, in bucket order: its first revision, carried in the value by refreshes. */
function createdRevision(e: ClaimEntry): number {
  return e.value.created ?? e.revision;
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
