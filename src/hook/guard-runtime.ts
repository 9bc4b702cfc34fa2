/**
 * What both guard hook commands do first (guard-main.ts for edits, git-guard-main.ts for Bash):
 * the deadline, the policy, the event, the session, a connection to a daemon that runs (never a
 * new one), and the one way out on failure: exit 0, no output (the tool runs), the reason logged.
 */
import type { Connection } from '../client/connect.ts';
import { endpointFor } from '../place/endpoint.ts';
import { claudeIdentity } from '../place/identity.ts';
import { locateProject } from '../place/project.ts';
import type { SessionIdentity } from '../protocol/messages.ts';
import { guardPolicy, type GuardPolicy } from './guard-edit.ts';
import { hookDeadlineMs } from './deadline.ts';
import { hookLog } from './log.ts';
import { readStdin } from './stdin.ts';
import { parseGuardMarker, type GuardMarker } from '../place/guard-marker.ts';
import { guardMarkerPath } from '../place/markers.ts';
import { readFileSync } from 'node:fs';

function readMarker(file: string): GuardMarker | undefined {
  try {
    return parseGuardMarker(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export interface GuardInput {
  session_id?: string;
  cwd?: string;
  tool_name?: string;
  tool_input?: unknown;
}

export interface GuardContext {
  input: GuardInput;
  who: SessionIdentity;
  policy: GuardPolicy;
  deadlineMs: number;
  /** The repository's bus root (a real path), as the daemon knows it. */
  busRoot: string;
  /** This session's guard marker as the daemon last wrote it; undefined when missing or not understood. */
  marker(): GuardMarker | undefined;
  connect(): Promise<Pick<Connection, 'client'>>;
  log(msg: string): void;
}

/** Runs `guard` with what it needs, or not at all (policy off, no session id); always exits 0. */
export function runGuard(guard: (g: GuardContext) => Promise<void>): void {
  let logPath: string | undefined;
  const deadlineMs = hookDeadlineMs();
  setTimeout(() => {
    hookLog(logPath, 'warn', `guard: no answer from the broker within ${deadlineMs} ms; the tool runs unchecked`);
    process.exit(0);
  }, deadlineMs).unref();
  const start = async () => {
    const policy = guardPolicy(process.env.SESSION_BUS_GUARD);
    if (policy === 'off') return;
    const input = JSON.parse(readStdin()) as GuardInput;
    const projectDir = process.env.CLAUDE_PROJECT_DIR || input.cwd || process.cwd();
    const { busRoot } = locateProject(projectDir);
    const endpoint = endpointFor(busRoot);
    logPath = endpoint.logPath;
    const sessionId = input.session_id || process.env.CLAUDE_CODE_SESSION_ID;
    if (!sessionId) return;
    const who = claudeIdentity(sessionId, Number(process.env.CLAUDE_PID) || 0, projectDir);
    const marker = () => (who.pid > 0 ? readMarker(guardMarkerPath(endpoint.dir, who.pid)) : undefined);
    await guard({ input, who, policy, deadlineMs, busRoot, marker, connect: async () => {
        // Loaded when asked for: most checks end before a connection (the marker, a line whose
        // git only reads), and the socket client brings node:net and its streams (~5 ms).
        const { connectRunning } = await import('../client/connect.ts');
        return connectRunning(projectDir, deadlineMs, busRoot);
      }, log: (msg) => hookLog(logPath, 'warn', msg) });
  };
  start().then(
    () => process.exit(0),
    (err: Error) => {
      hookLog(logPath, 'warn', `guard failed; the tool runs unchecked: ${err.message}`);
      process.exit(0);
    },
  );
}
