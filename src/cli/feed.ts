/**
 * The feed for people: `tail` (the last messages, `-f` live) and `log` (history search). Both
 * read the running daemon and never start one; with none running they read the mailbox file,
 * which is the bus's durable log, so the history is there whether or not a session is.
 */
import * as fs from 'node:fs';
import { connectExisting, isNotRunning, type Connection } from '../client/connect.ts';
import { sleep } from '../place/sleep.ts';
import { testOnlyMs } from '../place/test-timing.ts';
import { locateProject } from '../place/project.ts';
import { ConnectionError, RpcError } from '../transport/rpc-client.ts';
import { BusError, ErrorCode } from '../protocol/errors.ts';
import { replayMailbox } from '../place/mailbox-replay.ts';
import { selectHistory } from '../protocol/history.ts';
import { MAX_HISTORY_LIMIT } from '../protocol/limits.ts';
import { MESSAGE_NOTIFICATION, type HistoryParams, type HistoryResult, type MessageRecord } from '../protocol/messages.ts';
import { formatMessage, jsonLine, safe } from './format.ts';
import type { CommandContext } from './io.ts';
import { displayWidth } from './width.ts';

/** While following with no daemon, look for one this often: a session start is seen within a second. */
const FOLLOW_RETRY_MS = 1000;

/**
 * FOLLOW_RETRY_MS, or SESSION_BUS_FOLLOW_RETRY_MS: for tests only, not a setting (`config` does
 * not list it), so a test of what `tail -f` shows across a daemon's going need not wait out each second.
 */
function followRetryMs(env: NodeJS.ProcessEnv): number {
  return testOnlyMs(env, 'SESSION_BUS_FOLLOW_RETRY_MS') ?? FOLLOW_RETRY_MS;
}

/** A command's context, and whether its lines are colored. */
export interface FeedOutput extends CommandContext {
  color: boolean;
}

type Fetch = (q: HistoryParams) => Promise<HistoryResult>;


/** The running daemon, or undefined when none runs. */
export async function daemonIfRunning(project: string, env: NodeJS.ProcessEnv): Promise<Connection | undefined> {
  try {
    return await connectExisting(project, { env });
  } catch (err) {
    if (isNotRunning(err)) return undefined;
    throw err;
  }
}

/** The mailbox file as a history source (no daemon): read-only, replayed like the daemon does. */
export function mailboxSource(project: string): { fetch: Fetch; lastSeq: number; path: string } {
  const path = locateProject(project).mailboxPath;
  let state;
  try {
    state = replayMailbox(path).state;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new Error(`cannot read the mailbox ${path}: ${e.code ?? e.message}`);
  }
  const messages = state.messages;
  return { path, lastSeq: state.lastSeq, fetch: async (q) => ({ ...selectHistory(messages, q, Number.POSITIVE_INFINITY), lastSeq: state.lastSeq }) };
}

/**
 * The daemon as a history source. A daemon older than the `history` method (same protocol, an
 * earlier build) answers MethodNotFound: then the mailbox file, which every build writes alike.
 */
export function daemonSource(conn: Connection, project: string): Source {
  let fallback: Fetch | undefined;
  return {
    get name() {
      return fallback ? ('mailbox' as const) : ('daemon' as const);
    },
    async fetch(q) {
      if (fallback) return fallback(q);
      try {
        return await conn.client.request('history', q);
      } catch (err) {
        if (!(err instanceof RpcError) || err.code !== ErrorCode.MethodNotFound) throw err;
        fallback = mailboxSource(project).fetch;
        return fallback(q);
      }
    },
  };
}

/** Where history comes from: the running daemon, else the mailbox file. */
export interface Source {
  readonly name: 'daemon' | 'mailbox';
  fetch: Fetch;
}

function historySource(conn: Connection | undefined, project: string): Source {
  return conn ? daemonSource(conn, project) : { name: 'mailbox', fetch: mailboxSource(project).fetch };
}

/**
 * Every match of `q`, oldest first, or only the last `want` of them: pages backwards through
 * replies capped by count and size.
 */
export async function readAll(fetch: Fetch, q: HistoryParams, want?: number): Promise<MessageRecord[]> {
  const pages: MessageRecord[][] = [];
  let count = 0;
  let beforeSeq = q.beforeSeq;
  for (;;) {
    const limit = want === undefined ? MAX_HISTORY_LIMIT : Math.min(MAX_HISTORY_LIMIT, want - count);
    if (limit <= 0) break;
    const r = await fetch({ ...q, beforeSeq, limit });
    pages.unshift(r.messages);
    count += r.messages.length;
    if (!r.more || r.messages.length === 0) break;
    beforeSeq = r.messages[0]!.seq;
  }
  return pages.flat();
}

/** A live feed's sender column starts this wide, so later senders seldom push it wider. */
const FOLLOW_LABEL_WIDTH = 14;

/**
 * Prints messages one line each. The sender column is padded to the widest sender printed so
 * far (and to `batch`'s, printed together), so kinds and texts line up in a column.
 */
function printer(o: FeedOutput, withDate: boolean, minLabelWidth = 0): { print: (m: MessageRecord) => void; batch: (ms: MessageRecord[]) => void } {
  let labelWidth = minLabelWidth;
  const print = (m: MessageRecord) => {
    if (o.json) return o.out(jsonLine(m));
    labelWidth = Math.max(labelWidth, displayWidth(safe(m.from)));
    o.out(formatMessage(m, { color: o.color, date: withDate, labelWidth }));
  };
  const batch = (ms: MessageRecord[]) => {
    for (const m of ms) labelWidth = Math.max(labelWidth, displayWidth(safe(m.from)));
    ms.forEach(print);
  };
  return { print, batch };
}

/** `session-bus tail -n N`: the last N messages. */
export async function tail(o: FeedOutput, lines: number): Promise<number> {
  const { project } = o;
  const conn = await daemonIfRunning(project, o.env);
  try {
    const messages = await readAll(historySource(conn, project).fetch, {}, lines);
    printer(o, false).batch(messages);
    if (messages.length === 0 && !o.json && lines > 0) o.note('No messages yet.');
    return 0;
  } finally {
    conn?.client.close();
  }
}

export interface LogQuery {
  sinceTs?: number;
  from?: string[];
  kinds?: HistoryParams['kinds'];
  grep?: string;
  lines?: number;
}

/** `session-bus log`: the matches, with dates, from the daemon or else the mailbox. */
export async function log(o: FeedOutput, query: LogQuery): Promise<number> {
  const { project } = o;
  const conn = await daemonIfRunning(project, o.env);
  try {
    const q: HistoryParams = {};
    if (query.sinceTs !== undefined) q.sinceTs = query.sinceTs;
    if (query.from && query.from.length > 0) q.from = query.from;
    if (query.kinds && query.kinds.length > 0) q.kinds = query.kinds;
    if (query.grep) q.grep = query.grep;
    const source = historySource(conn, project);
    const messages = await readAll(source.fetch, q, query.lines);
    if (o.json) {
      o.out(jsonLine({ source: source.name, messages }));
    } else {
      printer(o, true).batch(messages);
      if (messages.length === 0) o.note('No messages match.');
    }
    return 0;
  } finally {
    conn?.client.close();
  }
}

/**
 * `session-bus tail -f`: the last `lines` messages, then every new one as it is accepted. With
 * no daemon it shows the mailbox and waits for one; when the daemon goes (idle exit, restart,
 * or it dropped this reader for falling behind) it reconnects and catches up from the last seq
 * shown. Runs until `signal` aborts (the person stops it).
 */
export async function follow(o: FeedOutput, lines: number, signal?: AbortSignal): Promise<number> {
  const { project } = o;
  const retryMs = followRetryMs(o.env);
  const { print, batch } = printer(o, false, FOLLOW_LABEL_WIDTH);
  /** The highest seq shown; undefined until the first read. */
  let last: number | undefined;
  let waitingSaid = false;
  let lastStamp: string | undefined;
  const show = (m: MessageRecord) => {
    // Shown already (in a history; an older daemon may also notice it): seqs only grow.
    if (last !== undefined && m.seq <= last) return;
    print(m);
    last = Math.max(last ?? 0, m.seq);
  };
  const showAll = (ms: MessageRecord[]) => {
    batch(ms);
    for (const m of ms) last = Math.max(last ?? 0, m.seq);
  };
  while (!signal?.aborted) {
    let conn: Connection | undefined;
    try {
      conn = await daemonIfRunning(project, o.env);
    } catch (err) {
      // A daemon stopping or starting right now: look again in a moment, as when none runs.
      if (!(err instanceof ConnectionError)) throw err;
    }
    if (!conn) {
      // No daemon: the mailbox is the feed. Read it again whenever it changes (a daemon that
      // lived between two looks, or one on another path to the same file).
      const stamp = mailboxStamp(project);
      if (stamp !== lastStamp) {
        lastStamp = stamp;
        const source = mailboxSource(project);
        if (last !== undefined && source.lastSeq < last) last = source.lastSeq;
        showAll(await readAll(source.fetch, last === undefined ? {} : { afterSeq: last }, last === undefined ? lines : undefined));
        last = Math.max(last ?? 0, source.lastSeq);
      }
      if (!waitingSaid) o.note('session-bus: no daemon runs for this project; waiting for one (it starts with the first session). Ctrl-C stops.');
      waitingSaid = true;
      await sleep(retryMs, { signal });
      continue;
    }
    lastStamp = undefined;
    waitingSaid = false;
    // Notifications may overtake the subscribe reply: hold them until the history is out.
    const held: MessageRecord[] = [];
    let ready = false;
    conn.client.onNotification = (method, params) => {
      if (method !== MESSAGE_NOTIFICATION) return;
      if (ready) show(params as MessageRecord);
      else held.push(params as MessageRecord);
    };
    const closed = untilAborted(signal, (done) => {
      conn.client.onClose = () => done();
      if (conn.client.closed) done();
      return () => {
        conn.client.onClose = undefined;
      };
    });
    try {
      const r = await conn.client.request('subscribe', last === undefined ? { limit: Math.min(lines, MAX_HISTORY_LIMIT) } : { afterSeq: last });
      if (last !== undefined && r.lastSeq < last) {
        o.note(`session-bus: the bus starts over (its last seq is ${r.lastSeq}, ${last} was shown): its mailbox was replaced`);
        last = r.lastSeq;
      } else if (last !== undefined && r.more) {
        o.note('session-bus: (earlier messages missed while away are left out; see `session-bus log`)');
      }
      showAll(r.messages);
      last = Math.max(last ?? 0, r.lastSeq);
      ready = true;
      held.forEach(show);
    } catch (err) {
      conn.client.close();
      if (err instanceof RpcError && err.code === ErrorCode.MethodNotFound) {
        throw new BusError(ErrorCode.DaemonTooOld, { pid: conn.hello.pid, daemonVersion: conn.hello.version, feature: '`tail -f` (the subscribe method)' });
      }
      if (!(err instanceof ConnectionError)) throw err;
    }
    await closed;
    conn.client.close();
    if (!signal?.aborted) o.note('session-bus: the daemon went away; waiting for it to come back.');
    waitingSaid = true;
  }
  return 0;
}

/** Size and modification time of the mailbox: changes whenever a message is appended or it is compacted. */
function mailboxStamp(project: string): string {
  try {
    const st = fs.statSync(locateProject(project).mailboxPath);
    return `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    return 'none';
  }
}


/** Runs `start(done)` until it calls done or `signal` aborts; then runs the cleanup it returned. */
function untilAborted(signal: AbortSignal | undefined, start: (done: () => void) => () => void): Promise<void> {
  return new Promise((resolve) => {
    let cleanup = () => undefined as void;
    const finish = () => {
      signal?.removeEventListener('abort', finish);
      cleanup();
      resolve();
    };
    if (signal?.aborted) return finish();
    signal?.addEventListener('abort', finish, { once: true });
    cleanup = start(finish);
  });
}
