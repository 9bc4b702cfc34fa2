/**
 * The judging half of `session-bus doctor`: each check is a pure function from what was observed
 * (a version, a stat, a status reply, a log tail) to a `Check` that says ok, or what is wrong and
 * how to fix it. The I/O that gathers the observations is in doctor.ts.
 */
import type * as fs from 'node:fs';
import { privateDirProblem } from '../place/private-dir.ts';
import type { SettingsProblem } from '../place/settings.ts';
import { describeError, ErrorCode } from '../protocol/errors.ts';
import type { FederationStatus, HelloResult, StatusResult } from '../protocol/messages.ts';
import { isOlderThan, PROTOCOL_VERSION, VERSION } from '../protocol/version.ts';
import { safe } from './format.ts';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface Check {
  name: string;
  status: CheckStatus;
  message: string;
  fix?: string;
}

export interface DoctorReport {
  /** No check failed (warnings and skips pass). */
  ok: boolean;
  root?: string;
  checks: Check[];
}


/** The oldest Node the bundles are built for (esbuild target node20). */
export const MIN_NODE_MAJOR = 20;


export function checkNode(version: string): Check {
  const major = Number.parseInt(version.replace(/^v/, ''), 10);
  if (major >= MIN_NODE_MAJOR) return { name: 'node', status: 'ok', message: `node ${version}` };
  return { name: 'node', status: 'fail', message: `node ${version} is too old: session-bus needs Node ${MIN_NODE_MAJOR} or newer`, fix: `Install Node ${MIN_NODE_MAJOR}+ (e.g. nvm install 20) and run Claude Code with it` };
}

export function checkSocketDir(dir: string, st: fs.Stats | undefined, uid?: number): Check {
  if (!st) return { name: 'socket dir', status: 'ok', message: `${dir} does not exist yet (the first session creates it, mode 700)` };
  const found = privateDirProblem(dir, st, uid);
  if (found) return { name: 'socket dir', status: 'fail', message: found.problem, fix: found.fix };
  return { name: 'socket dir', status: 'ok', message: `${dir} (yours, mode ${(st.mode & 0o777).toString(8)})` };
}

/** The socket file itself: a socket, ours, 0600. */
export function checkSocketFile(socketPath: string, st: fs.Stats | undefined, uid?: number): Check | undefined {
  if (!st) return undefined;
  if (!st.isSocket()) return { name: 'socket', status: 'fail', message: `${socketPath} is not a socket`, fix: `Remove it: rm ${socketPath}` };
  if (uid !== undefined && st.uid !== uid) {
    return { name: 'socket', status: 'fail', message: `${socketPath} is owned by uid ${st.uid}, not by you (uid ${uid})`, fix: 'Set SESSION_BUS_SOCKET_DIR to a directory of your own' };
  }
  if ((st.mode & 0o077) !== 0) {
    return { name: 'socket', status: 'fail', message: `${socketPath} has mode ${(st.mode & 0o777).toString(8)}: others may connect to the bus`, fix: `Run: chmod 600 ${socketPath} (a daemon started by this version creates it 600)` };
  }
  return undefined;
}

export function checkVersions(hello: HelloResult): Check {
  const name = 'version';
  if (hello.protocol > PROTOCOL_VERSION) {
    return {
      name,
      status: 'fail',
      message: describeError(ErrorCode.IncompatibleProtocol, { daemonVersion: hello.version, daemonProtocol: hello.protocol, clientVersion: VERSION, clientProtocol: PROTOCOL_VERSION }),
      fix: 'Update the session-bus CLI and plugin to the same version',
    };
  }
  if (hello.version === VERSION && hello.protocol === PROTOCOL_VERSION) return { name, status: 'ok', message: `daemon and this CLI are both version ${VERSION}` };
  const older = isOlderThan(hello, PROTOCOL_VERSION, VERSION);
  if (older) {
    return { name, status: 'warn', message: `the daemon is version ${hello.version}, older than this CLI (${VERSION}); the next session of this version replaces it`, fix: 'Run: session-bus restart' };
  }
  return { name, status: 'warn', message: `the daemon is version ${hello.version}, newer than this CLI (${VERSION}); they speak the same protocol`, fix: 'Update the CLI (npm link in the plugin checkout) to match' };
}

/** Sessions shown as present whose Claude Code process is gone: a leftover MCP server holds them. */
export function checkRegistrations(status: StatusResult, alive: (pid: number) => boolean): Check {
  const stale = status.sessions.filter((s) => s.connected && s.pid > 0 && !alive(s.pid));
  if (stale.length === 0) {
    const n = status.sessions.filter((s) => s.connected).length;
    const message = n === 0 ? 'no session is connected' : `${n} connected session${n === 1 ? '' : 's'}, each with a live Claude Code process`;
    return { name: 'sessions', status: 'ok', message };
  }
  return {
    name: 'sessions',
    status: 'fail',
    message: `stale registration: ${stale.map((s) => `${safe(s.label)} (Claude Code pid ${s.pid} is gone)`).join(', ')} still shows as connected`,
    fix: 'An MCP server outlived its session: find it with `ps aux | grep mcp.mjs` and kill it, or run: session-bus stop',
  };
}

/** Errors older than this are history, not a present problem. */
const LOG_RECENT_MS = 24 * 3600_000;

/** Errors the daemon logged in the last day (pino JSON lines, level 50 error, 60 fatal). */
export function checkLogErrors(logPath: string, tailText: string | undefined, now = Date.now()): Check {
  if (tailText === undefined) return { name: 'daemon log', status: 'ok', message: `${logPath} (empty or not written yet)` };
  const errors: string[] = [];
  for (const line of tailText.split('\n')) {
    try {
      const e = JSON.parse(line) as { level?: number; msg?: string; time?: number };
      if ((e.level ?? 0) >= 50 && (e.time === undefined || now - e.time < LOG_RECENT_MS)) errors.push(e.msg ?? 'error');
    } catch {
      // A plain line (a failed start's stderr) or a cut first line.
      if (/failed to start/.test(line)) errors.push(line.trim());
    }
  }
  if (errors.length === 0) return { name: 'daemon log', status: 'ok', message: `${logPath}: no recent errors` };
  return { name: 'daemon log', status: 'warn', message: `${logPath} has ${errors.length} recent error${errors.length === 1 ? '' : 's'}; the last: ${errors[errors.length - 1]}`, fix: `Read it: tail -n 50 ${logPath}` };
}

/** What would stop a daemon started now (place/settings.ts startSettingsProblem), or undefined. */
export function checkSettings(problem: SettingsProblem | undefined, file: string): Check {
  const name = 'settings';
  if (!problem) return { name, status: 'ok', message: `a daemon started now accepts them (this environment over ${file})` };
  const fix = problem.file ? `Fix or remove ${file}` : 'Fix the value (session-bus config set KEY VALUE, or config unset KEY; or the variable in this shell)';
  return { name, status: 'fail', message: `no daemon can start with them: ${problem.message}`, fix: `${fix}, then session-bus restart` };
}

/** Federation refused its settings: the daemon runs on this host only, and says why. */
export function federationRefused(reason: string | undefined, fix: string | undefined): Check {
  // A daemon older than the `fix` field refused only for the project key.
  return { name: 'federation', status: 'fail', message: `refused: ${reason ?? 'unknown reason'}`, fix: fix ?? 'Set SESSION_BUS_PROJECT, or give the repository an origin remote; see the README, Federation' };
}

/** Federation across hosts (SESSION_BUS_NATS_URL), as the daemon reports it. */
export function checkFederation(f: FederationStatus | undefined): Check {
  const name = 'federation';
  if (!f || f.state === 'off') return { name, status: 'ok', message: 'off (SESSION_BUS_NATS_URL not set): this host only' };
  if (f.state === 'refused') return federationRefused(f.reason, f.fix);
  const where = `${f.url ?? '?'} as ${f.host?.name ?? '?'}`;
  if (f.state === 'connected') {
    const message = `connected to ${where}; ${f.hosts.length} other host(s); outbox ${f.outbox}, ${f.inboundPending} to take in`;
    if (f.warnings.length === 0) return { name, status: 'ok', message };
    return { name, status: 'warn', message: `${message}; ${f.warnings.map(safe).join('; ')}`, fix: 'See session-bus status for the claims involved' };
  }
  return {
    name,
    status: 'warn',
    message: `${f.state} to ${where}${f.reason ? `: ${f.reason}` : ''}; claims are local only and ${f.outbox} message(s) wait to be forwarded`,
    fix: 'Check that nats-server runs with JetStream (-js), is reachable from here, and the credentials (SESSION_BUS_NATS_*)',
  };
}

export function checkHostInbox(env: NodeJS.ProcessEnv, stat: (p: string) => fs.Stats | undefined): Check {
  const name = 'host inbox';
  const socket = env.CLAUDE_CODE_MESSAGING_SOCKET;
  if (!socket) {
    return {
      name,
      status: 'skip',
      message: 'CLAUDE_CODE_MESSAGING_SOCKET is not set here: only processes inside a Claude Code session (2.1.224+, cross-session messaging on) get it. Without it, messages reach a session at its next prompt or tool call',
    };
  }
  if (!env.CLAUDE_CODE_MESSAGING_TOKEN) {
    return { name, status: 'fail', message: 'CLAUDE_CODE_MESSAGING_SOCKET is set but CLAUDE_CODE_MESSAGING_TOKEN is not: pushing into the session cannot authenticate', fix: 'Restart the Claude Code session; do not unset its environment' };
  }
  const st = stat(socket);
  if (!st || !st.isSocket()) {
    return { name, status: 'fail', message: `CLAUDE_CODE_MESSAGING_SOCKET points at ${socket}, which is ${st ? 'not a socket' : 'missing'}`, fix: 'Restart the Claude Code session (its inbox socket is gone)' };
  }
  if (env.SESSION_BUS_WAKE === 'none') return { name, status: 'ok', message: `offered at ${socket}, but SESSION_BUS_WAKE=none turns pushing off` };
  return { name, status: 'ok', message: `offered at ${socket}: idle sessions are woken for direct messages and handoffs` };
}
