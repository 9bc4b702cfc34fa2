/**
 * Small NATS helpers federation's parts share: opening a KV bucket as the first host made it,
 * reading every live entry of a bucket, JetStream error tests, and a timeout for NATS work.
 */
import { JetStreamApiError, type JetStreamManager } from '@nats-io/jetstream';
import type { Kvm, KV } from '@nats-io/kv';

export interface BucketEntry {
  key: string;
  revision: number;
  value: Uint8Array;
  created: Date;
}

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

/**
 * Every live entry of a bucket. The keys come from the stream's subject list (one request, no
 * consumer that could stall), each value by a direct get; all with the request timeout.
 */
export async function readBucket(jsm: JetStreamManager | undefined, kv: KV, bucket: string): Promise<BucketEntry[]> {
  if (!jsm) return [];
  const prefix = `$KV.${bucket}.`;
  const info = await jsm.streams.info(`KV_${bucket}`, { subjects_filter: `${prefix}>` });
  const out = [];
  for (const subject of Object.keys(info.state.subjects ?? {})) {
    const key = subject.slice(prefix.length);
    const e = await kv.get(key);
    if (e && e.operation === 'PUT') out.push({ key, revision: e.revision, value: e.value, created: e.created });
  }
  return out;
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
