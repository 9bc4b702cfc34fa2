/**
 * Hosts on a real network, for the federation tests of issue 19: a network namespace running
 * nats-server (and a delaying proxy in front of it), and one namespace per host whose broker
 * daemon runs inside it, so its NATS traffic crosses a veth pair that a test can cut silently
 * (iptables DROP on both ends: no RST, no ICMP) and slow down (the proxy, delay-proxy.ts: netem
 * is not in every kernel). The test process stays in the root namespace and reaches each daemon
 * through its Unix socket (a socket file works across network namespaces), never starting one
 * itself: a daemon outside its namespace would not be cut off.
 *
 *   nats ns:  nats-server 0.0.0.0:4222, delay proxy 0.0.0.0:4223 → 127.0.0.1:4222
 *   host i:   10.77.i.2 ── veth ── 10.77.i.1 in the nats ns
 *
 * Everything made is undone after each test (hosts) or file (NATS, the proxy, started by the
 * first test that asks for a delayed host or a delay), and at process
 * exit whatever is left; netns.ts removes what a killed run left behind (reapStale).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { connectExisting, type Connection } from '../../src/client/connect.ts';
import { ensurePrivateDir } from '../../src/place/private-dir.ts';
import { findNatsServer } from './nats.ts';
import { dropArriving, fakeTimeLibrary, ip, netnsMissing, netnsUnavailable, reapStale, removeNamespace, signal, spawnIn } from './netns.ts';
import { DAEMON, REPO } from './paths.ts';
import { makeProject, waitFor, type TestProject } from './project.ts';
// The daemon's node flags and environment, as the client starts it.
import { DAEMON_NODE_FLAGS, daemonEnv } from '../../src/client/spawn.ts';

/** The nats-server port inside the nats namespace, and the delay proxy's in front of it. */
const NATS_PORT = 4222;
const PROXY_PORT = 4223;

export interface HostOptions {
  /** The repository's origin remote: hosts with the same one share a bus. */
  remote: string;
  /** Through the delay proxy (see `Network.setDelay`) rather than straight to nats-server. */
  delayed?: boolean;
  /** This host's clock, shifted by libfaketime: e.g. '+120s'. */
  clockOffset?: string;
  env?: NodeJS.ProcessEnv;
  /** Start the daemon now (default); else `start()` later. */
  start?: boolean;
}

/** A host: its namespace, its project (socket dir, mailbox) and its broker daemon running inside. */
export interface NetHost {
  name: string;
  ns: string;
  /** Its address on its link to the nats namespace. */
  address: string;
  /** The NATS URL its daemon uses. */
  natsUrl: string;
  project: TestProject;
  /** The daemon's pid while it runs. */
  pid(): number | undefined;
  /** Starts the daemon inside the namespace and waits until it answers. */
  start(): Promise<void>;
  /** Signals the daemon and waits for it to exit (SIGKILL after 5 s). */
  stop(sig?: NodeJS.Signals): Promise<void>;
  /** A connection to the daemon (never starting one: the daemon must stay in its namespace); closed after the test. */
  connect(): Promise<Connection>;
  /** The daemon log's lines that matter to federation, for a failed test. */
  logTail(lines?: number): string;
}

export interface Network {
  /** A host in its own namespace; removed after the test. */
  host(name: string, options: HostOptions): Promise<NetHost>;
  /** A silent partition between `host` and NATS: its packets are dropped on both ends. */
  cut(host: NetHost): void;
  heal(host: NetHost): void;
  /** The delay proxy's delay per direction (15 = +30 ms round trip); back to 0 after each test. */
  setDelay(ms: number): Promise<void>;
}

let instances = 0;

/**
 * The fixture: call once at the top of a test file (skipped: `skip` true). NATS starts once for
 * the file, the proxy once when first needed; hosts are made by each test and undone after it:
 * connections closed, daemons stopped, projects removed, namespaces deleted, cuts healed, the
 * delay back to 0. With `scope: 'file'` (a file whose tests run at once, `describe.concurrent`)
 * the hosts are undone after the file instead; each test cuts only its own hosts, and at most one
 * of them may use the delay (one proxy, one delay).
 */
export function useNetwork(options: { skip: boolean; scope?: 'test' | 'file' }): Network {
  const id = `${process.pid}-${++instances}`;
  /** Short enough for an interface name (≤ 15 bytes) with the host index. */
  const short = `s${process.pid.toString(36)}${instances.toString(36)}`;
  const natsNs = `sbus-${id}-nats`;
  /** nats-server's store and log (made in beforeAll: a skipped file makes nothing). */
  let base = '';
  const children = new Set<ChildProcess>();
  const namespaces = new Set<string>();
  let hosts: NetHost[] = [];
  const connections: Connection[] = [];
  /** Each host's ends of its link: in its namespace and in the nats namespace. */
  const links = new Map<NetHost, { hostIf: string; natsIf: string }>();
  const cuts = new Set<NetHost>();
  let proxy: ChildProcess | undefined;
  let proxyLines: readline.Interface | undefined;
  let delay = 0;
  let nextIndex = 0;

  /** The last resort: a test process that exits (or throws out of a hook) leaves nothing behind. */
  const reap = () => {
    for (const c of children) if (c.pid) signal(c.pid, 'SIGKILL');
    for (const ns of namespaces) removeNamespace(ns);
    if (base) fs.rmSync(base, { recursive: true, force: true });
  };

  beforeAll(async () => {
    if (options.skip) return;
    const why = netnsUnavailable();
    if (why) throw new Error(`${netnsMissing(why)}; CI must run them (CI or SESSION_BUS_REQUIRE_NATS is set)`);
    process.on('exit', reap);
    reapStale();
    base = fs.mkdtempSync(path.join(os.tmpdir(), `sb-netns-${process.pid}-`));
    ip('netns', 'add', natsNs);
    namespaces.add(natsNs);
    ip('-n', natsNs, 'link', 'set', 'lo', 'up');
    const storeDir = path.join(base, 'js');
    const natsLog = path.join(base, 'nats.log');
    const out = fs.openSync(natsLog, 'a');
    const nats = spawnIn(natsNs, [findNatsServer()!, '-a', '0.0.0.0', '-p', String(NATS_PORT), '-js', '-sd', storeDir], { stdio: ['ignore', out, out] });
    fs.closeSync(out);
    children.add(nats);
    await waitFor('nats-server ready in its namespace', () => /Server is ready/.test(fs.readFileSync(natsLog, 'utf8')) || exited(nats, natsLog), 15_000);
  });

  /** The delay proxy, started by the first test that needs it (a file without one never pays for its start). */
  let proxyStarted: Promise<void> | undefined;
  function startProxy(): Promise<void> {
    proxyStarted ??= (async () => {
      // Plain node on the proxy made JavaScript here (it imports only node's own modules): a
      // start through `--import tsx` cost ~0.3 s more CPU, for the loader and its transform.
      const { transformSync } = await import('esbuild');
      const js = path.join(base, 'delay-proxy.mjs');
      fs.writeFileSync(js, transformSync(fs.readFileSync(path.join(REPO, 'test/support/delay-proxy.ts'), 'utf8'), { loader: 'ts', format: 'esm' }).code);
      const p = spawnIn(natsNs, [process.execPath, js, '0.0.0.0', String(PROXY_PORT), '127.0.0.1', String(NATS_PORT), '0'], {
        cwd: REPO,
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      proxy = p;
      children.add(p);
      proxyLines = readline.createInterface({ input: p.stdout! });
      await nextLine(proxyLines, /^listening /, 15_000);
    })();
    return proxyStarted;
  }

  afterEach(async (ctx) => {
    if (options.skip) return;
    if (ctx.task.result?.state === 'fail') for (const h of hosts) console.log(`--- daemon log of ${h.name} (federation lines) ---\n${h.logTail()}`);
    if (options.scope !== 'file') await undoHosts();
  });

  /** Connections closed, daemons stopped, projects removed, cuts healed, namespaces deleted, the delay back to 0. */
  async function undoHosts(): Promise<void> {
    for (const c of connections.splice(0)) c.client.close();
    await Promise.all(hosts.map((h) => h.stop('SIGTERM')));
    await Promise.all(hosts.map((h) => h.project.cleanup()));
    for (const h of cuts) {
      try {
        dropArriving(natsNs, links.get(h)!.natsIf, false);
      } catch {
        // Removed with its interface.
      }
    }
    cuts.clear();
    for (const h of hosts) {
      removeNamespace(h.ns);
      namespaces.delete(h.ns);
      links.delete(h);
    }
    hosts = [];
    if (delay !== 0) await network.setDelay(0);
  }

  afterAll(async () => {
    if (options.skip) return;
    if (options.scope === 'file') await undoHosts();
    proxy?.stdin?.end();
    for (const c of children) {
      c.kill('SIGTERM');
      await waitFor('a child of the network to exit', () => c.exitCode !== null || c.signalCode !== null, 5000).catch(() => c.kill('SIGKILL'));
    }
    children.clear();
    reap();
    namespaces.clear();
    process.removeListener('exit', reap);
  });

  const network: Network = {
    async host(name, o) {
      const index = ++nextIndex;
      if (index > 250) throw new Error('too many hosts in one file');
      const ns = `sbus-${id}-h${index}`;
      const hostIf = `${short}h${index}`;
      const natsIf = `${short}n${index}`;
      ip('netns', 'add', ns);
      namespaces.add(ns);
      ip('link', 'add', hostIf, 'netns', ns, 'type', 'veth', 'peer', 'name', natsIf, 'netns', natsNs);
      ip('-n', ns, 'addr', 'add', `10.77.${index}.2/24`, 'dev', hostIf);
      ip('-n', natsNs, 'addr', 'add', `10.77.${index}.1/24`, 'dev', natsIf);
      for (const [n, i] of [[ns, hostIf], [natsNs, natsIf], [ns, 'lo']] as const) ip('-n', n, 'link', 'set', i, 'up');
      const natsUrl = `nats://10.77.${index}.1:${o.delayed ? PROXY_PORT : NATS_PORT}`;
      const project = makeProject({ git: true, env: { SESSION_BUS_NATS_URL: natsUrl, SESSION_BUS_HOST: name, ...o.env } });
      execFileSync('git', ['-C', project.dir, 'remote', 'add', 'origin', o.remote]);
      let child: ChildProcess | undefined;
      const host: NetHost = {
        name,
        ns,
        address: `10.77.${index}.2`,
        natsUrl,
        project,
        pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
        async start() {
          if (host.pid()) return;
          const endpoint = project.endpoint();
          ensurePrivateDir(endpoint.dir);
          const out = fs.openSync(endpoint.logPath, 'a', 0o600);
          const env: NodeJS.ProcessEnv = { ...project.env };
          if (o.clockOffset) {
            const lib = fakeTimeLibrary();
            if (!lib) throw new Error('libfaketime not found: `apt-get install faketime` (a host with a skewed clock needs it)');
            // Date only: timers and performance.now() keep the real monotonic clock.
            Object.assign(env, { LD_PRELOAD: lib, FAKETIME: o.clockOffset, FAKETIME_DONT_FAKE_MONOTONIC: '1' });
          }
          const c = spawnIn(ns, [process.execPath, ...DAEMON_NODE_FLAGS, DAEMON, '--project', project.dir], { env: daemonEnv(env), cwd: '/', stdio: ['ignore', out, out] });
          fs.closeSync(out);
          child = c;
          children.add(c);
          c.once('exit', () => children.delete(c));
          // Answers once it has bound its socket; a daemon that failed says why in its log.
          const conn = await waitFor(`${name}'s daemon to answer`, async () => {
            if (c.exitCode !== null) throw new Error(`${name}'s daemon exited (${c.exitCode}):\n${host.logTail(20)}`);
            return connectExisting(project.dir, { env: project.env, timeoutMs: 1000 }).catch(() => undefined);
          }, 20_000);
          conn.client.close();
        },
        async stop(sig = 'SIGTERM') {
          const c = child;
          if (!c || c.exitCode !== null || c.signalCode !== null) return;
          const exitedNow = new Promise((r) => c.once('exit', r));
          c.kill(sig);
          const timer = setTimeout(() => c.kill('SIGKILL'), 5000);
          await exitedNow;
          clearTimeout(timer);
        },
        async connect() {
          const conn = await connectExisting(project.dir, { env: project.env, timeoutMs: 5000 });
          connections.push(conn);
          return conn;
        },
        logTail(lines = 30) {
          try {
            const log = fs.readFileSync(project.endpoint().logPath, 'utf8');
            return log.split('\n').filter((l) => /federation|claim|"level":[456]0/.test(l)).slice(-lines).join('\n');
          } catch {
            return '(no log)';
          }
        },
      };
      hosts.push(host);
      links.set(host, { hostIf, natsIf });
      // Listening before the daemon's first connection (a refused one is retried only seconds later).
      if (o.delayed) await startProxy();
      if (o.start !== false) await host.start();
      return host;
    },
    cut(host) {
      const link = links.get(host);
      if (!link || cuts.has(host)) return;
      dropArriving(host.ns, link.hostIf, true);
      dropArriving(natsNs, link.natsIf, true);
      cuts.add(host);
    },
    heal(host) {
      const link = links.get(host);
      if (!link || !cuts.has(host)) return;
      dropArriving(host.ns, link.hostIf, false);
      dropArriving(natsNs, link.natsIf, false);
      cuts.delete(host);
    },
    async setDelay(ms) {
      await startProxy();
      if (!proxy?.stdin || !proxyLines) throw new Error('the network is not started');
      const acked = nextLine(proxyLines, new RegExp(`^delay ${ms}$`), 5000);
      proxy.stdin.write(`delay ${ms}\n`);
      await acked;
      delay = ms;
    },
  };
  return network;
}

/** A child that exited while it was awaited: its log says why. */
function exited(c: ChildProcess, log: string): false {
  if (c.exitCode !== null || c.signalCode !== null) throw new Error(`exited (${c.exitCode ?? c.signalCode}):\n${fs.readFileSync(log, 'utf8').split('\n').slice(-10).join('\n')}`);
  return false;
}

function nextLine(lines: readline.Interface, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      lines.off('line', onLine);
      reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onLine = (line: string) => {
      if (!pattern.test(line)) return;
      clearTimeout(timer);
      lines.off('line', onLine);
      resolve(line);
    };
    lines.on('line', onLine);
  });
}
