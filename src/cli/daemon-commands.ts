/**
 * The commands that talk to the project's daemon: status, peers, claims, stop, send. Only
 * `send` starts a daemon; the rest read a running one and, with none, say so, name the project
 * and what starts it, and show what the mailbox recorded.
 */
import { connectExisting, connectOrSpawn, type Connection } from '../client/connect.ts';
import { endpointFor } from '../place/endpoint.ts';
import { humanIdentity } from '../place/identity.ts';
import { locateProject } from '../place/project.ts';
import { startSettingsProblem } from '../place/settings.ts';
import { replayMailbox } from '../place/mailbox-replay.ts';
import type { ClaimInfo, MessageKind } from '../protocol/messages.ts';
import { BusError, ErrorCode } from '../protocol/errors.ts';
import { MAX_TEXT_BYTES } from '../protocol/limits.ts';
import { inert } from '../protocol/sanitize.ts';
import { isNotRunning } from '../client/connect.ts';
import { isRunning, isBusDaemon } from '../place/liveness.ts';
import { sleep } from '../place/sleep.ts';
import { formatClaims, formatPeers, formatSettings, formatStatus, jsonLine, safe, type Layout } from './format.ts';
import type { CommandContext } from './io.ts';
import { UsageError } from './parse.ts';

/** Exit code: no daemon runs for the project. */
export const NOT_RUNNING = 3;

/** What a person reads when no daemon runs: which bus, and what would start it. */
export function notRunningLine(busRoot: string): string {
  return `session-bus daemon: not running for ${inert(busRoot)} (the first Claude Code session here starts it; so does \`session-bus send\`)`;
}

/** The running daemon, or undefined when none runs (other failures throw). */
async function existing(project: string, env: NodeJS.ProcessEnv): Promise<Connection | undefined> {
  try {
    return await connectExisting(project, { env });
  } catch (err) {
    if (isNotRunning(err)) return undefined;
    throw err;
  }
}

export async function status({ project, json, env, out }: CommandContext, layout: Layout = {}): Promise<number> {
  const conn = await existing(project, env);
  if (!conn) {
    const location = locateProject(project);
    const endpoint = endpointFor(location.busRoot, env);
    if (json) out(jsonLine({ running: false, root: location.busRoot, socketPath: endpoint.socketPath, logPath: endpoint.logPath, mailboxPath: location.mailboxPath }));
    else out([notRunningLine(location.busRoot), `  socket    ${safe(endpoint.socketPath)}`, `  log       ${safe(endpoint.logPath)}`, `  mailbox   ${safe(location.mailboxPath)}`].join('\n'));
    return NOT_RUNNING;
  }
  try {
    const s = await conn.client.request('status', {});
    out(json ? jsonLine({ running: true, ...s }) : formatStatus(s, Date.now(), layout));
    return 0;
  } finally {
    conn.client.close();
  }
}

export async function peers({ project, json, env, out }: CommandContext, layout: Layout = {}): Promise<number> {
  const conn = await existing(project, env);
  if (!conn) {
    out(json ? jsonLine({ running: false, peers: [] }) : notRunningLine(locateProject(project).busRoot));
    return NOT_RUNNING;
  }
  try {
    const { peers } = await conn.client.request('peers', {});
    out(json ? jsonLine({ peers }) : formatPeers(peers, Date.now(), layout));
    return 0;
  } finally {
    conn.client.close();
  }
}

export async function claims({ project, json, env, out }: CommandContext, layout: Layout = {}): Promise<number> {
  const conn = await existing(project, env);
  if (!conn) {
    // Claims survive a restart: the mailbox holds them, and they are the holders' again when
    // the daemon starts and their sessions come back within the grace period.
    const location = locateProject(project);
    const now = Date.now();
    const recorded: ClaimInfo[] = [...replayMailbox(location.mailboxPath).state.claims.values()].filter((c) => c.expiresAt === undefined || c.expiresAt > now);
    if (json) out(jsonLine({ running: false, claims: recorded }));
    else out([notRunningLine(location.busRoot), ...(recorded.length > 0 ? ['Claims recorded in the mailbox (kept if their sessions come back when it starts):', formatClaims(recorded, now, layout)] : [])].join('\n'));
    return NOT_RUNNING;
  }
  try {
    const { claims } = await conn.client.request('claims', {});
    out(json ? jsonLine({ claims }) : formatClaims(claims, Date.now(), layout));
    return 0;
  } finally {
    conn.client.close();
  }
}

export async function stop({ project, json, env, out }: CommandContext): Promise<number> {
  const conn = await existing(project, env);
  if (!conn) {
    out(json ? jsonLine({ stopped: false, running: false }) : notRunningLine(locateProject(project).busRoot));
    return NOT_RUNNING;
  }
  // Connected sessions' MCP servers reconnect, and the first one starts a daemon again: say so.
  const { sessions } = await conn.client.request('status', {});
  const connected = sessions.filter((x) => x.connected && !x.label.startsWith('human:')).length;
  await conn.client.request('shutdown', { reason: 'session-bus stop' });
  conn.client.close();
  // "Stopped" means gone: the next command (or `ps`) must not find it still exiting.
  const gone = await untilGone(conn.hello.pid);
  if (json) out(jsonLine({ stopped: true, exited: gone, pid: conn.hello.pid, connectedSessions: connected }));
  else if (!gone) out(`session-bus daemon asked to stop (pid ${conn.hello.pid}); it is still exiting after ${EXIT_WAIT_MS / 1000} s (its log: ${inert(conn.endpoint.logPath)})`);
  else if (connected === 0) out(`session-bus daemon stopped (pid ${conn.hello.pid})`);
  else out(`session-bus daemon stopped (pid ${conn.hello.pid}); ${connected} connected session${connected === 1 ? '' : 's'} will start it again within seconds. To apply new settings, use \`session-bus restart\`.`);
  return 0;
}

/** How long a stopping daemon may take to exit: it flushes the mailbox and closes its clients. */
const EXIT_WAIT_MS = 10_000;

/**
 * Until the daemon told to shut down has exited (its pid is all there is to watch), or
 * EXIT_WAIT_MS. A zombie no one reaps (a container's init) has exited; a pid that is no bus
 * daemon here is another process (a daemon in another pid namespace answered on a shared socket).
 */
async function untilGone(pid: number): Promise<boolean> {
  const until = Date.now() + EXIT_WAIT_MS;
  const there = () => isRunning(pid) && isBusDaemon(pid);
  while (there() && Date.now() < until) await sleep(20);
  return !there();
}

/**
 * `restart`: the daemon stops and a new one starts at once, reading the settings file (and this
 * shell's variables). A session may start the new one first; either way it is a fresh daemon.
 */
export async function restart({ project, json, env, out }: CommandContext): Promise<number> {
  const conn = await existing(project, env);
  const old = conn?.hello.pid;
  // Checked before the working daemon is stopped: a bad value must not leave the bus with none.
  const problem = startSettingsProblem(locateProject(project).mailboxDir, env);
  if (problem) {
    conn?.client.close();
    throw new UsageError(`${problem.message}${old ? `; the running daemon (pid ${old}) is left as it is` : ''}`);
  }
  if (conn) {
    await conn.client.request('shutdown', { reason: 'session-bus restart' });
    conn.client.close();
    await untilGone(old!);
  }
  const fresh = await connectOrSpawn(project, { env });
  try {
    const s = await fresh.client.request('status', {});
    if (json) out(jsonLine({ restarted: true, oldPid: old ?? null, pid: s.pid, settings: s.settings ?? [] }));
    else {
      out(`session-bus daemon ${old ? `restarted (pid ${old} → ${s.pid})` : `started (pid ${s.pid})`}`);
      out(`  settings  ${formatSettings(s.settings ?? [])}`);
    }
    return 0;
  } finally {
    fresh.client.close();
  }
}


export async function send({ project, json, env, out }: CommandContext, text: string, kind: MessageKind): Promise<number> {
  // The daemon's own limit, said here: a text over the frame limit would only have the connection closed.
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_TEXT_BYTES) throw new BusError(ErrorCode.TextTooLong, { bytes });
  const conn = await connectOrSpawn(project, { env });
  try {
    const result = await conn.client.request('broadcast', { ...humanIdentity(project), text, kind });
    out(json ? jsonLine(result) : `sent #${result.seq} as ${inert(result.from, 'label')}`);
    return 0;
  } finally {
    conn.client.close();
  }
}
