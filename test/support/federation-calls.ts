/**
 * What the multi-host tests ask a host's broker, and how they read the answers: status, claims
 * (granted as shared, granted with a warning, or refused), and waits on federation state.
 *
 * The status and claim shapes here carry what issue 19's fixes add (`leaseMs`, a host's
 * `clockSkewMs`, a claim's `warning`): optional, so the tests compile and fail on code without them.
 */
import { randomBytes } from 'node:crypto';
import type { Connection } from '../../src/client/connect.ts';
import type { FederationHost, FederationStatus } from '../../src/protocol/messages.ts';
import { sleep, waitFor } from './project.ts';

export const A1 = { sessionId: 'aaaaaaaa-1111-4000-8000-000000000001', pid: 101, label: 'main#aaaaaa' };
export const B1 = { sessionId: 'bbbbbbbb-1111-4000-8000-000000000001', pid: 201, label: 'main#bbbbbb' };
export type Who = typeof A1;

/** What a claim granted without the bus's confirmation says, at grant time. */
export const LOCAL_ONLY = /^local only: another host may hold it/;

export type FedHost = FederationHost & { clockSkewMs?: number };
export type FedStatus = Omit<FederationStatus, 'hosts'> & { leaseMs?: number; hosts: FedHost[] };

/** A repository origin no other test shares: its own bus. */
export function uniqueRemote(): string {
  return `git@example.com:team/netns-${randomBytes(4).toString('hex')}.git`;
}

export async function fedStatus(c: Connection): Promise<FedStatus> {
  return (await c.client.request('status', {})).federation as FedStatus;
}

/** Waits for federation `state` (connected by default); the last state and reason in the error. */
export async function federated(c: Connection, state = 'connected', timeoutMs = 20_000): Promise<FedStatus> {
  let last: FedStatus | undefined;
  try {
    return await waitFor(`federation ${state}`, async () => {
      last = await fedStatus(c);
      return last.state === state ? last : undefined;
    }, timeoutMs);
  } catch (err) {
    throw new Error(`${(err as Error).message}; last: ${last?.state} (${last?.reason ?? 'no reason'})`);
  }
}

export interface ClaimOutcome {
  resource: string;
  granted: boolean;
  /** A grant's warning (see LOCAL_ONLY). */
  warning?: string;
  /** Why it was refused. */
  refusal?: string;
  /** From request to answer. */
  ms: number;
}

export async function claim(c: Connection, who: Who, resource: string, extra: { ttlSeconds?: number; note?: string } = {}): Promise<ClaimOutcome> {
  const t0 = performance.now();
  try {
    const r = (await c.client.request('claim', { ...who, resource, ...extra }, 30_000)) as { warning?: string };
    return { resource, granted: true, ...(r.warning ? { warning: r.warning } : {}), ms: performance.now() - t0 };
  } catch (err) {
    return { resource, granted: false, refusal: (err as Error).message, ms: performance.now() - t0 };
  }
}

/** Granted, and confirmed by the claims bucket: the other hosts are bound by it. */
export const shared = (o: ClaimOutcome): boolean => o.granted && o.warning === undefined;

/** One line for an assertion's message. */
export function outcomeText(o: ClaimOutcome): string {
  const how = o.granted ? (o.warning ? `granted with warning "${o.warning}"` : 'granted as shared') : `refused (${o.refusal})`;
  return `${o.resource}: ${how} in ${Math.round(o.ms)} ms`;
}

/** `fn`'s first truthy value within `timeoutMs`, else the last value it gave (for an assertion to show). */
export async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await sleep(50);
  }
}
