/**
 * The host's own inbox socket (Claude Code 2.1.224+): a child may post into its own session by
 * connecting to CLAUDE_CODE_MESSAGING_SOCKET and writing an auth line and a user message. A busy
 * session sees it at its next tool round; an idle one starts a new turn with it.
 */
import * as net from 'node:net';

/** Posting is local and small; past this something is wrong and the hooks take over. */
const POST_TIMEOUT_MS = 2000;
/** How long a posted connection may stay open waiting for the host to close it. */
const LINGER_MS = 5000;

export interface HostInbox {
  post(text: string): Promise<void>;
}

export function hostInboxFromEnv(env: NodeJS.ProcessEnv): HostInbox | undefined {
  const socketPath = env.CLAUDE_CODE_MESSAGING_SOCKET;
  const token = env.CLAUDE_CODE_MESSAGING_TOKEN;
  if (!socketPath || !token) return undefined;
  return { post: (text) => post(socketPath, token, text) };
}

function post(socketPath: string, token: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.createConnection(socketPath);
    const timer = setTimeout(() => {
      s.destroy();
      reject(new Error(`host inbox did not take the message within ${POST_TIMEOUT_MS} ms`));
    }, POST_TIMEOUT_MS);
    s.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    s.on('connect', () => {
      s.end(JSON.stringify({ type: 'auth', token }) + '\n' + JSON.stringify({ type: 'user', message: { role: 'user', content: text } }) + '\n');
    });
    // Written and flushed: the host has it. Never destroy here: a reset could make the host
    // drop what it has not read yet. Let it close its side; only a host that never does is cut.
    s.on('finish', () => {
      clearTimeout(timer);
      resolve();
      setTimeout(() => s.destroy(), LINGER_MS).unref();
    });
    s.resume();
  });
}
