/**
 * Who a client speaks for, and the label peers see. Read from files, never by running git: the
 * hook pays for every millisecond on every prompt.
 */
import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { notAPerson } from '../protocol/labels.ts';
import { MAX_LABEL_CHARS } from '../protocol/limits.ts';
import { shortId, type SessionIdentity } from '../protocol/messages.ts';
import { oneLine } from '../protocol/sanitize.ts';
import { gitBranch } from './git-files.ts';

/**
 * `<branch or folder>#<short id>`: one line (a folder name may hold newlines, which the daemon
 * refuses in a label), and never a person's label, even for a folder named `human:alice`.
 */
export function sessionLabel(dir: string, sessionId: string): string {
  const where = notAPerson(oneLine(gitBranch(dir) ?? basename(resolve(dir))));
  const id = shortId(sessionId);
  return `${where.slice(0, MAX_LABEL_CHARS - id.length - 1)}#${id}`;
}

/**
 * The identity of a Claude Code session's client. `hostPid` is the Claude Code process: the MCP
 * server's parent, or CLAUDE_PID in a hook. Together with the id it keeps a session's own
 * messages its own after `/clear` gives hooks a new id.
 */
export function claudeIdentity(sessionId: string, hostPid: number, dir: string): SessionIdentity {
  return { sessionId, pid: hostPid, label: sessionLabel(dir, sessionId), cwd: resolve(dir) };
}

/** A person at a terminal: `human:<user>`. Pid 0: it is no Claude process and filters nobody's own. */
export function humanIdentity(dir: string): SessionIdentity {
  let user = 'human';
  try {
    user = userInfo().username || user;
  } catch {
    // No passwd entry (containers).
  }
  return { sessionId: `human:${user}`, pid: 0, label: `human:${user}`, cwd: resolve(dir) };
}
