/**
 * How the link is reported in `status`, pure: a link the client believes connected but that has
 * not answered the heartbeat is reported as what it is (disconnected, with how long it has been
 * silent), and a host whose own lease setting differs from the bus's is told so.
 */
import type { FederationState } from '../../protocol/messages.ts';

export interface LinkFacts {
  now: number;
  /** The client's view of the connection. */
  state: FederationState;
  ready: boolean;
  stateSince: number;
  lastError?: string;
  /** The heartbeat answered recently (see Federation.linkConfirmed). */
  confirmed: boolean;
  lastAnswerAt: number;
  outbox: number;
  /** This host's SESSION_BUS_FED_LEASE_MS, and the bus's lease once known. */
  settingLeaseMs: number;
  busLeaseMs?: number;
}

export interface LinkReport {
  state: FederationState;
  reason?: string;
  since: number;
  warnings: string[];
}

export function linkReport(f: LinkFacts): LinkReport {
  const silent = f.state === 'connected' && f.ready && !f.confirmed;
  const state = silent ? 'disconnected' : f.state;
  const reason = silent ? `no answer from NATS for ${Math.round((f.now - f.lastAnswerAt) / 1000)} s` : f.lastError;
  const warnings: string[] = [];
  if (state !== 'connected') warnings.push(`NATS unreachable (${reason ?? state}): claims are local only; ${f.outbox} message(s) wait to be forwarded`);
  if (f.busLeaseMs !== undefined && f.busLeaseMs !== f.settingLeaseMs) {
    warnings.push(`lease: SESSION_BUS_FED_LEASE_MS is ${f.settingLeaseMs} ms here, but the bus was made with ${f.busLeaseMs} ms; the bus's lease is used (set the same value on every host)`);
  }
  return { state, ...(reason ? { reason } : {}), since: silent ? f.lastAnswerAt : f.stateSince, warnings };
}
