/**
 * Federation's presence: a KV bucket whose entries live one lease. Each host re-puts its own
 * entry (its live sessions) every tick, so a host that dies leaves the others' view within a lease.
 */
import type { JetStreamManager } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import type { FederationHost } from '../../protocol/messages.ts';
import { readBucket, withTimeout } from './nats-util.ts';
import { decodeJson, PresenceSchema, type Presence } from './wire.ts';

/** Puts this host's entry, then reads the others' (sorted by name); gives up on NATS after `timeoutMs`. */
export async function refreshPresence(kv: KV, jsm: JetStreamManager | undefined, bucket: string, me: Presence, timeoutMs: number): Promise<FederationHost[]> {
  await kv.put(me.hostId, JSON.stringify(me));
  const hosts: FederationHost[] = [];
  for (const e of await withTimeout(readBucket(jsm, kv, bucket), timeoutMs, 'presence read')) {
    const p = decodeJson(PresenceSchema, e.value);
    if (p && p.hostId !== me.hostId) hosts.push({ id: p.hostId, name: p.host, sessions: p.sessions, lastSeen: e.created.getTime() });
  }
  return hosts.sort((a, b) => a.name.localeCompare(b.name));
}
