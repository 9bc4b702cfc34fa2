/**
 * A daemon in this process, for tests that run in milliseconds: a real Broker and the real
 * handlers behind a real ConnectionServer, its DaemonContext built the way src/daemon/main.ts
 * builds it minus files and sockets (`persist` keeps entries in memory), and clients connected
 * through linked in-memory transports. `failWrites` makes the mailbox refuse appends.
 */
import { Broker } from '../../src/daemon/broker.ts';
import type { ClientConnection, DaemonContext, Logger } from '../../src/daemon/context.ts';
import type { HandlerTable } from '../../src/daemon/dispatch.ts';
import { handlers as realHandlers } from '../../src/daemon/handlers/index.ts';
import { createLane } from '../../src/daemon/lane.ts';
import { ConnectionServer, type ServerOptions } from '../../src/daemon/server.ts';
import type { LogEntry } from '../../src/place/mailbox-entries.ts';
import { BusError, ErrorCode } from '../../src/protocol/errors.ts';
import { MAX_FRAME_BYTES } from '../../src/protocol/limits.ts';
import { PROTOCOL_VERSION, VERSION } from '../../src/protocol/version.ts';
import { linkedPair, type LinkedTransport } from '../../src/transport/linked-pair.ts';
import { RpcClient } from '../../src/transport/rpc-client.ts';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg?: string;
}

/** One client of the in-process daemon: its RpcClient, its end of the link, and the daemon's view of it. */
export interface InProcessClient {
  client: RpcClient;
  /** The client's end: `pause()` it to stop reading, `writeRaw` to speak bad frames. */
  end: LinkedTransport;
  conn: ClientConnection;
  /** Every notification this client received, in order. */
  notifications: { method: string; params: any }[];
  /** Resolves with the first notification (already received or to come) that `match` accepts. */
  nextNotification(match: (n: { method: string; params: any }) => boolean): Promise<{ method: string; params: any }>;
  /** Resolves once the connection is gone. */
  closed: Promise<Error | undefined>;
}

export interface InProcessDaemon {
  broker: Broker;
  ctx: DaemonContext;
  server: ConnectionServer;
  /** Everything `persist` was given, in order: the mailbox this daemon would have written. */
  mailbox: LogEntry[];
  logs: LogLine[];
  /** While true, every append is refused as a full disk would refuse it. */
  failWrites: boolean;
  connect(): InProcessClient;
  /** Resolves once the server holds exactly `count` connections (it has let go of the others). */
  connections(count: number): Promise<void>;
  close(): void;
}

export function startInProcess(options: ServerOptions & { handlers?: Partial<HandlerTable> } = {}): InProcessDaemon {
  const broker = new Broker();
  const logs: LogLine[] = [];
  const record = (level: LogLine['level']) => (obj: object, msg?: string) => void logs.push({ level, obj: obj as Record<string, unknown>, msg });
  const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') };
  const mailboxPath = '(in memory)';
  const onConnectionsChanged = new Set<() => void>();
  const daemon: InProcessDaemon = {
    broker,
    mailbox: [],
    logs,
    failWrites: false,
    ctx: {
      broker,
      logger,
      now: () => Date.now(),
      info: { pid: process.pid, version: VERSION, protocol: PROTOCOL_VERSION, root: '/in-process', startedAt: Date.now(), socketPath: '(in memory)', logPath: '(in memory)', mailboxPath },
      async persist(entries) {
        if (entries.length === 0) return;
        if (daemon.failWrites) throw new BusError(ErrorCode.LogWriteFailed, { cause: 'ENOSPC', path: mailboxPath });
        daemon.mailbox.push(...entries);
      },
      federationStatus: () => ({ state: 'off', outbox: 0, inboundPending: 0, received: 0, claimsLocalOnly: false, warnings: [], hosts: [] }),
      async commit(change) {
        await daemon.ctx.persist([...change.entries, ...change.records.map((r) => ({ type: 'msg' as const, ...r }))]);
        broker.apply(change.entries);
        daemon.ctx.accept(change.records);
      },
      accept(records) {
        if (records.length === 0) return;
        for (const r of records) broker.accept(r);
        daemon.server.notifyWake(records);
        daemon.server.notifyWatchers(records);
      },
      pendingChanged: () => undefined,
      liveChanged: () => undefined,
      serially: createLane(),
      shutdown: (reason) => logger.info({ reason }, 'shutdown asked'),
    },
    // Set below: the server needs the context, the context's accept needs the server.
    server: undefined as never,
    connect() {
      // The client takes answers of any length; the daemon's end takes lines up to the frame limit.
      const [end, daemonEnd] = linkedPair(undefined, MAX_FRAME_BYTES);
      const conn = daemon.server.attachTransport(daemonEnd);
      const client = new RpcClient(end);
      const notifications: InProcessClient['notifications'] = [];
      const waiting = new Set<() => void>();
      client.onNotification = (method, params) => {
        notifications.push({ method, params });
        for (const w of waiting) w();
      };
      const closed = new Promise<Error | undefined>((resolve) => (client.onClose = resolve));
      const nextNotification: InProcessClient['nextNotification'] = (match) =>
        new Promise((resolve) => {
          const look = () => {
            const found = notifications.find(match);
            if (!found) return;
            waiting.delete(look);
            resolve(found);
          };
          waiting.add(look);
          look();
        });
      return { client, end, conn, notifications, nextNotification, closed };
    },
    connections: (count) =>
      new Promise((resolve) => {
        const check = () => {
          if (daemon.server.connectionCount !== count) return;
          onConnectionsChanged.delete(check);
          resolve();
        };
        onConnectionsChanged.add(check);
        check();
      }),
    close: () => daemon.server.closeAll(),
  };
  daemon.server = new ConnectionServer(daemon.ctx, { ...realHandlers, ...options.handlers } as HandlerTable, {
    onActivity: () => undefined,
    onConnectionsChanged: () => {
      for (const check of onConnectionsChanged) check();
    },
    onSessionDisconnected: () => undefined,
  }, options);
  return daemon;
}
