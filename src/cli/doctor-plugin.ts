/**
 * The plugin half of `session-bus doctor`: find the plugin folder and a `claude` binary, run
 * `claude plugin validate` on it, and judge its output.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Check } from './doctor-checks.ts';

/** `claude plugin validate` takes a few seconds on a cold start; a minute means it hangs. */
const VALIDATE_TIMEOUT_MS = 60_000;

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

export function runValidate(claude: string, plugin: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string; timedOut: boolean }> {
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
