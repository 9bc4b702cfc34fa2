/**
 * The MCP server's line to the broker: one live, registered connection standing for this
 * session's presence. Lost connections (a killed or replaced daemon) are re-made on the next
 * call, starting a daemon if none runs, and registered again.
 */
import { connectOrSpawn, type Connection } from '../client/connect.ts';
import { ConnectionError } from '../client/rpc-client.ts';
import type { MethodName, Methods, SessionIdentity } from '../protocol/messages.ts';

export class BusSession {
  private conn: Connection | undefined;
  private connecting: Promise<Connection> | undefined;

  constructor(
    readonly projectDir: string,
    readonly who: SessionIdentity,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Connects and registers now; failures are retried by the next call. */
  async start(): Promise<void> {
    await this.connection();
  }

  async call<M extends MethodName>(method: M, params: Omit<Methods[M]['params'], keyof SessionIdentity>): Promise<Methods[M]['result']> {
    const full = { ...this.who, ...params } as Methods[M]['params'];
    const conn = await this.connection();
    try {
      return await conn.client.request(method, full);
    } catch (err) {
      // The daemon went away mid-call (killed, replaced): one more try on a fresh connection.
      if (!(err instanceof ConnectionError)) throw err;
      this.drop(conn);
      const again = await this.connection();
      return again.client.request(method, full);
    }
  }

  close(): void {
    this.conn?.client.close();
    this.conn = undefined;
  }

  private connection(): Promise<Connection> {
    if (this.conn && !this.conn.client.closed) return Promise.resolve(this.conn);
    this.connecting ??= (async () => {
      try {
        const conn = await connectOrSpawn(this.projectDir, { env: this.env });
        await conn.client.request('register', { ...this.who, live: true });
        conn.client.onClose = () => this.drop(conn);
        this.conn = conn;
        return conn;
      } finally {
        this.connecting = undefined;
      }
    })();
    return this.connecting;
  }

  private drop(conn: Connection): void {
    if (this.conn === conn) this.conn = undefined;
    conn.client.close();
  }
}
