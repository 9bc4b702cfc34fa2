/**
 * Real-time delivery: when the broker says new messages wait that match the wake policy, drain
 * them and post them into this session through the host's inbox socket. The first wake after a
 * quiet spell is drained and posted at once; what follows within COALESCE_MS of that drain is
 * gathered into one more post at the window's end, so a burst becomes two posts at most. Posts
 * are rate-limited so two sessions answering each other cannot run away. The batch is peeked,
 * posted, and only then acknowledged: a post that fails acknowledges nothing, and its messages
 * stay for the hooks.
 */
import { renderPush } from '../display/render.ts';
import { CONTEXT_BUDGET_CHARS } from '../display/render.ts';
import type { BusSession } from './bus-session.ts';
import type { HostInbox } from './host-inbox.ts';

/** Coalesce what follows a drain: the next one waits until this long after it. */
export const COALESCE_MS = 150;
/** Token bucket: a few posts at once, then one per refill interval. Bounds any loop between sessions. */
export const PUSH_BURST = 3;
export const PUSH_REFILL_MS = 20_000;
/** A post takes at most the host inbox's 2 s timeout; the batch is held for the push a bit longer. */
const PUSH_LEASE_MS = 5000;

export class Pusher {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private tokens = PUSH_BURST;
  private lastRefill = Date.now();
  /** When the last drain started: the next waits until COALESCE_MS after it. */
  private lastDrain = -Infinity;

  constructor(
    private readonly bus: BusSession,
    private readonly inbox: HostInbox,
    private readonly log: (msg: string) => void = () => undefined,
  ) {}

  /** New messages for us that should wake the session. */
  wake(): void {
    if (this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    const wait = this.lastDrain + COALESCE_MS - Date.now();
    if (wait <= 0) {
      void this.run();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, wait);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.refill();
    if (this.tokens < 1) {
      // Rate-limited: the hooks deliver meanwhile; try again when a token is back.
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.run();
      }, PUSH_REFILL_MS - (Date.now() - this.lastRefill));
      return;
    }
    this.running = true;
    this.lastDrain = Date.now();
    try {
      const batch = await this.bus.call('peek', { maxChars: CONTEXT_BUDGET_CHARS, leaseMs: PUSH_LEASE_MS });
      if (batch.messages.length === 0) {
        if (batch.upTo > batch.cursor) await this.bus.call('ack', { upTo: batch.upTo });
        return;
      }
      this.tokens -= 1;
      let failed: Error | undefined;
      try {
        await this.inbox.post(renderPush(batch.messages, batch.remaining));
      } catch (err) {
        failed = err as Error;
      }
      // Posted: the position moves past the batch. Not posted: an ack of nothing new frees the
      // batch for the hooks at once.
      await this.bus.call('ack', { upTo: failed ? batch.cursor : batch.upTo, via: 'push' });
      if (failed) this.log(`push failed (${failed.message}); left for the hooks`);
    } catch (err) {
      this.log(`push skipped: ${(err as Error).message}`);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    }
  }

  private refill(): void {
    const now = Date.now();
    const gained = Math.floor((now - this.lastRefill) / PUSH_REFILL_MS);
    if (gained > 0) {
      this.tokens = Math.min(PUSH_BURST, this.tokens + gained);
      this.lastRefill += gained * PUSH_REFILL_MS;
    }
    if (this.tokens >= PUSH_BURST) this.lastRefill = now;
  }
}
