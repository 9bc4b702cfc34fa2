/**
 * Attacks on the claims bucket's protocol (claim-sync.ts), in-process against a small in-memory
 * KV whose watcher can be held back: the orderings that are hard to force on a real link
 * (a watcher that lags behind the writes, a release before the first refresh) become exact.
 */
import { JetStreamApiError } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/daemon/claims.ts';
import type { Logger } from '../../src/daemon/context.ts';
import { ClaimSync } from '../../src/daemon/federation/claim-sync.ts';
import { claimKey } from '../../src/daemon/federation/wire.ts';
import { waitFor } from '../support/project.ts';

const LEASE = 15_000;

interface Rec {
  key: string;
  revision: number;
  operation: 'PUT' | 'DEL';
  value: Uint8Array;
  created: Date;
}

/** A KV bucket as claim-sync uses it: create/update/get/delete with revisions, and watchers that can be held back. */
class FakeBucket {
  seq = 0;
  current = new Map<string, Rec>();
  private watchers: { owner: string; queue: Rec[]; wake?: () => void; stopped: boolean }[] = [];
  /** Hosts whose watchers lag: they queue and deliver nothing until released. */
  held = new Set<string>();
  /** While set, a new watcher's consumer is not created yet (its snapshot of last values is taken when it opens). */
  gate: Promise<void> | undefined;

  private write(key: string, operation: 'PUT' | 'DEL', value: Uint8Array): number {
    const r: Rec = { key, revision: ++this.seq, operation, value, created: new Date() };
    if (operation === 'PUT') this.current.set(key, r);
    else this.current.delete(key);
    for (const w of this.watchers) {
      w.queue.push(r);
      if (!this.held.has(w.owner)) w.wake?.();
    }
    return r.revision;
  }

  private wrong(): never {
    throw new JetStreamApiError({ code: 400, err_code: 10071, description: 'wrong last sequence' });
  }

  /** Has every watcher of this host handed out all it queued? */
  delivered(owner: string): boolean {
    return this.watchers.every((w) => w.owner !== owner || w.stopped || w.queue.length === 0);
  }

  /** Lets the watchers deliver what they queued (and from now on). */
  release(owner: string): void {
    this.held.delete(owner);
    for (const w of this.watchers) if (w.owner === owner) w.wake?.();
  }

  kv(owner: string, hostDelayMs = 0): KV {
    const pause = () => new Promise((r) => setTimeout(r, hostDelayMs));
    const kv = {
      create: async (key: string, v: string) => {
        await pause();
        if (this.current.has(key)) this.wrong();
        return this.write(key, 'PUT', Buffer.from(v));
      },
      update: async (key: string, v: string, rev: number) => {
        await pause();
        if (this.current.get(key)?.revision !== rev) this.wrong();
        return this.write(key, 'PUT', Buffer.from(v));
      },
      get: async (key: string) => {
        await pause();
        return this.current.get(key) ?? null;
      },
      delete: async (key: string, opts?: { previousSeq?: number }) => {
        await pause();
        if (opts?.previousSeq !== undefined && this.current.get(key)?.revision !== opts.previousSeq) this.wrong();
        this.write(key, 'DEL', new Uint8Array());
      },
      watch: async () => {
        await pause();
        await this.gate;
        const w = { owner, queue: [...this.current.values()].sort((a, b) => a.revision - b.revision), wake: undefined as undefined | (() => void), stopped: false };
        this.watchers.push(w);
        const bucket = this;
        return {
          stop() {
            w.stopped = true;
            w.wake?.();
          },
          async *[Symbol.asyncIterator]() {
            while (!w.stopped) {
              if (w.queue.length && !bucket.held.has(owner)) {
                yield w.queue.shift()!;
                continue;
              }
              await new Promise<void>((r) => (w.wake = r));
            }
          },
        };
      },
    };
    return kv as unknown as KV;
  }
}

const quiet: Logger = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Logger;
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));
/** A short bound on the claim's answer: the tests below wait past it, and 2 s each would be slept through. */
const CONFIRM_MS = 100;

function host(bucket: FakeBucket, id: string, opts: { delayMs?: number } = {}) {
  const claims: Claim[] = [];
  const kv = bucket.kv(id, opts.delayMs);
  let onRead: (() => void) | undefined;
  const localClaims = () => {
    onRead?.();
    onRead = undefined;
    return claims;
  };
  const sync = new ClaimSync({ hostId: id, hostName: id, logger: quiet, localClaims, bucket: () => kv, linkConfirmed: () => true, leaseMs: () => LEASE, confirmMs: CONFIRM_MS });
  /** Resolves when claim-sync next reads this host's local claims. */
  const nextRead = () => new Promise<void>((r) => (onRead = r));
  return { sync, kv, claims, nextRead, claim: (resource: string, holder = `${id}-s1`): Claim => ({ resource, holder, label: `main#${id}`, since: Date.now() }) as Claim };
}

describe('attack: claims bucket protocol', () => {
  it('a claim released before the first refresh saw it stays in the bucket for ACQUIRE_GRACE_MS: the other host is refused a free resource for up to 5 s', async () => {
    const bucket = new FakeBucket();
    const a = host(bucket, 'hostA');
    const b = host(bucket, 'hostB');
    await Promise.all([a.sync.watch(a.kv), b.sync.watch(b.kv)]);

    const c = a.claim('port:1420');
    expect(await a.sync.acquire(c)).toEqual({ ok: true });
    await a.sync.settled(c.resource); // the broker committed it (handlers/claim.ts)
    // The session releases it at once (a quick job), before any tick refreshed the bucket: the
    // release's own refresh (claimsChanged → tick) runs with no local claim.
    await a.sync.refresh(a.kv);
    expect(bucket.current.has(claimKey('port:1420')), 'A released port:1420, yet its entry is still in the shared bucket').toBe(false);
    const outcome = await b.sync.acquire(b.claim('port:1420'));
    expect(outcome, 'B refused a resource nobody holds').toEqual({ ok: true });
    a.sync.stop();
    b.sync.stop();
  });

  it('a refresh that read the local claims before the commit does not take a just-acquired entry out when the claim is settled meanwhile', async () => {
    const bucket = new FakeBucket();
    const a = host(bucket, 'hostA', { delayMs: 30 });
    await a.sync.watch(a.kv);
    const other = a.claim('port:1');
    a.claims.push(other);
    await a.sync.refresh(a.kv);
    const c = a.claim('port:2');
    expect(await a.sync.acquire(c)).toEqual({ ok: true });
    const read = a.nextRead();
    const refreshing = a.sync.refresh(a.kv);
    await read; // the refresh has read the local claims: port:2 is not committed yet
    a.claims.push(c); // committed
    const settled = a.sync.settled(c.resource);
    await Promise.all([refreshing, settled]);
    expect(bucket.current.has(claimKey('port:2')), 'the shared entry of a held claim was deleted').toBe(true);
    await a.sync.refresh(a.kv);
    expect(bucket.current.has(claimKey('port:2'))).toBe(true);
    a.sync.stop();
  });

  it('a watcher restarting (a reconnect) while a claim waits for its write: an earlier overlapping claim refreshed after that write is replayed after it, and both hosts are granted shared', async () => {
    const bucket = new FakeBucket();
    const a = host(bucket, 'hostA');
    const b = host(bucket, 'hostB');
    await Promise.all([a.sync.watch(a.kv), b.sync.watch(b.kv)]);

    // B reconnects: its watcher restarts, its new consumer is not open yet.
    let open!: () => void;
    bucket.gate = new Promise<void>((r) => (open = r));
    const rewatch = b.sync.watch(b.kv);
    // A takes src/** meanwhile (B's old watcher is stopped: B's copy does not show it).
    const ac = a.claim('src/**');
    expect(await a.sync.acquire(ac)).toEqual({ ok: true });
    a.claims.push(ac);
    await a.sync.settled(ac.resource);
    // B asks for src/b.ts: its create comes after A's, and waits for B's watcher to reach it.
    const bc = b.claim('src/b.ts');
    const bOutcome = b.sync.acquire(bc);
    // B's claim is under way (it waits for B's watcher, or has written): no event to wait for.
    await tick(20);
    await a.sync.refresh(a.kv); // A's tick rewrites src/**: its last revision is now after B's write
    bucket.gate = undefined;
    open(); // B's consumer opens: last values in revision order, B's entry before A's
    await rewatch;
    const bo = await bOutcome;
    expect(bo.ok && !bo.warning, 'B was granted src/b.ts as shared while A holds src/** (created before it)').toBe(false);
    a.sync.stop();
    b.sync.stop();
  });

  it('a claim granted "local only" because the watcher lagged, though its create succeeded: once shared, the "local only" warning and the presence `unshared` entry never clear', async () => {
    const bucket = new FakeBucket();
    const a = host(bucket, 'hostA');
    await a.sync.watch(a.kv);

    bucket.held.add('hostA'); // the watcher lags (a reconnect's replay, a slow link): the create itself is answered
    const c = a.claim('src/**');
    const outcome = await a.sync.acquire(c);
    expect(outcome.ok && outcome.warning).toMatch(/^local only/);
    a.claims.push(c); // the broker commits the local-only grant
    await tick(CONFIRM_MS + 50); // past the share's own wait for the watcher
    bucket.release('hostA');
    await waitFor("A's watcher to deliver what it held", () => bucket.delivered('hostA'));

    // Ticks go by with the link fine: the claim is in the bucket, rewritten each tick.
    for (let i = 0; i < 3; i++) await a.sync.refresh(a.kv);
    const entry = bucket.current.get(claimKey('src/**'));
    expect(entry && JSON.parse(Buffer.from(entry.value).toString()).hostId).toBe('hostA');
    expect(a.sync.warnings(), 'status still says the claim is local only, though the bucket holds it').toEqual([]);
    expect(a.sync.unshared().map((x) => x.resource), 'presence still tells the other hosts this claim is outside the bucket').toEqual([]);
    a.sync.stop();
  });

  it('a claim whose create succeeded but the watcher lagged past the timeout is never checked against an earlier overlapping claim of another host: rewritten each tick, the conflict is never named here', async () => {
    const bucket = new FakeBucket();
    const a = host(bucket, 'hostA');
    const b = host(bucket, 'hostB');
    await Promise.all([a.sync.watch(a.kv), b.sync.watch(b.kv)]);

    // A's watcher lags; B takes src/** first (its create gets the lower revision) and then A asks
    // for src/app.ts: A's copy does not show B's entry yet.
    bucket.held.add('hostA');
    const bc = b.claim('src/**');
    const bOutcome = b.sync.acquire(bc);
    await waitFor("B's write in the bucket", () => bucket.current.has(claimKey('src/**')));
    const ac = a.claim('src/app.ts');
    const aOutcome = await a.sync.acquire(ac);
    expect(aOutcome.ok && aOutcome.warning).toMatch(/^local only/);
    a.claims.push(ac);
    await tick(CONFIRM_MS + 50); // past the share's own wait for the watcher
    bucket.release('hostA');
    await waitFor("A's watcher to deliver what it held", () => bucket.delivered('hostA'));
    const bo = await bOutcome;
    if (bo.ok && !bo.warning) b.claims.push(bc);

    for (let i = 0; i < 3; i++) await Promise.all([a.sync.refresh(a.kv), b.sync.refresh(b.kv)]);
    // Both hold overlapping claims; A's entry is a later overlap of B's and should be named a conflict on A.
    expect(a.sync.warnings().join('\n'), 'A still says "another host may hold it" though B\'s earlier src/** is in its copy').toMatch(/conflicts with src\/\*\* held by main#hostB/);
    a.sync.stop();
    b.sync.stop();
  });
});
