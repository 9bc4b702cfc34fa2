/**
 * Connections: framing, dispatch (one handler per method), replies, backpressure. Bad input
 * gets an error reply and never touches other clients; an oversize frame closes its connection;
 * a client that stops reading is dropped once its unread backlog passes the cap.
 */
import type * as net from 'node:net';
import { BusError, describeError, ErrorCode, type WireError } from '../protocol/errors.ts';
import { encodeFrame, LineDecoder } from '../protocol/framing.ts';
import { filedLabel } from '../protocol/labels.ts';
import { MAX_CLIENT_BACKLOG_BYTES, MAX_FRAME_BYTES } from '../protocol/limits.ts';
import { MESSAGE_NOTIFICATION, type MessageRecord, type MethodName } from '../protocol/messages.ts';
import type { ClientConnection, DaemonContext, Handler } from './context.ts';

type Id = string | number | null;

export interface ServerHooks {
  /** Any traffic: resets the idle timer. */
  onActivity(): void;
  onConnectionsChanged(count: number): void;
  /** A live session's connection closed. */
  onSessionDisconnected(session: NonNullable<ClientConnection['session']>): void;
}

/**
 * A client holding more than the backlog cap unread (one big answer may pass it) is given this
 * long to read some of it; one that reads nothing in that time is dropped as a slow consumer.
 */
const SLOW_CONSUMER_MS = 5000;

class Conn implements ClientConnection {
  readonly decoder = new LineDecoder(MAX_FRAME_BYTES);
  session?: ClientConnection['session'];
  push?: ClientConnection['push'];
  livePid?: number;
  watching?: boolean;
  leased?: Set<NonNullable<ClientConnection['session']>>;
  closed = false;
  corked = false;
  stallTimer?: NodeJS.Timeout;
  constructor(
    readonly id: number,
    readonly socket: net.Socket,
  ) {}
}

export class ConnectionServer {
  private nextId = 1;
  private conns = new Set<Conn>();

  constructor(
    private readonly ctx: DaemonContext,
    private readonly handlers: { [M in MethodName]: Handler<M> },
    private readonly hooks: ServerHooks,
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
    for (const c of this.conns) if (!c.watching) n++;
    return n;
  }

  attach(socket: net.Socket): void {
    const conn = new Conn(this.nextId++, socket);
    this.conns.add(conn);
    this.hooks.onConnectionsChanged(this.conns.size);
    socket.on('data', (chunk: Buffer) => this.onData(conn, chunk));
    socket.on('error', () => {
      // A reset by the peer: 'close' follows.
    });
    socket.on('close', () => this.onClose(conn));
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
      if (wake) this.send(c, { jsonrpc: '2.0', method: 'wake', params: { seq: wake.seq } });
    }
  }

  /**
   * Hands every accepted message to the watchers (`subscribe`), one notification each, in seq
   * order. Through `send`: a watcher that stops reading is dropped like any slow consumer.
   */
  notifyWatchers(records: MessageRecord[]): void {
    for (const c of this.conns) {
      if (!c.watching) continue;
      for (const r of records) {
        if (c.closed) break;
        this.send(c, { jsonrpc: '2.0', method: MESSAGE_NOTIFICATION, params: r });
      }
    }
  }

  closeAll(): void {
    for (const c of this.conns) c.socket.destroy();
  }

  private onData(conn: Conn, chunk: Buffer): void {
    this.hooks.onActivity();
    for (const frame of conn.decoder.push(chunk)) {
      if (conn.closed) return;
      switch (frame.kind) {
        case 'oversize':
          this.replyError(conn, null, new BusError(ErrorCode.FrameTooLarge, { bytes: frame.bytes }).toWire());
          this.ctx.logger.warn({ conn: conn.id, bytes: frame.bytes }, 'oversize frame; connection closed');
          conn.closed = true;
          conn.socket.end();
          return;
        case 'invalid-utf8':
          this.replyError(conn, null, new BusError(ErrorCode.InvalidUtf8).toWire());
          break;
        case 'invalid-json':
          this.replyError(conn, null, new BusError(ErrorCode.ParseError, { detail: frame.detail }).toWire());
          break;
        case 'message':
          void this.dispatch(conn, frame.value);
          break;
      }
    }
  }

  private async dispatch(conn: Conn, value: unknown): Promise<void> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.replyError(conn, null, new BusError(ErrorCode.InvalidRequest, { detail: 'expected a JSON object' }).toWire());
      return;
    }
    const msg = value as { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown };
    const id: Id = typeof msg.id === 'string' || typeof msg.id === 'number' ? msg.id : null;
    const isNotification = msg.id === undefined;
    if (msg.jsonrpc !== '2.0' || typeof msg.method !== 'string' || (msg.id !== undefined && msg.id !== null && id === null)) {
      this.replyError(conn, id, new BusError(ErrorCode.InvalidRequest, { detail: 'needs jsonrpc "2.0", a string method and a string or number id' }).toWire());
      return;
    }
    const handler = Object.hasOwn(this.handlers, msg.method) ? (this.handlers[msg.method as MethodName] as Handler<MethodName>) : undefined;
    if (!handler) {
      if (!isNotification) this.replyError(conn, id, new BusError(ErrorCode.MethodNotFound, { method: msg.method }).toWire());
      return;
    }
    const parsed = handler.params.safeParse(msg.params ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const detail = issue ? `${issue.path.join('.') || 'params'}: ${issue.message}` : 'wrong shape';
      if (!isNotification) this.replyError(conn, id, new BusError(ErrorCode.InvalidParams, { method: msg.method, detail }).toWire());
      return;
    }
    const params = parsed.data as { sessionId?: unknown; label?: unknown };
    // Every method that carries an identity files it here: no client but a person's is filed as one.
    if (typeof params.sessionId === 'string' && typeof params.label === 'string') params.label = filedLabel(params.sessionId, params.label);
    try {
      const result = await handler.handle(this.ctx, params as never, conn);
      if (!isNotification) this.send(conn, { jsonrpc: '2.0', id, result });
    } catch (err) {
      if (err instanceof BusError) {
        const wire = err.code === ErrorCode.LogWriteFailed ? new BusError(err.code, { ...err.data, method: msg.method }).toWire() : err.toWire();
        if (!isNotification) this.replyError(conn, id, wire);
        return;
      }
      this.ctx.logger.error({ err: (err as Error).stack ?? String(err), method: msg.method }, 'handler failed');
      const detail = (err as Error).message;
      if (!isNotification) this.replyError(conn, id, { code: ErrorCode.Internal, message: describeError(ErrorCode.Internal, { detail }), data: { detail } });
    }
  }

  private replyError(conn: Conn, id: Id, error: WireError): void {
    this.send(conn, { jsonrpc: '2.0', id, error });
  }

  /**
   * Writes a frame; drops the client if it has left too much unread. The backlog is judged
   * before the write, so one answer bigger than the cap (a long backlog drained at once) goes to
   * a client that reads; a client with the cap unread that is sent more is dropped at once, and
   * one that reads nothing of a big answer for SLOW_CONSUMER_MS is dropped then.
   */
  send(conn: ClientConnection, value: unknown): void {
    const c = conn as Conn;
    if (c.socket.destroyed) return;
    if (c.socket.writableLength > MAX_CLIENT_BACKLOG_BYTES) {
      this.dropSlowConsumer(c);
      return;
    }
    // Replies made in one turn of the event loop (a group commit acks a whole batch) leave in
    // one write, not one system call each.
    if (!c.corked) {
      c.corked = true;
      c.socket.cork();
      process.nextTick(() => {
        c.corked = false;
        c.socket.uncork();
        if (c.socket.writableLength > MAX_CLIENT_BACKLOG_BYTES) this.watchStall(c, c.socket.writableLength);
      });
    }
    c.socket.write(encodeFrame(value));
  }

  private watchStall(c: Conn, backlog: number): void {
    if (c.stallTimer) return;
    c.stallTimer = setTimeout(() => {
      c.stallTimer = undefined;
      const now = c.socket.writableLength;
      if (now <= MAX_CLIENT_BACKLOG_BYTES) return;
      if (now >= backlog) this.dropSlowConsumer(c);
      else this.watchStall(c, now);
    }, SLOW_CONSUMER_MS);
    c.stallTimer.unref();
  }

  private dropSlowConsumer(c: Conn): void {
    this.ctx.logger.warn({ conn: c.id, backlog: c.socket.writableLength }, 'slow consumer: unread backlog over the cap; connection dropped');
    c.closed = true;
    c.socket.destroy();
  }

  private onClose(conn: Conn): void {
    conn.closed = true;
    clearTimeout(conn.stallTimer);
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
