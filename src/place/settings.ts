/**
 * The bus's settings home: `settings.json` beside the mailbox, read by every daemon of the bus
 * whoever starts it, and written by `session-bus config set`. An environment variable still
 * wins over the file (a one-off override), and status says where each value came from.
 * Secrets (NATS passwords, tokens, key files) stay in the environment: the file holds none.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SettingReport } from '../protocol/messages.ts';
import { readConfig } from './config.ts';

export interface SettingDef {
  key: string;
  env: string;
  default: string;
  about: string;
}

/** The daemon's settings (the hooks and the MCP server read their own variables). */
export const SETTINGS: readonly SettingDef[] = [
  { key: 'idle-ms', env: 'SESSION_BUS_IDLE_MS', default: '1800000', about: 'the daemon exits after this long with no clients' },
  { key: 'fsync', env: 'SESSION_BUS_FSYNC', default: 'interval', about: '"interval" or "always" (see the durability promise)' },
  { key: 'retain-count', env: 'SESSION_BUS_RETAIN_COUNT', default: '10000', about: 'messages kept in the mailbox' },
  { key: 'retain-days', env: 'SESSION_BUS_RETAIN_DAYS', default: '7', about: 'days messages are kept' },
  { key: 'grace-ms', env: 'SESSION_BUS_GRACE_MS', default: '5000', about: "a live session gone this long has left: its claims end" },
  { key: 'nats-url', env: 'SESSION_BUS_NATS_URL', default: '', about: 'NATS server(s) for federation; empty: off' },
  { key: 'project', env: 'SESSION_BUS_PROJECT', default: '', about: 'federation project key; default: hash of the origin remote' },
  { key: 'host', env: 'SESSION_BUS_HOST', default: '', about: "this host's name for other hosts; default: the hostname" },
  { key: 'fed-lease-ms', env: 'SESSION_BUS_FED_LEASE_MS', default: '15000', about: "a silent host's presence and claims expire after this long" },
];

export const SETTINGS_FILE = 'settings.json';

export function settingsPath(mailboxDir: string): string {
  return join(mailboxDir, SETTINGS_FILE);
}

/** The settings of the bus whose mailbox dir this is: this environment over its settings file (which may throw, naming the file). */
export function settingsFor(mailboxDir: string, env: NodeJS.ProcessEnv): ReturnType<typeof resolveSettings> {
  return resolveSettings(env, readSettingsFile(settingsPath(mailboxDir)));
}

/** What would stop a daemon started now for this bus from starting, in the daemon's own words. */
export interface SettingsProblem {
  message: string;
  /** The file itself (not JSON, unreadable), not one of its values: set and unset cannot mend it. */
  file: boolean;
}

/**
 * What would stop a daemon started now for this bus (a settings file it cannot read, a value it
 * refuses); undefined when nothing would. The CLI says it before it spawns one, or stops one to
 * restart it, and doctor names it.
 */
export function startSettingsProblem(mailboxDir: string, env: NodeJS.ProcessEnv): SettingsProblem | undefined {
  let file: Record<string, string>;
  try {
    file = readSettingsFile(settingsPath(mailboxDir));
  } catch (err) {
    return { message: (err as Error).message, file: true };
  }
  try {
    readConfig(resolveSettings(env, file).env);
    return undefined;
  } catch (err) {
    return { message: (err as Error).message, file: false };
  }
}

export function settingDef(key: string): SettingDef | undefined {
  return SETTINGS.find((s) => s.key === key || s.env === key);
}

/** The file's values by key; a file that is missing is empty, one that cannot be read or is not JSON an error naming it. */
export function readSettingsFile(path: string): Record<string, string> {
  // A file this process cannot even see counts as none: another user's CLI on this project (run
  // with a folder it may not enter) must get to the socket dir's refusal, which names the fault.
  if (!existsSync(path)) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`the settings file ${path} cannot be read (${code === 'EISDIR' ? 'EISDIR: it is a folder' : (code ?? (err as Error).message)}); fix it or remove it`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`the settings file ${path} is not valid JSON (${(err as Error).message}); fix it or remove it`);
  }
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries((parsed ?? {}) as Record<string, unknown>)) {
    if (settingDef(k) && (typeof v === 'string' || typeof v === 'number')) values[settingDef(k)!.key] = String(v);
  }
  return values;
}

/** Writes one value (undefined removes it), atomically, private to the user. */
export function writeSetting(path: string, mailboxDir: string, key: string, value: string | undefined): void {
  const values = readSettingsFile(path);
  if (value === undefined) delete values[key];
  else values[key] = value;
  mkdirSync(mailboxDir, { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(values, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

/** Credentials in a NATS URL are never shown. */
function shown(def: SettingDef, value: string): string {
  return def.key === 'nats-url' ? value.replace(/\/\/[^@/]*@/g, '//***@') : value;
}

/**
 * The settings in force for a process with `env` and this file: the environment where a
 * variable is set (non-empty), else the file, else the default. Returns the environment to run
 * with (file values filled in) and where each value came from.
 */
export function resolveSettings(env: NodeJS.ProcessEnv, file: Record<string, string>): { env: NodeJS.ProcessEnv; report: SettingReport[] } {
  const out: NodeJS.ProcessEnv = { ...env };
  const report: SettingReport[] = [];
  for (const def of SETTINGS) {
    const fromEnv = env[def.env];
    if (fromEnv !== undefined && fromEnv !== '') {
      report.push({ key: def.key, env: def.env, value: shown(def, fromEnv), source: 'env' });
    } else if (file[def.key] !== undefined) {
      out[def.env] = file[def.key];
      report.push({ key: def.key, env: def.env, value: shown(def, file[def.key]!), source: 'file' });
    } else {
      report.push({ key: def.key, env: def.env, value: def.default, source: 'default' });
    }
  }
  return { env: out, report };
}
