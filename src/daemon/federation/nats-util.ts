/**
 * Small NATS helpers federation's parts share: opening a KV bucket as the first host made it,
 * JetStream error tests, and a timeout for NATS work.
 */
import { JetStreamApiError, type JetStreamManager } from '@nats-io/jetstream';
import type { Kvm, KV } from '@nats-io/kv';

/** The bucket as the first host made it (its lease wins); made here when none exists. */
export async function openBucket(kvm: Kvm, jsm: JetStreamManager, name: string, leaseMs: number): Promise<KV> {
  try {
    await jsm.streams.info(`KV_${name}`);
    return await kvm.open(name);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  try {
    return await kvm.create(name, { ttl: leaseMs, history: 1 });
  } catch (err) {
    // Another host made it meanwhile (with its own lease): use that one.
    await jsm.streams.info(`KV_${name}`).catch(() => {
      throw err;
    });
    return kvm.open(name);
  }
}

export function isWrongSequence(err: unknown): boolean {
  return err instanceof JetStreamApiError && (err.code === 10071 || err.code === 10164);
}

export function isNotFound(err: unknown): boolean {
  return err instanceof JetStreamApiError && (err.code === 10059 || err.code === 10014);
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from NATS within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
