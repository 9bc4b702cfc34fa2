/**
 * `session-bus statusline`: one short line for Claude Code's `statusLine` setting — peers here,
 * this session's unread count, claims held by others. It runs on every refresh, so it starts no
 * daemon (with none running it says so), asks one question (`status`), and gives up silently
 * after a hook-sized deadline rather than hold the bar.
 */
import { fstatSync, readFileSync } from 'node:fs';
import { connectExisting } from '../client/connect.ts';
import type { StatusResult } from '../protocol/messages.ts';
import { EndpointError } from '../place/endpoint.ts';
import { inert } from '../protocol/sanitize.ts';
import { safe } from './format.ts';
import { truncate } from './width.ts';

/** Like the hooks': the bus answers in a millisecond; past this the bar shows nothing new. */
const DEADLINE_MS = 1000;
/** One short line: the status bar shares its row with the host's own. */
const MAX_CELLS = 60;

interface StatusLineInput {
  session_id?: string;
  cwd?: string;
  workspace?: { project_dir?: string; current_dir?: string };
}

/** The line for a status reply, as `sessionId` sees it. Pure. */
export function statusLine(s: StatusResult | undefined, sessionId: string | undefined): string {
  if (!s) return 'bus: not running';
  const me = s.sessions.find((x) => x.sessionId === sessionId);
  const peers = s.sessions.filter((x) => x.connected && x !== me && !x.label.startsWith('human:')).length + s.federation.hosts.reduce((n, h) => n + h.sessions.length, 0);
  const others = s.claims.filter((c) => c.holder !== sessionId);
  const parts = [`bus: ${peers} peer${peers === 1 ? '' : 's'}`, `${me?.queueDepth ?? 0} unread`];
  const holder = (c: (typeof others)[number]) => safe(c.host ? `${c.label}@${c.host}` : c.label);
  if (others.length === 1) parts.push(`${safe(others[0]!.resource)} held by ${holder(others[0]!)}`);
  else if (others.length > 1) parts.push(`${others.length} claims by others: ${others.map((c) => safe(c.resource)).join(', ')}`);
  return truncate(parts.join(' · '), MAX_CELLS);
}

/** Synchronous, and without touching process.stdin: making it a stream costs a tenth of a Node start. */
function readInput(): StatusLineInput {
  // Run by hand in a terminal: no JSON is coming, and reading would wait for Ctrl-D.
  if (fstatSync(0).isCharacterDevice()) return {};
  try {
    return JSON.parse(readFileSync(0, 'utf8')) as StatusLineInput;
  } catch {
    return {};
  }
}

const USAGE = 'session-bus statusline [--project DIR]';

/**
 * Its arguments, read here and not by the full CLI's parser (which this small bundle does not
 * load): `--project DIR` (a person trying it from a shell), `--help`; anything else is a usage error. Pure.
 */
export function statuslineArgs(args: readonly string[]): { project?: string } | { exit: 0 | 2; text: string } {
  if (args.length === 0) return {};
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    return { exit: 0, text: `${USAGE}\n  One short line for Claude Code's statusLine setting; see \`session-bus help statusline\`.\n` };
  }
  if (args.length === 2 && args[0] === '--project' && args[1]) return { project: args[1] };
  if (args.length === 1 && args[0]!.startsWith('--project=') && args[0]!.length > '--project='.length) return { project: args[0]!.slice('--project='.length) };
  return { exit: 2, text: `session-bus: statusline takes only --project DIR (Claude Code passes its JSON on stdin), not ${inert(JSON.stringify(args.join(' ')))}\nRun \`session-bus help statusline\` for usage.\n` };
}

export async function main(args: readonly string[] = process.argv.slice(3)): Promise<void> {
  const parsed = statuslineArgs(args);
  if ('exit' in parsed) {
    (parsed.exit === 0 ? process.stdout : process.stderr).write(parsed.text);
    process.exitCode = parsed.exit;
    return;
  }
  // Whatever happens, the bar is not held: print what we have and go.
  setTimeout(() => process.exit(0), DEADLINE_MS).unref();
  const input = readInput();
  const project = parsed.project ?? (process.env.CLAUDE_PROJECT_DIR || input.workspace?.project_dir || input.cwd || process.cwd());
  const sessionId = input.session_id || process.env.CLAUDE_CODE_SESSION_ID;
  let status: StatusResult | undefined;
  try {
    const conn = await connectExisting(project, { timeoutMs: DEADLINE_MS });
    status = await conn.client.request('status', {}, DEADLINE_MS);
    conn.client.close();
  } catch (err) {
    // No socket can be named (a relative SESSION_BUS_SOCKET_DIR, a path too long): not "not running".
    if (err instanceof EndpointError) return void process.stdout.write('bus: check SESSION_BUS_SOCKET_DIR (session-bus doctor)\n');
    // No daemon, or one that does not answer: the line says "not running".
  }
  process.stdout.write(`${statusLine(status, sessionId)}\n`);
}
