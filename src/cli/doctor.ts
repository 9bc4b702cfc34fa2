/**
 * `session-bus doctor`: every way the bus can fail on this machine, checked one by one; each
 * check says ok, or what is wrong and how to fix it. It never starts a daemon and changes
 * nothing. The checks are data (`Check`); the judging parts are pure functions, the I/O is in
 * `runDoctor`.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { endpointFor, type Endpoint } from '../place/endpoint.ts';
import { assertRegularFile } from '../place/mailbox-file.ts';
import { privateDirProblem } from '../place/private-dir.ts';
import { locateProject, type ProjectLocation } from '../place/project.ts';
import { ConnectionError, RpcClient } from '../transport/rpc-client.ts';
import { isAlive } from '../place/liveness.ts';
import { MARKER_NAME } from '../place/markers.ts';
import { isStaleLock, lockHolder } from '../place/start-lock.ts';
import { describeError, ErrorCode } from '../protocol/errors.ts';
import type { FederationStatus, HelloResult, StatusResult } from '../protocol/messages.ts';
import { PROTOCOL_VERSION, VERSION } from '../protocol/version.ts';
import { painter } from './color.ts';
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
/** The daemon answers in about a millisecond; this long means it is stuck. */
const PROBE_TIMEOUT_MS = 2000;
/** Compaction keeps the mailbox near its retention (10,000 messages, a few MiB); far past that, it is not running. */
const MAILBOX_WARN_BYTES = 64 * 1024 * 1024;
/** How much of the daemon's log end to scan for recent errors. */
const LOG_SCAN_BYTES = 64 * 1024;
/** `claude plugin validate` takes a few seconds on a cold start; a minute means it hangs. */
const VALIDATE_TIMEOUT_MS = 60_000;

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
  const older = hello.protocol < PROTOCOL_VERSION || compare(hello.version, VERSION) < 0;
  if (older) {
    return { name, status: 'warn', message: `the daemon is version ${hello.version}, older than this CLI (${VERSION}); the next session of this version replaces it`, fix: 'Run: session-bus restart' };
  }
  return { name, status: 'warn', message: `the daemon is version ${hello.version}, newer than this CLI (${VERSION}); they speak the same protocol`, fix: 'Update the CLI (npm link in the plugin checkout) to match' };
}

function compare(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
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

/** Federation across hosts (SESSION_BUS_NATS_URL), as the daemon reports it. */
export function checkFederation(f: FederationStatus | undefined): Check {
  const name = 'federation';
  if (!f || f.state === 'off') return { name, status: 'ok', message: 'off (SESSION_BUS_NATS_URL not set): this host only' };
  if (f.state === 'refused') {
    return { name, status: 'fail', message: `refused: ${f.reason ?? 'unknown reason'}`, fix: 'Set SESSION_BUS_PROJECT, or give the repository an origin remote; see the README, Federation' };
  }
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

function lstat(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

function stat(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function readTail(file: string, bytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (size === 0) return undefined;
    const len = Math.min(size, bytes);
    const buf = Buffer.alloc(len);
    fs.readSync(fd, buf, 0, len, size - len);
    const text = buf.toString('utf8');
    // Started mid-file: the first line is cut.
    return len < size ? text.slice(text.indexOf('\n') + 1) : text;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function mib(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

interface Probe {
  check: Check;
  /** A socket file nothing answers at. */
  stale?: boolean;
  hello?: HelloResult;
  status?: StatusResult;
}

/** Is a daemon there, does it answer, is it healthy. Speaks to the socket directly: no directory is made, nothing started. */
async function probeDaemon(endpoint: Endpoint, root: string): Promise<Probe> {
  const name = 'daemon';
  const socketPath = endpoint.socketPath;
  if (process.platform !== 'win32' && !lstat(socketPath)) {
    return { check: { name, status: 'ok', message: 'not running (the first session starts it)' } };
  }
  let client: RpcClient;
  const started = Date.now();
  try {
    client = await RpcClient.connect(socketPath, PROBE_TIMEOUT_MS);
  } catch (err) {
    const code = (err as ConnectionError).code;
    if (code === 'ECONNREFUSED') {
      return {
        stale: true,
        check: { name, status: 'fail', message: `stale socket ${socketPath}: no daemon answers there (one was killed or crashed)`, fix: `Remove it: rm ${socketPath} (the next session would also replace it)` },
      };
    }
    if (code === 'EACCES' || code === 'EPERM') {
      return { check: { name, status: 'fail', message: `connecting to ${socketPath} was refused (${code})`, fix: `A sandbox may block Unix sockets: allow ${endpoint.dir}, or set SESSION_BUS_SOCKET_DIR to a directory it allows` } };
    }
    return { check: { name, status: 'fail', message: `cannot connect to ${socketPath}: ${(err as Error).message}`, fix: `Read its log: tail -n 50 ${endpoint.logPath}` } };
  }
  try {
    const hello = await client.request('hello', { protocol: PROTOCOL_VERSION, version: VERSION, root }, PROBE_TIMEOUT_MS);
    const status = hello.protocol === PROTOCOL_VERSION ? await client.request('status', {}, PROBE_TIMEOUT_MS) : undefined;
    const ms = Date.now() - started;
    if (hello.root !== root) {
      return { check: { name, status: 'fail', message: `the daemon at ${socketPath} serves ${hello.root}, not ${root}`, fix: 'Set SESSION_BUS_SOCKET_DIR to another directory (a hash collision)' } };
    }
    return { hello, status, check: { name, status: 'ok', message: `running, pid ${hello.pid}, answered in ${ms} ms` } };
  } catch (err) {
    const detail = err instanceof ConnectionError && err.code === 'ETIMEDOUT' ? `does not answer within ${PROBE_TIMEOUT_MS} ms` : (err as Error).message;
    return { check: { name, status: 'fail', message: `the daemon at ${socketPath} ${detail}`, fix: `Read its log (tail -n 50 ${endpoint.logPath}); stop it with session-bus stop, or kill its process` } };
  } finally {
    client.close();
  }
}

function checkStaleFiles(endpoint: Endpoint, daemonRuns: boolean): Check[] {
  const checks: Check[] = [];
  const lock = lstat(endpoint.lockPath);
  if (lock) {
    const pid = lockHolder(endpoint.lockPath);
    if (isStaleLock(endpoint.lockPath, pid)) {
      checks.push({
        name: 'start lock',
        status: daemonRuns ? 'warn' : 'fail',
        message: `stale start lock ${endpoint.lockPath}${pid ? ` (pid ${pid} is gone)` : ' (empty)'}: a daemon died while starting`,
        fix: `Remove it: rm ${endpoint.lockPath} (a starting daemon also clears it after a few seconds)`,
      });
    }
  }
  let markers: string[] = [];
  try {
    markers = fs.readdirSync(endpoint.dir).filter((f) => MARKER_NAME.test(f) && !isAlive(Number(f.slice(f.indexOf('-') + 1))));
  } catch {
    // No directory yet.
  }
  if (markers.length > 0) {
    checks.push({
      name: 'pending markers',
      status: 'warn',
      message: `${markers.length} session marker${markers.length === 1 ? '' : 's'} of Claude Code processes that are gone (harmless)`,
      fix: `Remove: rm ${markers.map((m) => path.join(endpoint.dir, m)).join(' ')}`,
    });
  }
  return checks;
}

function checkMailbox(location: ProjectLocation, status: StatusResult | undefined): Check {
  const name = 'mailbox';
  const file = location.mailboxPath;
  try {
    assertRegularFile(file);
  } catch (err) {
    const [problem, fix] = (err as Error).message.split('. ');
    return { name, status: 'fail', message: problem!, fix };
  }
  const st = stat(file);
  if (!st) {
    let dir = location.mailboxDir;
    while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    try {
      fs.accessSync(dir, fs.constants.W_OK);
    } catch {
      return { name, status: 'fail', message: `${file} cannot be created: ${dir} is not writable`, fix: `Fix the permissions of ${dir}` };
    }
    return { name, status: 'ok', message: `${file} not written yet (the first message creates it)` };
  }
  try {
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    return { name, status: 'fail', message: `${file} is not readable and writable by you: messages cannot be kept`, fix: `Fix its permissions: chmod 600 ${file} (and its owner)` };
  }
  const counts = status ? `, ${status.messageCount} messages retained` : '';
  if (st.size > MAILBOX_WARN_BYTES) {
    return { name, status: 'warn', message: `${file} is ${mib(st.size)}${counts}: compaction should keep it far smaller`, fix: 'Restart the daemon (session-bus restart) to compact it; lower SESSION_BUS_RETAIN_COUNT / SESSION_BUS_RETAIN_DAYS' };
  }
  return { name, status: 'ok', message: `${file}, ${mib(st.size)}${counts}` };
}

/** The plugin folder this CLI belongs to: `plugin/` around `plugin/dist/cli.mjs` (or its chunk in `dist/chunks`), or the checkout's when run from source. */
export function pluginDir(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const c of [path.resolve(here, '..'), path.resolve(here, '../..'), path.resolve(here, '../../plugin')]) {
    if (fs.existsSync(path.join(c, '.claude-plugin', 'plugin.json'))) return c;
  }
  return undefined;
}

/** `claude` on PATH, else the one npm installed beside the plugin (node_modules/.bin). */
export function findClaude(env: NodeJS.ProcessEnv, plugin: string | undefined): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'claude');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here.
    }
  }
  if (plugin) {
    const local = path.resolve(plugin, '..', 'node_modules', '.bin', 'claude');
    if (fs.existsSync(local)) return local;
  }
  return undefined;
}

function runValidate(claude: string, plugin: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(claude, ['plugin', 'validate', plugin], { env: { ...env, DISABLE_AUTOUPDATER: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, VALIDATE_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, output: err.message, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/** The `❯` items under `✘ Found N error(s):` in `claude plugin validate` output (not the directory-listing problems, which do not fail it). */
export function validationErrors(output: string): string[] {
  const errors: string[] = [];
  let inErrors = false;
  for (const line of output.split('\n')) {
    if (/^✘ Found \d+ errors?:/.test(line)) inErrors = true;
    else if (inErrors && /^\s*❯ /.test(line)) errors.push(line.replace(/^\s*❯ /, '').trim().slice(0, 200));
    else if (/^\S/.test(line)) inErrors = false;
  }
  return errors;
}

export function judgeValidation(claude: string, plugin: string, r: { code: number | null; output: string; timedOut: boolean }): Check {
  const name = 'plugin';
  const cmd = `${claude} plugin validate ${plugin}`;
  if (r.timedOut) return { name, status: 'fail', message: `\`${cmd}\` did not finish within ${VALIDATE_TIMEOUT_MS / 1000} s`, fix: `Run it by hand: DISABLE_AUTOUPDATER=1 ${cmd}` };
  const passed = r.code === 0 && /Validation passed/.test(r.output);
  if (passed) return { name, status: 'ok', message: `${plugin}: ${/passed with warnings/.test(r.output) ? 'validation passed (with warnings about the plugin directory listing)' : 'validation passed'}` };
  const errors = validationErrors(r.output);
  const why = (errors.length > 0 ? errors.slice(0, 3).join('; ') : r.output.trim().split('\n').slice(-1)[0] || `exit code ${r.code}`).slice(0, 600);
  return { name, status: 'fail', message: `${plugin} does not validate: ${why}`, fix: `Run for details: DISABLE_AUTOUPDATER=1 ${cmd}` };
}

export async function runDoctor(project: string, env: NodeJS.ProcessEnv = process.env): Promise<DoctorReport> {
  const checks: Check[] = [checkNode(process.version)];
  let location: ProjectLocation;
  try {
    location = locateProject(project);
  } catch (err) {
    checks.push({ name: 'project', status: 'fail', message: `cannot read the project ${project}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, fix: 'Pass an existing folder with --project DIR' });
    return { ok: false, checks };
  }
  checks.push({ name: 'project', status: 'ok', message: `${location.projectDir}${location.inGit ? ` (the bus of the repository at ${location.busRoot})` : ''}` });
  let endpoint: Endpoint | undefined;
  try {
    endpoint = endpointFor(location.busRoot, env);
  } catch (err) {
    const [problem, ...fix] = (err as Error).message.split('. ');
    checks.push({ name: 'socket path', status: 'fail', message: problem!, fix: fix.join('. ') || undefined });
  }
  let probe: Probe | undefined;
  if (endpoint && process.platform !== 'win32') {
    const dirCheck = checkSocketDir(endpoint.dir, lstat(endpoint.dir));
    checks.push(dirCheck);
    // Nothing in a socket dir that is not ours is read or connected to: another user may have made it.
    if (dirCheck.status === 'fail') endpoint = undefined;
  }
  if (endpoint) {
    probe = await probeDaemon(endpoint, location.busRoot);
    // The mode of a stale socket does not matter: it is to be removed.
    const socketCheck = process.platform === 'win32' || probe.stale ? undefined : checkSocketFile(endpoint.socketPath, lstat(endpoint.socketPath));
    if (socketCheck) checks.push(socketCheck);
    checks.push(probe.check);
    if (probe.hello) checks.push(checkVersions(probe.hello));
    if (probe.status) checks.push(checkRegistrations(probe.status, isAlive), checkFederation(probe.status.federation));
    checks.push(...checkStaleFiles(endpoint, probe.hello !== undefined));
    checks.push(checkLogErrors(endpoint.logPath, readTail(endpoint.logPath, LOG_SCAN_BYTES)));
  }
  checks.push(checkMailbox(location, probe?.status));
  const plugin = pluginDir();
  const claude = findClaude(env, plugin);
  if (!plugin) checks.push({ name: 'plugin', status: 'skip', message: 'no plugin folder beside this CLI to validate' });
  else if (!claude) checks.push({ name: 'plugin', status: 'skip', message: `no claude binary on PATH or in node_modules/.bin; ${plugin} not validated` });
  else checks.push(judgeValidation(claude, plugin, await runValidate(claude, plugin, env)));
  checks.push(checkHostInbox(env, stat));
  return { ok: checks.every((c) => c.status !== 'fail'), root: location.busRoot, checks };
}

const LABELS: Record<CheckStatus, string> = { ok: 'ok', warn: 'warn', fail: 'FAIL', skip: 'skip' };

export function formatDoctor(report: DoctorReport, color: boolean): string {
  const paint = painter(color);
  const style = { ok: 'green', warn: 'yellow', fail: 'red', skip: 'dim' } as const;
  const width = Math.max(...report.checks.map((c) => c.name.length));
  const lines = [`session-bus doctor${report.root ? ` for ${report.root}` : ''}`];
  for (const c of report.checks) {
    lines.push(`  ${paint(style[c.status], LABELS[c.status].padEnd(4))}  ${c.name.padEnd(width)}  ${c.message}`);
    if (c.fix && c.status !== 'ok') lines.push(`  ${''.padEnd(4)}  ${''.padEnd(width)}  ${paint('bold', 'fix:')} ${c.fix}`);
  }
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  lines.push('', failed === 0 ? 'All checks passed.' : `${failed} check${failed === 1 ? '' : 's'} failed.`);
  return lines.join('\n');
}
