/**
 * Starting the daemon: the same node binary, detached, stdio to the daemon's log (never the
 * caller's pipes: an MCP server's stdout is its protocol, a hook's pipes are the host's), unref'd
 * so the caller can exit while the daemon lives on.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Endpoint } from './endpoint.ts';
import type { ProjectLocation } from './project.ts';

/** The daemon entry: beside the running bundle, or the built one when running from source. */
export function daemonEntry(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SESSION_BUS_DAEMON_ENTRY) return env.SESSION_BUS_DAEMON_ENTRY;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'daemon.mjs'), path.resolve(here, '../../plugin/dist/daemon.mjs')];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  return candidates[0]!;
}

export interface SpawnOptions {
  /** A client of this version found an older daemon running: the new daemon replaces it. */
  replaceOlderThan?: string;
}

export function spawnDaemon(location: ProjectLocation, endpoint: Endpoint, env: NodeJS.ProcessEnv = process.env, options: SpawnOptions = {}): number | undefined {
  const out = fs.openSync(endpoint.logPath, 'a', 0o600);
  try {
    const replace = options.replaceOlderThan ? ['--replace-older-than', options.replaceOlderThan] : [];
    const child = spawn(
      process.execPath,
      [daemonEntry(env), '--project', location.projectDir, ...replace],
      { detached: true, stdio: ['ignore', out, out], env, cwd: '/', windowsHide: true },
    );
    child.on('error', () => {
      // Reported by the caller's connect polling, which quotes the log.
    });
    child.unref();
    return child.pid;
  } finally {
    fs.closeSync(out);
  }
}

/** The last lines of the daemon's log, to quote when a start fails. */
export function tailLog(logPath: string, lines = 8): string {
  try {
    const text = fs.readFileSync(logPath, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
