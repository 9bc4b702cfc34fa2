/**
 * Network namespaces for the multi-host federation tests (issue 19): whether they can be made
 * here (root, iproute2, iptables, nats-server) and the few operations the fixture in
 * net-hosts.ts builds on: run a command in a namespace, drop a link's packets silently, remove a
 * namespace with what runs in it, and remove what a killed test process left behind.
 *
 * Names carry the test process's pid (`sbus-<pid>-…`): files running at once never collide,
 * and what a process that is gone left is removed by the next run (`reapStale`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findNatsServer, natsRequired } from './nats.ts';
import { isAlive } from './proc.ts';

/** Where Debian/Ubuntu's `faketime` package puts the preload library, by architecture. */
const FAKETIME_LIBS = ['x86_64-linux-gnu', 'aarch64-linux-gnu', 'arm-linux-gnueabihf'].map((a) => `/usr/lib/${a}/faketime/libfaketimeMT.so.1`).concat('/usr/local/lib/faketime/libfaketimeMT.so.1');

/** Why the multi-host tests cannot run, and what they need: one line. */
export function netnsMissing(why: string): string {
  return `network namespaces unavailable (${why}): the multi-host federation tests need root, iproute2, iptables, nats-server and faketime (\`apt-get install iproute2 iptables nats-server faketime\`, run as root)`;
}

/**
 * Why hosts in network namespaces cannot be made here, or undefined. `SESSION_BUS_NO_NETNS`
 * says so on purpose (how the skip itself is tested, and a way out on a machine that has root
 * but should not touch its network set-up).
 */
export function netnsUnavailable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SESSION_BUS_NO_NETNS) return 'SESSION_BUS_NO_NETNS is set';
  if (process.platform !== 'linux') return `${process.platform} has no network namespaces`;
  if (process.getuid?.() !== 0) return 'not root';
  for (const tool of ['ip', 'iptables']) if (!findTool(tool)) return `${tool} not found`;
  if (!findNatsServer(env)) return 'nats-server not found';
  const probe = `sbus-${process.pid}-probe`;
  try {
    execFileSync(findTool('ip')!, ['netns', 'add', probe], { stdio: 'pipe' });
    execFileSync(findTool('ip')!, ['netns', 'del', probe], { stdio: 'pipe' });
  } catch (err) {
    return `ip netns add failed: ${String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim()}`;
  }
  return undefined;
}

/** Said once per test process, however many files skip. */
let skipSaid = false;

/**
 * Whether a file's multi-host tests are skipped, saying why in one line when they are. Where CI
 * must run them (`natsRequired()`: CI or SESSION_BUS_REQUIRE_NATS) they are not skipped: the
 * fixture fails instead, saying why.
 */
export function skipWithoutNetns(): boolean {
  const why = netnsUnavailable();
  if (why === undefined || natsRequired()) return false;
  if (!skipSaid) console.warn(`session-bus: ${netnsMissing(why)}; skipped`);
  skipSaid = true;
  return true;
}

/** The libfaketime preload library (for a host with a skewed clock), or undefined. */
export function fakeTimeLibrary(): string | undefined {
  return FAKETIME_LIBS.find((l) => fs.existsSync(l));
}

function findTool(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/sbin', '/sbin', '/usr/bin', '/bin'])) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Runs `cmd` in namespace `ns` (synchronously: the network set-up is milliseconds). */
export function runIn(ns: string, cmd: string[]): string {
  return execFileSync(findTool('ip') ?? 'ip', ['netns', 'exec', ns, ...cmd], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts `cmd` in namespace `ns` as a child process. */
export function spawnIn(ns: string, cmd: string[], options: Parameters<typeof spawn>[2] = {}): ChildProcess {
  return spawn(findTool('ip') ?? 'ip', ['netns', 'exec', ns, ...cmd], options);
}

/** `ip …` in the root namespace (`ip -n <ns> …` reaches into one). */
export function ip(...args: string[]): void {
  execFileSync(findTool('ip') ?? 'ip', args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Drops (or stops dropping) every packet arriving on `iface` in `ns`: no RST, no ICMP, nothing sent back. */
export function dropArriving(ns: string, iface: string, drop: boolean): void {
  runIn(ns, [findTool('iptables') ?? 'iptables', '-w', drop ? '-I' : '-D', 'INPUT', '-i', iface, '-j', 'DROP']);
}

/** Kills whatever runs in `ns`, then removes it (its veth pairs go with it). */
export function removeNamespace(ns: string): void {
  try {
    const pids = execFileSync(findTool('ip') ?? 'ip', ['netns', 'pids', ns], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    for (const pid of pids.split(/\s+/).filter(Boolean)) signal(Number(pid), 'SIGKILL');
  } catch {
    // Gone already.
  }
  try {
    ip('netns', 'del', ns);
  } catch {
    // Gone already.
  }
}

/**
 * What test processes that died without cleaning up (SIGKILL, a crash) left: their namespaces,
 * with whatever still runs in them, and their nats-server folders (`sb-netns-<pid>-*`).
 */
export function reapStale(): void {
  const dead = (pid: number) => pid !== process.pid && !isAlive(pid);
  for (const entry of fs.readdirSync(os.tmpdir())) {
    const m = /^sb-netns-(\d+)-/.exec(entry);
    if (m && dead(Number(m[1]))) fs.rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
  }
  let list: string;
  try {
    list = execFileSync(findTool('ip') ?? 'ip', ['netns', 'list'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return;
  }
  for (const line of list.split('\n')) {
    const m = /^(sbus-(\d+)-\S+)/.exec(line);
    if (m && dead(Number(m[2]))) removeNamespace(m[1]!);
  }
}

export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Gone already.
  }
}
