/**
 * What a recorded claim entry does to the claims: the one place that says it, used by replay
 * (mailbox-replay.ts) and by the daemon after a commit (Broker.apply). A claim takes or refreshes
 * its resource; a release ends it only if the releasing holder still holds it. Pure.
 */
import type { Claim, ClaimEntry, ReleaseEntry } from './mailbox-entries.ts';

/** The claims as a table keyed by resource: the daemon's ClaimTable, or a Map during replay. */
export interface ClaimState {
  get(resource: string): Claim | undefined;
  put(claim: Claim): void;
  remove(resource: string): void;
}

export function applyClaimEntry(claims: ClaimState, entry: ClaimEntry | ReleaseEntry): void {
  if (entry.type === 'claim') {
    const { type: _type, ...claim } = entry;
    claims.put(claim);
  } else if (claims.get(entry.resource)?.holder === entry.holder) {
    claims.remove(entry.resource);
  }
}

/** A Map keyed by resource, seen as ClaimState. */
export function claimMap(map: Map<string, Claim>): ClaimState {
  return { get: (r) => map.get(r), put: (c) => void map.set(c.resource, c), remove: (r) => void map.delete(r) };
}
