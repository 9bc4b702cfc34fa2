/**
 * The plugin's hook command, one process per event:
 *   SessionStart      a short briefing: who is here, what is claimed, what is unread
 *   UserPromptSubmit  this session's unread peer messages
 *   PostToolUse       the same, between tool calls (started by the hook command only when the
 *                     broker's pending marker for this Claude process exists)
 *   SessionEnd        the session is over: its claims end now (one quick message, no daemon start)
 * Output is `additionalContext` for the model.
 *
 * It never blocks or breaks a prompt: on any failure, or when the broker does not answer within
 * the deadline, it exits 0 with no output and writes why to the daemon's log.
 * Bundled without SDK, zod or pino: it starts on every prompt.
 */
import { connectExisting, connectOrSpawn } from '../client/connect.ts';
import { endpointFor } from '../place/endpoint.ts';
import { claudeIdentity } from '../place/identity.ts';
import { locateProject, type ProjectLocation } from '../place/project.ts';
import { receive } from '../client/receive.ts';
import type { DeliveryPath, PeekResult } from '../protocol/messages.ts';
import { hookDeadlineMs } from './deadline.ts';
import { hookLog } from './log.ts';
import { readStdin } from './stdin.ts';
import { CONTEXT_BUDGET_CHARS, renderBriefing, renderDelivery } from '../display/render.ts';

/** All SessionEnd hooks share about 1.5 s: ours must fit well inside. */
const SESSION_END_DEADLINE_MS = 700;

interface HookInput {
  session_id?: string;
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
  let deadlineMs = hookDeadlineMs();
  armDeadline(process.argv[2] ?? 'hook', deadlineMs);
  const input = JSON.parse(readStdin()) as HookInput;
  const event = input.hook_event_name ?? process.argv[2] ?? 'hook';
  if (event === 'SessionEnd') deadlineMs = Math.min(deadlineMs, SESSION_END_DEADLINE_MS);
  armDeadline(event, deadlineMs);

  if (event !== 'UserPromptSubmit' && event !== 'PostToolUse' && event !== 'SessionStart' && event !== 'SessionEnd') return;
  const projectDir = process.env.CLAUDE_PROJECT_DIR || input.cwd || process.cwd();
  const sessionId = input.session_id || process.env.CLAUDE_CODE_SESSION_ID;
  let location: ProjectLocation | undefined;
  try {
    location = locateProject(projectDir);
    logPath = endpointFor(location.busRoot).logPath;
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

  if (event === 'SessionEnd') {
    // Never start a daemon to say goodbye to it.
    const conn = await connectExisting(projectDir, { timeoutMs: deadlineMs });
    await conn.client.request('end', { ...who, reason: input.reason }, deadlineMs);
    return;
  }

  // The connection is never closed here: process.exit right after main() closes it, and an
  // orderly close would cost a few milliseconds on every prompt.
  const started = Date.now();
  const connect = () => connectOrSpawn(projectDir, { location, timeoutMs: Math.max(1, started + deadlineMs - Date.now()) });
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

main().then(
  () => process.exit(0),
  (err: Error) => {
    hookLog(logPath, 'warn', `hook failed; going on without bus messages: ${err.message}`);
    process.exit(0);
  },
);
