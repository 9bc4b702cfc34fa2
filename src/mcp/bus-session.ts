/**
 * The MCP server's line to the broker: one live, registered connection standing for this
 * session's presence (peers, claims). When it drops (a killed or replaced daemon) it is re-made
 * right away, starting a daemon if none runs, so presence and claims survive within the grace
 * period; a call made meanwhile waits for the new connection.
 */
import { sleep } from '../place/sleep.ts';
import { connectOrSpawn, type Connection } from '../client/connect.ts';
import { ConnectionError } from '../transport/rpc-client.ts';
import type { MethodName, Methods, SessionIdentity, WakePolicy } from '../protocol/messages.ts';

/** Reconnect backoff: quick first (a restart takes ~100 ms), then no faster than every 2 s. */
const RECONNECT_MIN_MS = 50;
const RECONNECT_MAX_MS = 2000;
/** Tries per call when the connection is lost under it. */
const CALL_ATTEMPTS = 4;

type Params<M extends MethodName> = Omit<Methods[M]['params'], keyof SessionIdentity>;

export class BusSession {
  private conn: Connection | undefined;
  private connecting: Promise<Connection> | undefined;
  private closed = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  /** Called when the broker says messages matching `push` wait for this session. */
  onWake: (() => void) | undefined;
  /** Subscribe to wake notifications under this policy (only when the host has an inbox). */
  push: WakePolicy | undefined;

  constructor(
    readonly projectDir: string,
    readonly who: SessionIdentity,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Connects and registers now; on failure keeps trying in the background. */
  async start(): Promise<void> {
    try {
      await this.connection();
    } catch (err) {
      this.scheduleReconnect();
      throw err;
    }
  }

  async call<M extends MethodName>(method: M, params: Params<M>): Promise<Methods[M]['result']> {
    const full = { ...this.who, ...params } as Methods[M]['params'];
    for (let attempt = 1; ; attempt++) {
      const conn = await this.connection();
      try {
        return await conn.client.request(method, full);
      } catch (err) {
        // The daemon went away mid-call (killed, replaced, or a start race): retry on a fresh
        // connection. A broadcast that was written but not acked may then be sent twice; one
        // that was acked never is.
        if (!(err instanceof ConnectionError) || attempt >= CALL_ATTEMPTS) throw err;
        this.drop(conn);
        await sleep(RECONNECT_MIN_MS * attempt);
      }
    }
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.conn?.client.close();
    this.conn = undefined;
  }

  private connection(): Promise<Connection> {
    if (this.conn && !this.conn.client.closed) return Promise.resolve(this.conn);
    this.connecting ??= (async () => {
      try {
        const conn = await connectOrSpawn(this.projectDir, { env: this.env });
        conn.client.onNotification = (method) => {
          if (method === 'wake') this.onWake?.();
        };
        await conn.client.request('register', { ...this.who, live: true, push: this.push });
        conn.client.onClose = () => {
          this.drop(conn);
          this.scheduleReconnect();
        };
        this.conn = conn;
        this.retryMs = RECONNECT_MIN_MS;
        return conn;
      } finally {
        this.connecting = undefined;
      }
    })();
    return this.connecting;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connection().catch(() => {
        this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
        this.scheduleReconnect();
      });
    }, this.retryMs);
  }

  private drop(conn: Connection): void {
    if (this.conn === conn) this.conn = undefined;
    conn.client.close();
  }
}
