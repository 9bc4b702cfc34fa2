/**
 * The plugin's hook command. Reads the host's JSON on stdin and, for UserPromptSubmit, delivers
 * this session's unread peer messages as additionalContext.
 *
 * It never blocks or breaks a prompt: on any failure, or when the broker does not answer within
 * the deadline, it exits 0 with no output and writes why to the daemon's log.
 * Bundled without SDK, zod or pino: it starts on every prompt.
 */
import { connectOrSpawn } from '../client/connect.ts';
import { endpointFor } from '../client/endpoint.ts';
import { claudeIdentity } from '../client/identity.ts';
import { locateProject } from '../client/project.ts';
import { hookLog } from './log.ts';
import { CONTEXT_BUDGET_CHARS, renderDelivery } from './render.ts';

/** The broker answers in about a millisecond; a cold start of the daemon takes a few hundred. */
const DEFAULT_DEADLINE_MS = 2000;

interface HookInput {
  session_id?: string;
  cwd?: string;
  hook_event_name?: string;
}

let logPath: string | undefined;

async function main(): Promise<void> {
  const deadlineMs = Number(process.env.SESSION_BUS_HOOK_TIMEOUT_MS) || DEFAULT_DEADLINE_MS;
  const guard = setTimeout(() => {
    hookLog(logPath, 'warn', `no answer from the broker within ${deadlineMs} ms; prompt goes on without bus messages`);
    process.exit(0);
  }, deadlineMs);
  guard.unref();

  const input = JSON.parse(await readStdin()) as HookInput;
  const event = input.hook_event_name ?? process.argv[2];
  if (event !== 'UserPromptSubmit') return;
  const projectDir = process.env.CLAUDE_PROJECT_DIR || input.cwd || process.cwd();
  const sessionId = input.session_id || process.env.CLAUDE_CODE_SESSION_ID;
  if (!sessionId) {
    hookLog(logPath, 'warn', 'no session id on stdin or in CLAUDE_CODE_SESSION_ID; nothing delivered');
    return;
  }
  try {
    logPath = endpointFor(locateProject(projectDir).busRoot).logPath;
  } catch {
    // Reported below by connectOrSpawn with its own words.
  }
  const who = claudeIdentity(sessionId, Number(process.env.CLAUDE_PID) || 0, projectDir);
  const backfill = Number(process.env.SESSION_BUS_BACKFILL_MIN) || 0;
  const conn = await connectOrSpawn(projectDir, { timeoutMs: deadlineMs });
  try {
    const { messages, remaining } = await conn.client.request(
      'drain',
      { ...who, maxChars: CONTEXT_BUDGET_CHARS, backfillMinutes: backfill > 0 ? backfill : undefined },
      deadlineMs,
    );
    if (messages.length === 0) return;
    const out = { hookSpecificOutput: { hookEventName: 'UserPromptSubmit', additionalContext: renderDelivery(messages, remaining) } };
    process.stdout.write(JSON.stringify(out));
  } finally {
    conn.client.close();
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    hookLog(logPath, 'warn', `hook failed; prompt goes on without bus messages: ${err.message}`);
    process.exit(0);
  },
);
