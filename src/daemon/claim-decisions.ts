/**
 * Claim decisions: take, release, end with a session, expire. Each reads the broker and returns
 * the change to record (release entries plus their `lock`/`unlock` announcements); nothing
 * changes until the change is committed and applied. Pure.
 */
import type { MessageRecord, SessionIdentity } from '../protocol/messages.ts';
import type { LogEntry } from '../place/mailbox-entries.ts';
import type { Broker } from './broker.ts';
import { lastPid, type Change, type ClaimOutcome, type ClaimsEnded, type Session } from './broker-types.ts';
import { normalizeResource, type Claim } from './claims.ts';

/** Takes (or refreshes) a claim unless another session holds something overlapping. Announced as `lock`. */
export function decideClaim(b: Broker, session: Session, who: SessionIdentity, resource: string, now: number, ttlMs?: number, note?: string): ClaimOutcome {
  const name = normalizeResource(resource);
  const conflict = b.claims.conflict(name, session.id, now);
  if (conflict) return { ok: false, conflict, entries: [], records: [] };
  const claim: Claim = { resource: name, holder: session.id, label: session.label, since: b.claims.get(name)?.since ?? now };
  if (ttlMs !== undefined) claim.expiresAt = now + ttlMs;
  if (note) claim.note = note;
  const text = `claimed ${name}${note ? ` (${note})` : ''}${ttlMs !== undefined ? ` for ${Math.round(ttlMs / 1000)}s` : ''}`;
  return { ok: true, claim, entries: [{ type: 'claim', ...claim }], records: [b.stamp(who, 'lock', text, now)] };
}

/** Ends the caller's claim on `resource`; undefined when it holds none there. Announced as `unlock`. */
export function decideRelease(b: Broker, session: Session, resource: string, now: number): (Change & { released: Claim }) | undefined {
  const held = b.claims.get(normalizeResource(resource));
  if (!held || held.holder !== session.id) return undefined;
  return { released: held, ...endClaims(b, [held], now, 'released') };
}

/**
 * The holder is gone (session ended, or its connection lost past the grace period): its claims
 * end, and its working set with them (nobody is left to collide with).
 */
export function endSessionClaims(b: Broker, session: Session, now: number, reason: string): ClaimsEnded {
  const ended = endClaims(b, b.claims.heldBy(session.id), now, reason);
  if (b.workingSets.has(session.id)) ended.entries.push({ type: 'settle', id: session.id, ts: now });
  return ended;
}

export function expireClaims(b: Broker, now: number): ClaimsEnded {
  const gone = b.claims.list(Number.NEGATIVE_INFINITY).filter((c) => c.expiresAt !== undefined && c.expiresAt <= now);
  return endClaims(b, gone, now, 'expired');
}

function endClaims(b: Broker, claims: Claim[], now: number, reason: string): ClaimsEnded {
  const entries: LogEntry[] = [];
  const records: MessageRecord[] = [];
  for (const c of claims) {
    entries.push({ type: 'release', resource: c.resource, holder: c.holder, ts: now });
    const holder = b.session(c.holder);
    const origin = { sessionId: c.holder, pid: holder ? lastPid(holder) : 0, label: c.label };
    records.push(b.stamp(origin, 'unlock', reason === 'released' ? `released ${c.resource}` : `${c.resource} is free: ${reason}`, now));
  }
  return { entries, records, ended: claims };
}
