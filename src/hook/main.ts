/**
 * The plugin's hook command, one process per event:
 *   SessionStart      a short briefing: who is here, what is claimed, what is unread
 *   UserPromptSubmit  this session's unread peer messages
 *   PostToolUse       the same, between tool calls (started by the hook command only when the
 *                     broker's pending marker for this Claude process exists)
 *   SessionEnd        the session is over: its claims end now (one quick message, no daemon start)
 *   PreToolUse        the collision guard before an edit tool: refused when another session's
 *                     claim covers the file, asked when another session in the same worktree
 *                     changed it and has not committed (guard-edit.ts; no daemon start)
 *   RecordEdit        (PostToolUse of an edit tool, with company) the files join the working set
 * Output is `additionalContext` for the model.
 *
 * It never blocks or breaks a prompt: on any failure, or when the broker does not answer within
 * the deadline, it exits 0 with no output and writes why to the daemon's log.
 * Bundled without SDK, zod or pino: it starts on every prompt.
 */
import { fstatSync, readFileSync } from 'node:fs';
import { connectExisting, connectOrSpawn } from '../client/connect.ts';
import { endpointFor } from '../place/endpoint.ts';
import { claudeIdentity } from '../place/identity.ts';
import { locateProject } from '../place/project.ts';
import { receive } from '../client/receive.ts';
import type { DeliveryPath, PeekResult } from '../protocol/messages.ts';
import { editDecision, editedPaths, guardPolicy, hookOutput } from './guard-edit.ts';
import { hookLog } from './log.ts';
import { CONTEXT_BUDGET_CHARS, renderBriefing, renderDelivery } from '../display/render.ts';

/** The broker answers in about a millisecond; a cold start of the daemon takes a few hundred. */
const DEFAULT_DEADLINE_MS = 2000;
/** All SessionEnd hooks share about 1.5 s: ours must fit well inside. */
const SESSION_END_DEADLINE_MS = 700;

interface HookInput {
  session_id?: string;
  tool_name?: string;
  tool_input?: unknown;
  cwd?: string;
  hook_event_name?: string;
  source?: string;
  reason?: string;
}

let logPath: string | undefined;

let guard: NodeJS.Timeout | undefined;

/**
 * What this hook will print once its ack is recorded. Past the deadline with the ack sent but
 * unanswered it is printed anyway: the ack may yet land, and shown twice beats never shown.
 */
let unacked: { event: string; text: string } | undefined;

/** Whatever happens, this process is gone by the deadline, silently (or with what it received). */
function armDeadline(event: string, deadlineMs: number): void {
  if (guard) clearTimeout(guard);
  guard = setTimeout(() => {
    hookLog(logPath, 'warn', `${event}: no answer from the broker within ${deadlineMs} ms; going on without the bus`);
    if (unacked) emit(unacked.event, unacked.text);
    process.exit(0);
  }, deadlineMs);
  guard.unref();
}

async function main(): Promise<void> {
  let deadlineMs = Number(process.env.SESSION_BUS_HOOK_TIMEOUT_MS) || DEFAULT_DEADLINE_MS;
  armDeadline(process.argv[2] ?? 'hook', deadlineMs);
  const input = JSON.parse(readStdin()) as HookInput;
  const event = input.hook_event_name ?? process.argv[2] ?? 'hook';
  if (event === 'SessionEnd') deadlineMs = Math.min(deadlineMs, SESSION_END_DEADLINE_MS);
  armDeadline(event, deadlineMs);

  if (event !== 'UserPromptSubmit' && event !== 'PostToolUse' && event !== 'SessionStart' && event !== 'SessionEnd' && event !== 'PreToolUse') return;
  const projectDir = process.env.CLAUDE_PROJECT_DIR || input.cwd || process.cwd();
  const sessionId = input.session_id || process.env.CLAUDE_CODE_SESSION_ID;
  try {
    logPath = endpointFor(locateProject(projectDir).busRoot).logPath;
  } catch {
    // Reported below by connect with its own words.
  }
  if (!sessionId) {
    hookLog(logPath, 'warn', `${event}: no session id on stdin or in CLAUDE_CODE_SESSION_ID; nothing done`);
    return;
  }
  const who = claudeIdentity(sessionId, Number(process.env.CLAUDE_PID) || 0, projectDir);
  const backfill = Number(process.env.SESSION_BUS_BACKFILL_MIN) || 0;
  const backfillMinutes = backfill > 0 ? backfill : undefined;

  if (process.argv[2] === 'RecordEdit') {
    // After an edit tool ran, while another session is here: its files join the working set.
    const paths = editedPaths(input.tool_name, input.tool_input);
    if (paths.length === 0) return;
    const conn = await connectExisting(projectDir, { timeoutMs: deadlineMs });
    await conn.client.request('recordEdit', { ...who, paths, tool: String(input.tool_name) }, deadlineMs);
    return;
  }

  if (event === 'PreToolUse') {
    // The guard never starts a daemon, and on any failure lets the tool run (main's catch).
    const policy = guardPolicy(process.env.SESSION_BUS_GUARD);
    const paths = editedPaths(input.tool_name, input.tool_input);
    if (policy === 'off' || paths.length === 0) return;
    const conn = await connectExisting(projectDir, { timeoutMs: deadlineMs });
    const found = await conn.client.request('checkEdit', { ...who, paths, tool: String(input.tool_name), record: policy !== 'warn' }, deadlineMs);
    const decided = editDecision(found, policy, Date.now());
    if (decided) process.stdout.write(JSON.stringify(hookOutput(decided)));
    return;
  }

  if (event === 'SessionEnd') {
    // Never start a daemon to say goodbye to it.
    const conn = await connectExisting(projectDir, { timeoutMs: deadlineMs });
    await conn.client.request('end', { ...who, reason: input.reason }, deadlineMs);
    return;
  }

  // The connection is never closed here: process.exit right after main() closes it, and an
  // orderly close would cost a few milliseconds on every prompt.
  const started = Date.now();
  const connect = () => connectOrSpawn(projectDir, { timeoutMs: Math.max(1, started + deadlineMs - Date.now()) });
  const conn = await connect();
  const receiveOptions = (via: DeliveryPath, render: (b: PeekResult) => string) => ({
    maxChars: CONTEXT_BUDGET_CHARS,
    backfillMinutes,
    via,
    deadline: started + deadlineMs,
    reconnect: connect,
    onPeeked: (b: PeekResult) => {
      unacked = { event, text: render(b) };
    },
  });
  if (event === 'SessionStart') {
    const b = await conn.client.request('brief', { ...who, backfillMinutes }, deadlineMs);
    const compose = (d?: PeekResult) => {
      const shown = d !== undefined && d.messages.length > 0;
      const text = renderBriefing(b, Date.now(), { self: who.sessionId, following: shown });
      return shown ? `${text}\n${renderDelivery(d.messages, d.remaining)}` : text;
    };
    const d = backfillMinutes && b.unread > 0 ? await receive(conn, who, receiveOptions('start', compose)) : undefined;
    emit('SessionStart', compose(d));
    return;
  }
  const via = event === 'PostToolUse' ? 'tool' : 'prompt';
  const { messages, remaining } = await receive(conn, who, receiveOptions(via, (d) => renderDelivery(d.messages, d.remaining)));
  if (messages.length > 0) emit(event, renderDelivery(messages, remaining));
}

function emit(hookEventName: string, additionalContext: string): void {
  unacked = undefined;
  if (!additionalContext) return;
  process.stdout.write(JSON.stringify({ hookSpecificOutput: { hookEventName, additionalContext } }));
}

/**
 * Synchronous on purpose: setting up process.stdin as a stream costs about a tenth of a Node
 * start, paid on every prompt. The host writes the event and closes the pipe; a terminal (a
 * human trying the command) gets an empty event instead of a read that waits for ever.
 */
function readStdin(): string {
  if (fstatSync(0).isCharacterDevice()) return '{}';
  return readFileSync(0, 'utf8');
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    const what = process.argv[2] === 'PreToolUse' ? 'the edit goes ahead unchecked' : 'going on without bus messages';
    hookLog(logPath, 'warn', `hook failed; ${what}: ${err.message}`);
    process.exit(0);
  },
);
