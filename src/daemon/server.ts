/**
 * The daemon's connections: each one an RpcPeer over a transport wrapped in the slow-consumer
 * rule, its requests dispatched to the handlers, and the notifications the daemon sends (wake,
 * watched messages). Bad input gets an error reply from the peer and never touches other
 * clients; an oversize frame closes its connection; a client that stops reading is dropped
 * once its unread backlog passes the cap.
 */
import type * as net from 'node:net';
import { BusError, ErrorCode } from '../protocol/errors.ts';
import { MAX_FRAME_BYTES } from '../protocol/limits.ts';
import { MESSAGE_NOTIFICATION, type MessageRecord } from '../protocol/messages.ts';
import { BacklogGuard, DEFAULT_BACKLOG_LIMITS, SlowConsumer, type BacklogLimits } from '../transport/backlog-guard.ts';
import { RpcPeer } from '../transport/rpc-peer.ts';
import { serveRequests } from '../transport/rpc-serve.ts';
import { SocketTransport } from '../transport/socket-transport.ts';
import type { Transport } from '../transport/transport.ts';
import type { ClientConnection, DaemonContext } from './context.ts';
import { dispatch, type HandlerTable } from './dispatch.ts';

export interface ServerHooks {
  /** Any traffic: resets the idle timer. */
  onActivity(): void;
  onConnectionsChanged(count: number): void;
  /** A live session's connection closed. */
  onSessionDisconnected(session: NonNullable<ClientConnection['session']>): void;
}

export interface ServerOptions {
  /** The slow-consumer rule's numbers (tests shorten the wait). */
  backlog?: BacklogLimits;
}

class Conn implements ClientConnection {
  session?: ClientConnection['session'];
  push?: ClientConnection['push'];
  livePid?: number;
  watchingAfter?: number;
  leased?: Set<NonNullable<ClientConnection['session']>>;
  constructor(
    readonly id: number,
    readonly peer: RpcPeer,
  ) {}
  get closed(): boolean {
    return this.peer.closed;
  }
}

export class ConnectionServer {
  private nextId = 1;
  private conns = new Set<Conn>();

  constructor(
    private readonly ctx: DaemonContext,
    private readonly handlers: HandlerTable,
    private readonly hooks: ServerHooks,
    private readonly options: ServerOptions = {},
  ) {}

  get connectionCount(): number {
    return this.conns.size;
  }

  /**
   * Connections that keep the daemon from its idle exit: all but watchers. A `tail -f` left
   * open in a forgotten terminal must not hold a daemon forever; it waits and reconnects.
   */
  get nonWatcherCount(): number {
    let n = 0;
    for (const c of this.conns) if (c.watchingAfter === undefined) n++;
    return n;
  }

  attach(socket: net.Socket): void {
    this.attachTransport(new SocketTransport(socket, { maxFrameBytes: MAX_FRAME_BYTES, batchWrites: true }));
  }

  /**
   * Serves one connection over any transport (a linked in-memory pair in tests). The transport
   * sets its own frame limit; the daemon's is MAX_FRAME_BYTES.
   */
  attachTransport(transport: Transport): ClientConnection {
    const peer = new RpcPeer(new BacklogGuard(transport, this.options.backlog ?? DEFAULT_BACKLOG_LIMITS));
    const conn = new Conn(this.nextId++, peer);
    serveRequests(peer, (method, params) => {
      this.hooks.onActivity();
      return dispatch(this.ctx, this.handlers, conn, method, params);
    });
    peer.onNotification = (method, params) => {
      this.hooks.onActivity();
      // Nobody hears how a notification went; a handler failure is logged by dispatch.
      dispatch(this.ctx, this.handlers, conn, method, params).catch(() => undefined);
    };
    peer.onError = (err) => this.onError(conn, err);
    peer.onClose = () => this.onClose(conn);
    this.conns.add(conn);
    this.hooks.onConnectionsChanged(this.conns.size);
    return conn;
  }

  /**
   * Tells each subscribed session's connection that new messages are waiting for it, once per
   * batch, when one of them matches its wake policy. The subscriber drains them itself, so every
   * delivery still goes through the session's position (exactly once across push and hooks).
   */
  notifyWake(records: MessageRecord[]): void {
    for (const c of this.conns) {
      if (!c.session || !c.push || c.push === 'none') continue;
      const wake = records.find((r) => this.ctx.broker.wakes(r, c.session!, c.push!));
      if (wake) c.peer.notify('wake', { seq: wake.seq });
    }
  }

  /**
   * Hands every accepted message past each watcher's subscribe (`watchingAfter`; those before were
   * its history's) to the watchers, one notification each, in seq order. A watcher that stops
   * reading is dropped like any slow consumer.
   */
  notifyWatchers(records: MessageRecord[]): void {
    for (const c of this.conns) {
      const after = c.watchingAfter;
      if (after === undefined) continue;
      for (const r of records) {
        if (c.closed) break;
        if (r.seq > after) c.peer.notify(MESSAGE_NOTIFICATION, r);
      }
    }
  }

  closeAll(): void {
    for (const c of this.conns) c.peer.close();
  }

  /** Bad input was answered by the peer; what ends a connection is logged here. */
  private onError(conn: Conn, err: Error): void {
    this.hooks.onActivity();
    if (err instanceof SlowConsumer) {
      this.ctx.logger.warn({ conn: conn.id, backlog: err.backlog }, err.message);
    } else if (err instanceof BusError && err.code === ErrorCode.FrameTooLarge) {
      this.ctx.logger.warn({ conn: conn.id, bytes: err.data.bytes }, 'oversize frame; connection closed');
    }
  }

  private onClose(conn: Conn): void {
    this.conns.delete(conn);
    if (conn.session) {
      this.ctx.broker.disconnect(conn.session, this.ctx.now());
      this.hooks.onSessionDisconnected(conn.session);
    }
    if (conn.livePid !== undefined) this.ctx.liveChanged(conn.livePid, false);
    if (conn.leased) this.ctx.broker.releaseLeases(conn.id, conn.leased);
    this.hooks.onActivity();
    this.hooks.onConnectionsChanged(this.conns.size);
  }
}
