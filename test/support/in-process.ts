/**
 * A daemon in this process, for tests that run in milliseconds: the real createDaemon (broker,
 * handlers, ConnectionServer, one reducer) over a mailbox kept in memory, with clients connected
 * through linked in-memory transports. `failWrites` makes the mailbox refuse appends as a full
 * disk would; `holdWrites` keeps them waiting, as a slow disk would.
 */
import type { Broker } from '../../src/daemon/broker.ts';
import type { ClientConnection, DaemonContext, Logger } from '../../src/daemon/context.ts';
import { createDaemon } from '../../src/daemon/daemon.ts';
import type { HandlerTable } from '../../src/daemon/dispatch.ts';
import { handlers as realHandlers } from '../../src/daemon/handlers/index.ts';
import type { MailboxLog } from '../../src/daemon/mailbox-log.ts';
import type { ConnectionServer, ServerOptions } from '../../src/daemon/server.ts';
import { applyEntry } from '../../src/place/apply-entry.ts';
import { DEFAULT_RETENTION } from '../../src/place/config.ts';
import type { LogEntry } from '../../src/place/mailbox-entries.ts';
import { RestoredStateBuilder } from '../../src/place/restored-state.ts';
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
  /** Every entry appended, in order: the mailbox this daemon would have written. */
  mailbox: LogEntry[];
  logs: LogLine[];
  /** While true, every append is refused as a full disk would refuse it. */
  failWrites: boolean;
  /** Holds every append from now on until `release`: a slow disk, paused. `waiting` resolves once one waits. */
  holdWrites(): { waiting: Promise<void>; release(): void };
  connect(): InProcessClient;
  /** Resolves once the server holds exactly `count` connections (it has let go of the others). */
  connections(count: number): Promise<void>;
  close(): void;
}

/** A mailbox in memory behind the MailboxLog interface. */
function memoryStore(state: { mailbox: LogEntry[]; failWrites: boolean; held?: { until: Promise<void>; arrived(): void } }): MailboxLog {
  const replayInto = (into: Parameters<MailboxLog['replayInto']>[0]) => {
    for (const e of state.mailbox) applyEntry(into, e);
    return { warnings: [], lines: state.mailbox.length };
  };
  return {
    path: '(in memory)',
    replay() {
      const into = new RestoredStateBuilder();
      const { warnings, lines } = replayInto(into);
      return { state: into.finish(), warnings, lines };
    },
    replayInto,
    async append(entries) {
      if (state.held) {
        state.held.arrived();
        await state.held.until;
      }
      if (state.failWrites) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      state.mailbox.push(...entries);
    },
    async compact(entries) {
      state.mailbox = [...entries];
    },
    close: () => undefined,
  };
}

export function startInProcess(options: ServerOptions & { handlers?: Partial<HandlerTable>; graceMs?: number } = {}): InProcessDaemon {
  const logs: LogLine[] = [];
  const record = (level: LogLine['level']) => (obj: object, msg?: string) => void logs.push({ level, obj: obj as Record<string, unknown>, msg });
  const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') };
  const onConnectionsChanged = new Set<() => void>();
  const stored: { mailbox: LogEntry[]; failWrites: boolean; held?: { until: Promise<void>; arrived(): void } } = { mailbox: [], failWrites: false };
  const core = createDaemon({
    store: memoryStore(stored),
    clock: Date.now,
    logger,
    info: { pid: process.pid, version: VERSION, protocol: PROTOCOL_VERSION, root: '/in-process', startedAt: Date.now(), socketPath: '(in memory)', logPath: '(in memory)', mailboxPath: '(in memory)' },
    config: { retention: DEFAULT_RETENTION, graceMs: options.graceMs ?? 5000, idleMs: 60_000 },
    handlers: { ...realHandlers, ...options.handlers } as HandlerTable,
    server: options,
    onConnectionsChanged: () => {
      for (const check of onConnectionsChanged) check();
    },
    onStop: (reason) => logger.info({ reason }, 'shutdown asked'),
  });
  const daemon: InProcessDaemon = {
    broker: core.broker,
    ctx: core.ctx,
    server: core.server,
    get mailbox() {
      return stored.mailbox;
    },
    logs,
    get failWrites() {
      return stored.failWrites;
    },
    set failWrites(on: boolean) {
      stored.failWrites = on;
    },
    holdWrites() {
      let release!: () => void;
      let arrived!: () => void;
      const waiting = new Promise<void>((r) => (arrived = r));
      stored.held = { until: new Promise((r) => (release = r)), arrived };
      return {
        waiting,
        release() {
          stored.held = undefined;
          release();
        },
      };
    },
    connect() {
      // The client takes answers of any length; the daemon's end takes lines up to the frame limit.
      const [end, daemonEnd] = linkedPair(undefined, MAX_FRAME_BYTES);
      const conn = core.server.attachTransport(daemonEnd);
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
          if (core.server.connectionCount !== count) return;
          onConnectionsChanged.delete(check);
          resolve();
        };
        onConnectionsChanged.add(check);
        check();
      }),
    close: () => core.server.closeAll(),
  };
  return daemon;
}
