/**
 * Federation settings, from the environment. Nothing here touches the network: with
 * SESSION_BUS_NATS_URL unset federation is `off` and nothing leaves the host.
 *
 *   SESSION_BUS_NATS_URL         nats://host:4222 (tls://… for TLS; several, comma-separated)
 *   SESSION_BUS_PROJECT          the project key; default: a hash of `git remote get-url origin`
 *   SESSION_BUS_HOST             this host's display name; default: os.hostname()
 *   SESSION_BUS_NATS_USER / SESSION_BUS_NATS_PASSWORD, SESSION_BUS_NATS_TOKEN,
 *   SESSION_BUS_NATS_CREDS       credentials (user/password may also be in the URL)
 *   SESSION_BUS_NATS_CA / SESSION_BUS_NATS_CERT / SESSION_BUS_NATS_KEY   TLS files
 *   SESSION_BUS_FED_LEASE_MS     how long presence and claims outlive a silent host
 *
 * Two timers are settable for tests only (not settings: `config` does not list them), so a test
 * of an outage need not wait out the defaults:
 *   SESSION_BUS_FED_PUBLISH_TIMEOUT_MS   a publish not confirmed this long is retried (5000)
 *   SESSION_BUS_FED_ACK_WAIT_MS          a message pulled and not acknowledged comes again (5000)
 */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
// Not node:crypto: every daemon loads this module, federated or not.
import { sha256Hex } from '../../place/sha256.ts';
import { testOnlyMs } from '../../place/test-timing.ts';

/**
 * A host that stops refreshing is gone after this long: its sessions leave the other hosts'
 * peers and its claims end. Long enough to ride out a GC pause or a slow NATS round trip,
 * short enough that a dead laptop does not hold `port:1420` for minutes.
 */
export const DEFAULT_LEASE_MS = 15_000;

export interface NatsAuth {
  user?: string;
  pass?: string;
  token?: string;
  /** Path of a NATS creds file (JWT + nkey seed). */
  credsFile?: string;
}

export interface NatsTls {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

export interface FederationSettings {
  servers: string[];
  /** The URL as shown in status and logs: no credentials. */
  displayUrl: string;
  auth: NatsAuth;
  /** Set when a URL says tls:// or a TLS file is given. */
  tls?: NatsTls;
  project: string;
  hostName: string;
  leaseMs: number;
  /** For tests (see the file comment); the defaults are in connection.ts. */
  publishTimeoutMs?: number;
  ackWaitMs?: number;
}

export type FederationConfig =
  | { mode: 'off' }
  /** `fix` names the setting to change and how (doctor shows it). */
  | { mode: 'refused'; reason: string; fix: string; displayUrl: string }
  | { mode: 'on'; settings: FederationSettings };

/** How each refusal is fixed: the setting's variable and its `config` key (a value may come from either). */
const FIX = {
  url: 'Set SESSION_BUS_NATS_URL (session-bus config set nats-url nats://host:4222; tls://… for TLS; several comma-separated), or unset it to turn federation off; then session-bus restart',
  project: 'Set SESSION_BUS_PROJECT, or give the repository an origin remote; see the README, Federation',
  lease: 'Set SESSION_BUS_FED_LEASE_MS to a number of milliseconds ≥ 1000 (session-bus config set fed-lease-ms 15000), or unset it for the default 15000; then session-bus restart',
};

/** A project key names NATS subjects, streams and buckets: keep it to what all of them allow. */
const PROJECT_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Reads the federation settings. `gitDir` is the repository's git (common) dir, used to find the
 * origin remote when SESSION_BUS_PROJECT is not set; `origin` may be passed to skip git.
 */
/**
 * `origin` is the remote URL, or how to get it: asked only when federation is on and no project
 * key is set (it runs `git`, which a daemon that does not federate should not pay at start).
 */
export function readFederationConfig(env: NodeJS.ProcessEnv, gitDir: string | undefined, origin: string | undefined | (() => string | undefined) = () => originUrl(gitDir)): FederationConfig {
  const raw = env.SESSION_BUS_NATS_URL?.trim();
  if (!raw) return { mode: 'off' };
  const listed = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const servers = listed.map(redactUrl);
  const displayUrl = servers.join(',');
  // Refused here, with the reason: a URL the client cannot use would be retried forever.
  const badUrl = servers.map(serverUrlProblem).find((p) => p !== undefined);
  if (badUrl) return { mode: 'refused', displayUrl, reason: `SESSION_BUS_NATS_URL ${badUrl}`, fix: FIX.url };
  const override = env.SESSION_BUS_PROJECT?.trim();
  let project: string;
  let remoteUrl: string | undefined;
  if (override) {
    if (!PROJECT_KEY.test(override)) {
      return { mode: 'refused', displayUrl, reason: `SESSION_BUS_PROJECT must be 1-64 letters, digits, "-" or "_", not ${JSON.stringify(override)}`, fix: FIX.project };
    }
    project = override;
  } else if ((remoteUrl = typeof origin === 'function' ? origin() : origin)) {
    project = projectKeyOf(remoteUrl);
  } else {
    return {
      mode: 'refused',
      displayUrl,
      reason: 'no project key: this repository has no "origin" remote. Add one (git remote add origin URL), or set SESSION_BUS_PROJECT to the same key on every host',
      fix: FIX.project,
    };
  }
  // `nats://user:pass@host` or `nats://token@host`, as other NATS tools take them; the variables win.
  const auth: NatsAuth = { ...listed.map(urlAuth).find((a) => a !== undefined) };
  if (env.SESSION_BUS_NATS_USER) auth.user = env.SESSION_BUS_NATS_USER;
  if (env.SESSION_BUS_NATS_PASSWORD) auth.pass = env.SESSION_BUS_NATS_PASSWORD;
  if (env.SESSION_BUS_NATS_TOKEN) auth.token = env.SESSION_BUS_NATS_TOKEN;
  if (env.SESSION_BUS_NATS_CREDS) auth.credsFile = env.SESSION_BUS_NATS_CREDS;
  const tlsFiles: NatsTls = {};
  if (env.SESSION_BUS_NATS_CA) tlsFiles.caFile = env.SESSION_BUS_NATS_CA;
  if (env.SESSION_BUS_NATS_CERT) tlsFiles.certFile = env.SESSION_BUS_NATS_CERT;
  if (env.SESSION_BUS_NATS_KEY) tlsFiles.keyFile = env.SESSION_BUS_NATS_KEY;
  const wantsTls = servers.some((s) => /^tls:\/\//i.test(s)) || Object.keys(tlsFiles).length > 0;
  const leaseRaw = env.SESSION_BUS_FED_LEASE_MS;
  const leaseMs = leaseRaw ? Number(leaseRaw) : DEFAULT_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs < 1000) {
    return { mode: 'refused', displayUrl, reason: `SESSION_BUS_FED_LEASE_MS must be a number of milliseconds ≥ 1000, not ${JSON.stringify(leaseRaw)}`, fix: FIX.lease };
  }
  return {
    mode: 'on',
    settings: {
      servers,
      displayUrl,
      auth,
      ...(wantsTls ? { tls: tlsFiles } : {}),
      project,
      hostName: env.SESSION_BUS_HOST?.trim() || os.hostname(),
      leaseMs,
      ...optionalMs(env, 'SESSION_BUS_FED_PUBLISH_TIMEOUT_MS', 'publishTimeoutMs'),
      ...optionalMs(env, 'SESSION_BUS_FED_ACK_WAIT_MS', 'ackWaitMs'),
    },
  };
}

/** A test's timer (see the file comment): `{ [key]: ms }` when the variable is a positive number, else nothing. */
function optionalMs<K extends string>(env: NodeJS.ProcessEnv, name: string, key: K): { [k in K]?: number } {
  const ms = testOnlyMs(env, name);
  return ms === undefined ? {} : ({ [key]: ms } as { [k in K]?: number });
}

/** `git remote get-url origin` of the repository, or undefined (no git, no remote). */
export function originUrl(gitDir: string | undefined): string | undefined {
  if (!gitDir) return undefined;
  try {
    const out = execFileSync('git', ['--git-dir', gitDir, 'remote', 'get-url', 'origin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * One repository, one key, however each host spells its remote: `git@github.com:team/repo.git`,
 * `ssh://git@github.com/team/repo`, `https://user:token@GitHub.com/team/repo.git/` all become
 * `github.com/team/repo`, hashed.
 */
export function normalizeRemoteUrl(url: string): string {
  let u = url.trim();
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.*)$/.exec(u);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) {
    u = `${scp[1]!.toLowerCase()}/${scp[2]}`;
  } else {
    const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:]+)(?::\d+)?(\/.*)?$/i.exec(u);
    if (m) u = `${m[1]!.toLowerCase()}${m[2] ?? ''}`;
    else u = u.replace(/^file:\/\//i, '');
  }
  return u.replace(/\/+$/, '').replace(/\.git$/i, '').replace(/\/+$/, '');
}

export function projectKeyOf(remoteUrl: string): string {
  return sha256Hex(normalizeRemoteUrl(remoteUrl)).slice(0, 16);
}

function urlAuth(url: string): NatsAuth | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^@/]*)@/i.exec(url);
  if (!m || !m[1]) return undefined;
  const [user, pass] = m[1].split(':', 2).map((x) => decodeURIComponent(x));
  return pass !== undefined ? { user, pass } : { token: user };
}

/** The schemes the NATS client for Node speaks (`host:port` alone means nats://). */
const SCHEMES = new Set(['nats', 'tls']);

/**
 * Why a NATS server URL (credentials already removed) cannot be used, or undefined when it can:
 * `nats://host:4222`, `tls://host:4222`, `host:4222` or `host`. The client strips any scheme and
 * retries an unusable address forever, so it is caught here.
 */
export function serverUrlProblem(url: string): string | undefined {
  const shown = JSON.stringify(url);
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^:/?#]*)(?::([^/?#]*))?([/?#].*)?$/i.exec(url);
  if (!m) return `${shown} is not a NATS URL: write nats://host:4222`;
  const [, scheme, host, port] = m;
  if (scheme !== undefined && !SCHEMES.has(scheme.toLowerCase())) return `${shown}: the scheme must be nats:// or tls://, not ${scheme}://`;
  if (!host) return `${shown} names no host: write nats://host:4222`;
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    return `${shown}: the port must be a number from 1 to 65535, not ${JSON.stringify(port)}`;
  }
  try {
    new URL(`nats://${host}`);
  } catch {
    return `${shown} is not a NATS URL: ${JSON.stringify(host)} is not a host name or address`;
  }
  return undefined;
}

/** A URL fit for status and logs: user, password and token dropped. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}
