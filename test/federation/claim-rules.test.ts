/**
 * The claims bucket's rules, pure: an entry holds for one lease after this host last saw it
 * written, a time-limited claim for the time it had left (never by another host's clock), and of
 * two overlapping entries the one created first blocks the other.
 */
import { describe, expect, it } from 'vitest';
import { blockingEntry, createdRevision, holds, holdsUntil, toClaimInfo, type HeldEntry } from '../../src/daemon/federation/claim-rules.ts';
import type { RemoteClaimValue } from '../../src/daemon/federation/wire.ts';

const LEASE = 15_000;

function entry(over: Partial<RemoteClaimValue> & { revision?: number; seenAt?: number; key?: string } = {}): HeldEntry {
  const { revision = 10, seenAt = 1_000_000, key = 'k', ...value } = over;
  return { key, revision, seenAt, value: { v: 1, hostId: 'B', host: 'hostB', resource: 'src/**', holder: 's', label: 'main#bbbbbb', since: 0, ...value } };
}

describe('claim rules', () => {
  it('an entry holds one lease after it was last seen written', () => {
    const e = entry();
    expect(holdsUntil(e, LEASE)).toBe(1_015_000);
    expect(holds(e, 1_014_999, LEASE)).toBe(true);
    expect(holds(e, 1_015_000, LEASE)).toBe(false);
  });

  it("issue 19 finding 4: a time-limited claim holds for the time it had left, whatever the writer's clock said (expiresAt) ", () => {
    // The writer's clock was 120 s behind ours: by its expiresAt the claim ended long ago.
    const e = entry({ ttlLeftMs: 60_000, expiresAt: 1_000_000 - 120_000 + 60_000 });
    expect(holds(e, 1_000_000 + 59_000, 10 * 60_000)).toBe(true);
    expect(holds(e, 1_000_000 + 60_000, 10 * 60_000)).toBe(false);
    // The lease still bounds it: a silent holder's claim goes with its lease.
    expect(holdsUntil(e, LEASE)).toBe(1_015_000);
    expect(toClaimInfo(e).expiresAt).toBe(1_060_000);
  });

  it('blocks on another host only, on an overlap still holding, created before when asked', () => {
    const mine = entry({ hostId: 'A', key: 'a' });
    const other = entry({ key: 'b', resource: 'src/x/**', revision: 20, created: 12 });
    const far = entry({ key: 'c', resource: 'docs/**', revision: 5 });
    const stale = entry({ key: 'd', resource: 'src/x/a.ts', seenAt: 0 });
    const all = [mine, far, stale, other];
    expect(blockingEntry(all, 'src/x/a.ts', 'A', 1_000_001, LEASE)).toBe(other);
    expect(blockingEntry(all, 'lib/**', 'A', 1_000_001, LEASE)).toBeUndefined();
    // Created at 12 (refreshed to 20 since): it blocks a claim created at 13, not one created at 11.
    expect(createdRevision(other)).toBe(12);
    expect(blockingEntry(all, 'src/x/a.ts', 'A', 1_000_001, LEASE, 13)).toBe(other);
    expect(blockingEntry(all, 'src/x/a.ts', 'A', 1_000_001, LEASE, 11)).toBeUndefined();
    // Our own entries never block us.
    expect(blockingEntry([mine], 'src/**', 'A', 1_000_001, LEASE)).toBeUndefined();
  });
});
