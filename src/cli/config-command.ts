/**
 * `session-bus config [get [KEY]] | set KEY VALUE | unset KEY`: the bus's settings file (see
 * src/place/settings.ts). A value is checked as the daemon would check it before it is written.
 */
import { locateProject } from '../place/project.ts';
import { readSettingsFile, resolveSettings, SETTINGS, settingDef, settingsPath, writeSetting } from '../place/settings.ts';
import { readConfig } from '../place/config.ts';
import { readFederationConfig } from '../daemon/federation/config.ts';
import { daemonIfRunning } from './feed.ts';
import { inert, ONE_LINE } from '../protocol/sanitize.ts';
import { jsonLine, table } from './format.ts';
import type { CommandContext } from './io.ts';
import { UsageError } from './parse.ts';

const KEYS = SETTINGS.map((s) => s.key).join(', ');

export async function config({ project, json, env, out }: CommandContext, words: string[]): Promise<number> {
  const [verb = 'get', key, ...rest] = words;
  const location = locateProject(project);
  const path = settingsPath(location.mailboxDir);
  if (verb === 'get') {
    const file = readSettingsFile(path);
    const { report } = resolveSettings(env, file);
    const wanted = key ? report.filter((r) => r.key === requireKey(key)) : report;
    if (json) out(jsonLine({ path, settings: wanted }));
    else if (key) out(inert(wanted[0]!.value));
    else out(`settings for a daemon started now (file: ${inert(path)}; an environment variable wins over the file)\n${table(['KEY', 'VALUE', 'SOURCE', 'VARIABLE'], wanted.map((r) => [r.key, r.value || '-', r.source, r.env]))}`);
    return 0;
  }
  if (verb !== 'set' && verb !== 'unset') throw new UsageError(`config takes get, set or unset, not ${JSON.stringify(verb)}`);
  if (!key) throw new UsageError(`config ${verb} needs a key: one of ${KEYS}`);
  const def = settingDef(requireKey(key))!;
  const value = verb === 'set' ? rest.join(' ') : undefined;
  if (verb === 'set' && rest.length === 0) throw new UsageError(`config set ${def.key} needs a value (${def.about})`);
  if (value !== undefined) check(def.env, value);
  writeSetting(path, location.mailboxDir, def.key, value);
  const envWins = env[def.env] !== undefined && env[def.env] !== '';
  const conn = await daemonIfRunning(project, env);
  let running: string | undefined;
  if (conn) {
    const s = await conn.client.request('status', {});
    conn.client.close();
    const now = s.settings?.find((r) => r.key === def.key);
    running = `the running daemon (pid ${s.pid}) has ${def.key}=${now ? `${inert(now.value || '-')} (${now.source})` : '?'}; \`session-bus restart\` applies the file`;
  }
  if (json) out(jsonLine({ path, key: def.key, value: value ?? null, envOverrides: envWins, daemonPid: conn?.hello.pid ?? null }));
  else {
    out(value === undefined ? `removed ${def.key} from ${inert(path)}` : `set ${def.key}=${inert(value)} in ${inert(path)}`);
    if (envWins) out(`note: ${def.env} is set in this shell and wins over the file for daemons started from here`);
    if (running) out(running);
  }
  return 0;
}

function requireKey(key: string): string {
  const def = settingDef(key);
  if (!def) throw new UsageError(`no setting ${JSON.stringify(key)}; the settings are ${KEYS}`);
  return def.key;
}

/** Beside the value: a server and a project key, as federation checks its settings only when on. */
const FEDERATION_PROBE: NodeJS.ProcessEnv = { SESSION_BUS_NATS_URL: 'nats://127.0.0.1:4222', SESSION_BUS_PROJECT: 'probe' };

/**
 * The daemon's own checks, run here so a bad value never reaches the file: the ones that stop
 * its start, and the ones that turn federation off (it says why in status, but the value is as
 * wrong).
 */
function check(envName: string, value: string): void {
  // A setting is a line people read back (config, status, doctor): none of the characters that
  // could pose as layout or hide text. A file written by hand may still hold them: shown inert.
  if (!ONE_LINE.test(value)) throw new UsageError(`${envName} cannot hold control, line-separator or bidi characters: ${inert(JSON.stringify(value))}`);
  try {
    readConfig({ [envName]: value });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  // Empty is as unset: the default (no federation, the origin's key, the default lease). A setting
  // federation does not read leaves its rules satisfied.
  if (value.trim() === '') return;
  const federation = readFederationConfig({ ...FEDERATION_PROBE, [envName]: value }, undefined, undefined);
  if (federation.mode === 'refused') throw new UsageError(federation.reason);
}
