/**
 * The rules of the shared claims bucket, pure: which entries still hold, which one blocks a
 * claim, which one was there first. Time is this host's own: an entry holds for one lease after
 * this host last saw it written (its holder rewrites it every tick), and a time-limited claim
 * carries the time it has left, not a moment by another host's clock.
 */
import type { ClaimInfo } from '../../protocol/messages.ts';
import { overlaps } from '../claims.ts';
import type { RemoteClaimValue } from './wire.ts';

export interface HeldEntry {
  key: string;
  revision: number;
  value: RemoteClaimValue;
  /** This host's time when the entry was last seen written. */
  seenAt: number;
}

/** When an entry stops holding, by this host's clock. */
export function holdsUntil(e: HeldEntry, leaseMs: number): number {
  const lease = e.seenAt + leaseMs;
  return e.value.ttlLeftMs === undefined ? lease : Math.min(lease, e.seenAt + e.value.ttlLeftMs);
}

export function holds(e: HeldEntry, now: number, leaseMs: number): boolean {
  return now < holdsUntil(e, leaseMs);
}

/** When an entry was created, in bucket order: its first revision, carried in the value by refreshes. */
export function createdRevision(e: HeldEntry): number {
  return e.value.created ?? e.revision;
}

/** Another host's entry, still holding, that overlaps `resource` (and, with `before`, was created before it). */
export function blockingEntry(entries: Iterable<HeldEntry>, resource: string, ownHostId: string, now: number, leaseMs: number, before?: number): HeldEntry | undefined {
  for (const e of entries) {
    if (e.value.hostId === ownHostId || !holds(e, now, leaseMs) || !overlaps(e.value.resource, resource)) continue;
    if (before === undefined || createdRevision(e) < before) return e;
  }
  return undefined;
}

/** A remote entry as the claims list shows it: its expiry (if any) on this host's clock. */
export function toClaimInfo(e: Pick<HeldEntry, 'value' | 'seenAt'>): ClaimInfo {
  const v = e.value;
  const c: ClaimInfo = { resource: v.resource, holder: v.holder, label: v.label, since: v.since, host: v.host };
  if (v.ttlLeftMs !== undefined) c.expiresAt = e.seenAt + v.ttlLeftMs;
  if (v.note) c.note = v.note;
  return c;
}
