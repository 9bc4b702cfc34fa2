/**
 * Real-time delivery: when the broker says new messages wait that match the wake policy, drain
 * them and post them into this session through the host's inbox socket. A burst becomes one
 * post; posts are rate-limited so two sessions answering each other cannot run away; a post
 * that fails gives its messages back (rewind) for the hooks to deliver.
 */
import { renderPush } from '../hook/render.ts';
import { CONTEXT_BUDGET_CHARS } from '../hook/render.ts';
import type { BusSession } from './bus-session.ts';
import type { HostInbox } from './host-inbox.ts';

/** Coalesce a burst: wait this long after the first wake before draining. */
export const COALESCE_MS = 150;
/** Token bucket: a few posts at once, then one per refill interval. Bounds any loop between sessions. */
export const PUSH_BURST = 3;
export const PUSH_REFILL_MS = 20_000;

export class Pusher {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private tokens = PUSH_BURST;
  private lastRefill = Date.now();

  constructor(
    private readonly bus: BusSession,
    private readonly inbox: HostInbox,
    private readonly log: (msg: string) => void = () => undefined,
  ) {}

  /** New messages for us that should wake the session. */
  wake(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, COALESCE_MS);
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
    try {
      const d = await this.bus.call('drain', { via: 'push', maxChars: CONTEXT_BUDGET_CHARS });
      if (d.messages.length === 0) return;
      this.tokens -= 1;
      try {
        await this.inbox.post(renderPush(d.messages, d.remaining));
      } catch (err) {
        const r = await this.bus.call('rewind', { from: d.cursor, to: d.cursorBefore }).catch(() => ({ rewound: false }));
        this.log(`push failed (${(err as Error).message}); ${r.rewound ? 'left for the hooks' : 'could not rewind'}`);
      }
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
