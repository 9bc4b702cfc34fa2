/**
 * Federation's claims: a KV bucket keyed by resource, with the bus's lease as its TTL; the
 * holder's host rewrites its entries every tick. A local copy kept by a watcher (BucketMirror)
 * answers "who holds what" without a scan, so a claim costs the same few round trips whatever
 * the bucket holds:
 *   1. the copy shows another host holding an overlap → refused at once;
 *   2. an atomic `create` (or a revision-checked update of our own entry);
 *   3. the watcher reaches our write: every earlier write is in the copy, so an overlapping
 *      entry of another host created before ours (lower creating revision) is seen, and wins.
 * A claim the bucket did not confirm within CLAIM_CONFIRM_MS, or asked while the link is not
 * confirmed, is granted local only and the answer says so (and status, until it is shared).
 * Conflicts found later (after an outage) are reported on both hosts: here in `warnings`, there
 * through this host's presence (`unshared`).
 */
import type { KV } from '@nats-io/kv';
import type { ClaimInfo } from '../../protocol/messages.ts';
import type { Claim } from '../claims.ts';
import type { Logger } from '../context.ts';
import { createLane } from '../lane.ts';
import { BucketMirror } from './bucket-mirror.ts';
import { blockingEntry, holds, toClaimInfo, type HeldEntry } from './claim-rules.ts';
import { isWrongSequence, withTimeout } from './nats-util.ts';
import { claimKey, decodeJson, RemoteClaimSchema, type RemoteClaimValue } from './wire.ts';

/** A claim is shared, or granted local only with a warning, within this long. */
export const CLAIM_CONFIRM_MS = 2000;
/** A claim just taken in the bucket is committed locally within milliseconds; this is the margin. */
const ACQUIRE_GRACE_MS = 5000;

export type AcquireOutcome = { ok: true; warning?: string } | { ok: false; conflict: ClaimInfo };
type ShareOutcome = { ok: true } | { ok: false; conflict: HeldEntry };

interface OwnClaim {
  revision: number;
  /** The revision that created the entry: refreshes raise `revision`, never this. */
  created: number;
  /** The watcher that was following when `revision` was written (BucketMirror.session). */
  session?: number;
}

export interface ClaimSyncOptions {
  hostId: string;
  hostName: string;
  logger: Logger;
  /** The claims held on this host now. */
  localClaims(): Claim[];
  /** The claims bucket while the link is up. */
  bucket(): KV | undefined;
  /** The link answered recently: a shared grant is possible. */
  linkConfirmed(): boolean;
  /** The bus's lease: how long an entry holds after its last write. */
  leaseMs(): number;
  /** The bound on a claim's answer and on a refresh (CLAIM_CONFIRM_MS unless a test sets it). */
  confirmMs?: number;
}

export class ClaimSync {
  private readonly mirror: BucketMirror<RemoteClaimValue>;
  private readonly own = new Map<string, OwnClaim>();
  /** Keys taken by `acquire` whose local claim may not be committed yet: reconcile leaves them alone a while. */
  private readonly acquiredAt = new Map<string, number>();
  /** Keys whose entry lapsed from the bucket while held here (an outage longer than the lease). */
  private readonly lapsed = new Set<string>();
  /** Per key held here and not in the bucket: why, for status. */
  private readonly notes = new Map<string, string>();
  /** Claims-bucket work (acquire, reconcile) runs one at a time: revisions stay consistent. */
  private readonly serialized = createLane();

  private readonly confirmMs: number;

  constructor(private readonly o: ClaimSyncOptions) {
    this.confirmMs = o.confirmMs ?? CLAIM_CONFIRM_MS;
    this.mirror = new BucketMirror('claims', o.logger, (data) => decodeJson(RemoteClaimSchema, data));
  }

  /** Follows the bucket (at each connection: deletes made while away were not seen). */
  watch(kv: KV): Promise<void> {
    return this.mirror.watch(kv);
  }

  get watching(): boolean {
    return this.mirror.watching;
  }

  /** See BucketMirror.alignClock. */
  alignClock(offsetMs: number): void {
    this.mirror.alignClock(offsetMs);
  }

  stop(): void {
    this.mirror.stop();
  }

  /** Claims held on other hosts, as last seen. */
  remoteClaims(now: number): ClaimInfo[] {
    return this.held().filter((e) => e.value.hostId !== this.o.hostId && holds(e, now, this.o.leaseMs())).map(toClaimInfo);
  }

  warnings(): string[] {
    return [...this.notes.values()];
  }

  /** This host's claims the bucket does not hold now: told to the other hosts in presence. */
  unshared(): Claim[] {
    return this.o.localClaims().filter((c) => this.notes.has(claimKey(c.resource)));
  }

  /** Before a local claim is granted: refused if another host holds an overlap, else shared, else local only with a warning. */
  acquire(claim: Claim): Promise<AcquireOutcome> {
    if (!this.o.bucket() || !this.o.linkConfirmed()) return Promise.resolve(this.localOnly(claim, 'NATS is not answering'));
    return this.serialized(async () => {
      const kv = this.o.bucket();
      if (!kv || !this.o.linkConfirmed()) return this.localOnly(claim, 'NATS is not answering');
      const other = blockingEntry(this.held(), claim.resource, this.o.hostId, Date.now(), this.o.leaseMs());
      if (other) return { ok: false, conflict: toClaimInfo(other) };
      try {
        const shared = await withTimeout(this.share(kv, claim), this.confirmMs, 'claim');
        if (!shared.ok) return { ok: false, conflict: toClaimInfo(shared.conflict) };
        this.notes.delete(claimKey(claim.resource));
        return { ok: true };
      } catch (err) {
        return this.localOnly(claim, (err as Error).message);
      }
    });
  }

  /**
   * The broker decided a claim `acquire` answered (committed it, or not): from now on its entry
   * follows the local claims, so one released before the next refresh leaves the bucket then,
   * not after ACQUIRE_GRACE_MS. In the lane: a refresh under way read the local claims before
   * the commit, and must still leave the entry alone.
   */
  settled(resource: string): Promise<void> {
    return this.serialized(async () => {
      this.acquiredAt.delete(claimKey(resource));
    });
  }

  /** Brings the bucket in line with the local claims (each tick), one at a time with `acquire`. */
  refresh(kv: KV): Promise<void> {
    // Bounded like a claim: a claim asked meanwhile waits for this turn of the lane.
    return this.serialized(() => withTimeout(this.reconcile(kv), this.confirmMs, 'claims refresh'));
  }

  private localOnly(claim: Claim, why: string): AcquireOutcome {
    this.o.logger.warn({ resource: claim.resource, why }, 'federation: claim not confirmed by the other hosts; granted locally only');
    const key = claimKey(claim.resource);
    this.acquiredAt.set(key, Date.now());
    this.notes.set(key, `claim ${claim.resource} is local only: another host may hold it (${why}); it is shared when NATS answers`);
    return { ok: true, warning: `local only: another host may hold it (${why}). It is shared when NATS answers; a conflict is then reported in status.` };
  }

  /** Writes the claim to the bucket and waits until the copy has every write before it: see the file comment. */
  private async share(kv: KV, claim: Claim): Promise<ShareOutcome> {
    const key = claimKey(claim.resource);
    // A watcher opened after the write would not show every earlier entry when it reaches it:
    // the write waits for the watcher (just after a connection, it is a round trip or two away).
    const session = await this.mirror.started(this.confirmMs);
    if (session === undefined) throw new Error('the claims watcher did not start');
    let mine = this.own.get(key) ?? this.ownInCopy(key);
    let revision: number;
    try {
      revision = mine ? await kv.update(key, this.claimValue(claim, mine.created), mine.revision) : await kv.create(key, this.claimValue(claim));
    } catch (err) {
      if (!isWrongSequence(err)) throw err;
      // The key changed under us: another host holds it, or the copy was behind on our own entry.
      const entry = await kv.get(key);
      const value = entry && entry.operation === 'PUT' ? decodeJson(RemoteClaimSchema, entry.value) : undefined;
      if (entry && value && value.hostId !== this.o.hostId) return { ok: false, conflict: { key, revision: entry.revision, value, seenAt: Date.now() } };
      mine = entry && value ? { revision: entry.revision, created: value.created ?? entry.revision } : undefined;
      revision = mine ? await kv.update(key, this.claimValue(claim, mine.created), mine.revision) : await kv.create(key, this.claimValue(claim));
    }
    const created = mine?.created ?? revision;
    this.own.set(key, { revision, created, session });
    this.acquiredAt.set(key, Date.now());
    this.lapsed.delete(key);
    if (!(await this.mirror.reached(revision, this.confirmMs, session))) throw new Error('the claims watcher did not see the write in time');
    const earlier = blockingEntry(this.held(), claim.resource, this.o.hostId, Date.now(), this.o.leaseMs(), created);
    if (earlier) {
      await kv.delete(key, { previousSeq: revision }).catch(() => undefined);
      this.own.delete(key);
      return { ok: false, conflict: earlier };
    }
    return { ok: true };
  }

  /** The bucket holds exactly this host's live claims, rewritten each tick (all at once, not one round trip each). */
  private async reconcile(kv: KV): Promise<void> {
    const want = new Map(this.o.localClaims().map((c) => [claimKey(c.resource), c]));
    await Promise.all([...want].map(([key, c]) => (this.own.has(key) ? this.rewrite(kv, key, c) : this.shareLater(kv, key, c))));
    const now = Date.now();
    for (const [key, at] of this.acquiredAt) if (want.has(key) || now - at > ACQUIRE_GRACE_MS) this.acquiredAt.delete(key);
    const gone: Promise<unknown>[] = [];
    for (const [key, mine] of this.own) {
      if (want.has(key) || this.acquiredAt.has(key)) continue;
      gone.push(kv.delete(key, { previousSeq: mine.revision }).catch(() => undefined));
      this.own.delete(key);
    }
    // Entries of ours left by an earlier run of this host that no longer hold.
    for (const e of this.held()) {
      if (e.value.hostId === this.o.hostId && !want.has(e.key) && !this.own.has(e.key) && !this.acquiredAt.has(e.key)) gone.push(kv.delete(e.key, { previousSeq: e.revision }).catch(() => undefined));
    }
    await Promise.all(gone);
    for (const key of [...this.notes.keys()]) if (!want.has(key) && !this.acquiredAt.has(key)) this.notes.delete(key);
    for (const key of [...this.lapsed]) if (!want.has(key)) this.lapsed.delete(key);
  }

  /** A refresh of our entry; one that lapsed from the bucket (an outage longer than the lease) is shared again if it can be. */
  private async rewrite(kv: KV, key: string, c: Claim): Promise<void> {
    const mine = this.own.get(key)!;
    try {
      // The last write is confirmed (or not) before this one replaces it.
      if (this.notes.has(key)) await this.confirmLate(kv, key, c);
      if (!this.own.has(key)) return;
      const session = this.mirror.session();
      this.own.set(key, { revision: await kv.update(key, this.claimValue(c, mine.created), mine.revision), created: mine.created, ...(session !== undefined ? { session } : {}) });
    } catch (err) {
      if (!isWrongSequence(err)) throw err;
      this.own.delete(key);
      this.lapsed.add(key);
      await this.shareLater(kv, key, c);
    }
  }

  /**
   * An entry of ours whose claim was granted local only though its write went through (the
   * watcher had not reached it in time): once the watcher that was following when our last write
   * was made has delivered it, the copy has every entry created before ours, and the claim is
   * shared (the warning goes), or it is a later overlap of another host's claim (withdrawn from
   * the bucket and reported, as `share` would have).
   */
  private async confirmLate(kv: KV, key: string, c: Claim): Promise<void> {
    const mine = this.own.get(key);
    if (!mine || mine.session === undefined || mine.session !== this.mirror.session() || this.mirror.watched < mine.revision) return;
    const earlier = blockingEntry(this.held(), c.resource, this.o.hostId, Date.now(), this.o.leaseMs(), mine.created);
    if (!earlier) {
      if (this.notes.delete(key)) this.o.logger.info({ resource: c.resource }, 'federation: a local-only claim is shared now');
      return;
    }
    await kv.delete(key, { previousSeq: mine.revision }).catch(() => undefined);
    this.own.delete(key);
    this.noteConflict(key, c, earlier);
  }

  /** A claim held here without the bucket (granted local only, or lapsed): shared unless another host holds an overlap. */
  private async shareLater(kv: KV, key: string, c: Claim): Promise<void> {
    const other = blockingEntry(this.held(), c.resource, this.o.hostId, Date.now(), this.o.leaseMs());
    const outcome: ShareOutcome = other ? { ok: false, conflict: other } : await this.share(kv, c);
    if (outcome.ok) {
      if (this.notes.delete(key)) this.o.logger.info({ resource: c.resource }, 'federation: a local-only claim is shared now');
      return;
    }
    this.noteConflict(key, c, outcome.conflict);
  }

  private noteConflict(key: string, c: Claim, conflict: HeldEntry): void {
    const v = conflict.value;
    const how = this.lapsed.has(key) ? 'its hold lapsed from the shared bucket while NATS was unreachable for longer than the lease, and' : 'it was taken here while NATS was not answering, and';
    const text = `claim ${c.resource} (held here by ${c.label}) conflicts with ${v.resource} held by ${v.label} on ${v.host}: ${how} both hosts hold it now; one of them should release it`;
    if (this.notes.get(key) !== text) this.o.logger.warn({ resource: c.resource, host: v.host }, `federation: ${text}`);
    this.notes.set(key, text);
  }

  private ownInCopy(key: string): OwnClaim | undefined {
    const e = this.held().find((x) => x.key === key && x.value.hostId === this.o.hostId);
    return e ? { revision: e.revision, created: e.value.created ?? e.revision } : undefined;
  }

  private held(): HeldEntry[] {
    return [...this.mirror.values()];
  }

  /** The bucket value of a claim; `created` once the entry exists (see createdRevision). */
  private claimValue(c: Claim, created?: number): string {
    const v: Omit<RemoteClaimValue, 'label'> & { label: string } = { v: 1, hostId: this.o.hostId, host: this.o.hostName, resource: c.resource, holder: c.holder, label: c.label, since: c.since };
    if (created !== undefined) v.created = created;
    if (c.expiresAt !== undefined) {
      v.expiresAt = c.expiresAt;
      v.ttlLeftMs = Math.max(0, c.expiresAt - Date.now());
    }
    if (c.note) v.note = c.note;
    return JSON.stringify(v);
  }
}
