/**
 * `session-bus doctor`: every way the bus can fail on this machine, checked one by one; each
 * check says ok, or what is wrong and how to fix it. It never starts a daemon and changes
 * nothing. The checks are data (`Check`); the judging parts are pure functions (doctor-checks.ts,
 * doctor-plugin.ts), the I/O is here, in `runDoctor`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EndpointError, endpointFor, type Endpoint } from '../place/endpoint.ts';
import { assertRegularFile, MailboxFileError } from '../place/mailbox-file.ts';
import { locateProject, type ProjectLocation } from '../place/project.ts';
import { ConnectionError, RpcClient } from '../transport/rpc-client.ts';
import { isAlive } from '../place/liveness.ts';
import { MARKER_NAME } from '../place/markers.ts';
import { settingsFor, settingsPath, startSettingsProblem } from '../place/settings.ts';
import { readFederationConfig } from '../daemon/federation/config.ts';
import { isStaleLock, lockHolder } from '../place/start-lock.ts';
import type { HelloResult, StatusResult } from '../protocol/messages.ts';
import { PROTOCOL_VERSION, VERSION } from '../protocol/version.ts';
import { painter } from './color.ts';
import { inert } from '../protocol/sanitize.ts';
import { checkFederation, checkHostInbox, checkSettings, federationRefused, checkLogErrors, checkNode, checkRegistrations, checkSocketDir, checkSocketFile, checkVersions, type Check, type CheckStatus, type DoctorReport } from './doctor-checks.ts';
import { findClaude, judgeValidation, pluginDir, runValidate } from './doctor-plugin.ts';

/** The daemon answers in about a millisecond; this long means it is stuck. */
const PROBE_TIMEOUT_MS = 2000;
/** Compaction keeps the mailbox near its retention (10,000 messages, a few MiB); far past that, it is not running. */
const MAILBOX_WARN_BYTES = 64 * 1024 * 1024;
/** How much of the daemon's log end to scan for recent errors. */
const LOG_SCAN_BYTES = 64 * 1024;

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
    if (!(err instanceof MailboxFileError)) throw err;
    return { name, status: 'fail', message: err.problem, fix: err.fix };
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

export async function runDoctor(project: string, env: NodeJS.ProcessEnv): Promise<DoctorReport> {
  const checks: Check[] = [checkNode(process.version)];
  let location: ProjectLocation;
  try {
    location = locateProject(project);
  } catch (err) {
    checks.push({ name: 'project', status: 'fail', message: `cannot read the project ${project}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, fix: 'Pass an existing folder with --project DIR' });
    return { ok: false, checks };
  }
  checks.push({ name: 'project', status: 'ok', message: `${location.projectDir}${location.inGit ? ` (the bus of the repository at ${location.busRoot})` : ''}` });
  const settingsProblem = startSettingsProblem(location.mailboxDir, env);
  checks.push(checkSettings(settingsProblem, settingsPath(location.mailboxDir)));
  let endpoint: Endpoint | undefined;
  try {
    endpoint = endpointFor(location.busRoot, env);
  } catch (err) {
    if (!(err instanceof EndpointError)) throw err;
    checks.push({ name: 'socket path', status: 'fail', message: err.problem, fix: err.fix });
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
    // No daemon to ask: federation's own rules on the settings one started now would have.
    else if (!settingsProblem) {
      const f = readFederationConfig(settingsFor(location.mailboxDir, env).env, location.inGit ? location.busRoot : undefined);
      if (f.mode === 'refused') checks.push(federationRefused(f.reason, f.fix));
    }
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
  const lines = [`session-bus doctor${report.root ? ` for ${inert(report.root)}` : ''}`];
  for (const c of report.checks) {
    lines.push(`  ${paint(style[c.status], LABELS[c.status].padEnd(4))}  ${c.name.padEnd(width)}  ${inert(c.message)}`);
    if (c.fix && c.status !== 'ok') lines.push(`  ${''.padEnd(4)}  ${''.padEnd(width)}  ${paint('bold', 'fix:')} ${inert(c.fix)}`);
  }
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  lines.push('', failed === 0 ? 'All checks passed.' : `${failed} check${failed === 1 ? '' : 's'} failed.`);
  return lines.join('\n');
}
