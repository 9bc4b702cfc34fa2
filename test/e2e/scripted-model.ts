/**
 * A scripted model for the stand-in: prompts say what the "model" should do, in brackets.
 *   BROADCAST[text]  TO[label]  CLAIM[resource]  RELEASE[resource]  PEERS[]  INBOX[]  BASH[command]
 *   WRITE[absolute path|content]
 * The first request of a turn gets the tool call; once its result is back, a text answer.
 */
import { hasToolResult, lastUserText, type MessagesRequest, type Reply } from './fake-anthropic.ts';
import { TOOL_PREFIX } from './claude.ts';

export function scriptedModel(req: MessagesRequest): Reply {
  if (!req.tools?.length) return { text: 'title' };
  if (hasToolResult(req)) return { text: 'done' };
  const prompt = promptText(req);
  const cmd = /(BROADCAST|CLAIM|RELEASE|PEERS|INBOX|CLAIMS|BASH|WRITE)\[([^\]]*)\]/.exec(prompt);
  if (!cmd) return { text: 'ok' };
  const [, verb, arg] = cmd;
  const to = /TO\[([^\]]*)\]/.exec(prompt)?.[1];
  switch (verb) {
    case 'BROADCAST':
      return { tool: `${TOOL_PREFIX}broadcast`, input: to ? { text: arg, to: [to] } : { text: arg } };
    case 'CLAIM':
      return { tool: `${TOOL_PREFIX}claim`, input: { resource: arg } };
    case 'RELEASE':
      return { tool: `${TOOL_PREFIX}release`, input: { resource: arg } };
    case 'WRITE': {
      const [file, content = ''] = arg!.split('|');
      return { tool: 'Write', input: { file_path: file, content } };
    }
    case 'BASH':
      return { tool: 'Bash', input: { command: arg, description: 'run a command' } };
    case 'CLAIMS':
      return { tool: `${TOOL_PREFIX}claims`, input: {} };
    case 'PEERS':
      return { tool: `${TOOL_PREFIX}peers`, input: {} };
    default:
      return { tool: `${TOOL_PREFIX}inbox`, input: {} };
  }
}

/** The user's typed prompt in the newest user turn (not the hook context or reminders). */
export function promptText(req: MessagesRequest): string {
  const last = [...req.messages].reverse().find((m) => m.role === 'user');
  if (!last) return '';
  if (typeof last.content === 'string') return last.content;
  const blocks = last.content as { type: string; text?: string }[];
  return blocks
    .filter((b) => b.type === 'text' && b.text && !b.text.startsWith('<system-reminder>'))
    .map((b) => b.text)
    .join('\n');
}

/** The tool_result texts in the newest user turn. */
export function toolResults(req: MessagesRequest): string {
  return lastUserText(req);
}
