/**
 * Who a client speaks for, and the label peers see. Read from files, never by running git: the
 * hook pays for every millisecond on every prompt.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_LABEL_CHARS } from '../protocol/limits.ts';
import { shortId, type SessionIdentity } from '../protocol/messages.ts';

/** The branch checked out in `dir`'s worktree, a short sha when detached, undefined outside git. */
export function gitBranch(dir: string): string | undefined {
  const gitDir = findGitDir(dir);
  if (!gitDir) return undefined;
  try {
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    const ref = /^ref: refs\/heads\/(.+)$/.exec(head);
    if (ref) return ref[1];
    return /^[0-9a-f]{7,}$/.test(head) ? head.slice(0, 7) : undefined;
  } catch {
    return undefined;
  }
}

/** The worktree's git dir: `.git` itself, or where a `.git` file (linked worktree) points. */
export function findGitDir(dir: string): string | undefined {
  let cur = path.resolve(dir);
  for (;;) {
    const dotGit = path.join(cur, '.git');
    try {
      const st = fs.statSync(dotGit);
      if (st.isDirectory()) return dotGit;
      if (st.isFile()) {
        const m = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotGit, 'utf8'));
        if (m) return path.resolve(cur, m[1]!.trim());
      }
    } catch {
      // Not here; look further up.
    }
    const parent = path.dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
  }
}

export function sessionLabel(dir: string, sessionId: string): string {
  const where = gitBranch(dir) ?? path.basename(path.resolve(dir));
  const id = shortId(sessionId);
  return `${where.slice(0, MAX_LABEL_CHARS - id.length - 1)}#${id}`;
}

/**
 * The identity of a Claude Code session's client. `hostPid` is the Claude Code process: the MCP
 * server's parent, or CLAUDE_PID in a hook. Together with the id it keeps a session's own
 * messages its own after `/clear` gives hooks a new id.
 */
export function claudeIdentity(sessionId: string, hostPid: number, dir: string): SessionIdentity {
  return { sessionId, pid: hostPid, label: sessionLabel(dir, sessionId), cwd: path.resolve(dir) };
}

/** A person at a terminal: `human:<user>`. Pid 0: it is no Claude process and filters nobody's own. */
export function humanIdentity(dir: string): SessionIdentity {
  let user = 'human';
  try {
    user = os.userInfo().username || user;
  } catch {
    // No passwd entry (containers).
  }
  return { sessionId: `human:${user}`, pid: 0, label: `human:${user}`, cwd: path.resolve(dir) };
}
