/**
 * `session-bus guard install | uninstall | check`: the collision guard for people at a terminal.
 * `install` puts a git pre-commit hook in the repository (chained after one that was there:
 * that one still runs first and can still stop the commit); `check`, which the hook runs, warns
 * on stderr when the commit includes files a live session has changed and not committed, or
 * has claimed. It only warns, and never stops a commit by its own fault. A commit made by a
 * Claude Code session is left to that session's own guard (PreToolUse).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { connectExisting } from '../client/connect.ts';
import { humanIdentity } from '../place/identity.ts';
import { quoteWord } from '../guard/shell-words.ts';
import { inert } from '../protocol/sanitize.ts';
import type { CommandContext } from './io.ts';
import { UsageError } from './parse.ts';

const MARK = '# session-bus guard: installed by `session-bus guard install`; `session-bus guard uninstall` removes it';
const CHAINED = 'pre-commit.before-session-bus';

/**
 * git runs with the CLI's environment: under a hook that is git's own (GIT_DIR, GIT_INDEX_FILE).
 * What git says goes into the CLI's one line, not past it to the terminal.
 */
function hooksDir(project: string, env: NodeJS.ProcessEnv, verb: string): string {
  let dir: string;
  try {
    dir = execFileSync('git', ['-C', project, 'rev-parse', '--path-format=absolute', '--git-path', 'hooks'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (err) {
    const said = String((err as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0] || (err as Error).message;
    if (/not a git repository/i.test(said)) throw new UsageError(`guard ${verb} works on a git repository, and ${project} is not in one`);
    // Worded inert with every error, where the CLI prints it (commands.ts).
    throw new Error(`git could not name the hooks folder of ${project}: ${said}`);
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** `cliScript`: the running CLI's script, which the installed hook runs with this node. */
export async function guard(c: CommandContext, words: string[], cliScript: string): Promise<number> {
  const { project, out } = c;
  const [verb, ...extra] = words;
  if (extra.length > 0 || !verb || !['install', 'uninstall', 'check'].includes(verb)) throw new UsageError('guard takes install, uninstall or check');
  if (verb === 'check') return check(c);
  const dir = hooksDir(project, c.env, verb);
  const hook = path.join(dir, 'pre-commit');
  const chained = path.join(dir, CHAINED);
  const ours = fs.existsSync(hook) && fs.readFileSync(hook, 'utf8').includes(MARK);
  if (verb === 'uninstall') {
    if (!ours) {
      out(`no session-bus pre-commit hook in ${inert(dir)}`);
      return 0;
    }
    fs.rmSync(hook);
    if (fs.existsSync(chained)) fs.renameSync(chained, hook);
    out(`removed the session-bus pre-commit hook from ${inert(dir)}${fs.existsSync(hook) ? ' (the one it chained is back in place)' : ''}`);
    return 0;
  }
  if (ours) {
    out(`the session-bus pre-commit hook is already in ${inert(dir)}`);
    return 0;
  }
  if (fs.existsSync(hook)) fs.renameSync(hook, chained);
  const script = [
    '#!/bin/sh',
    MARK,
    `if [ -x "$(dirname "$0")/${CHAINED}" ]; then "$(dirname "$0")/${CHAINED}" "$@" || exit $?; fi`,
    // Quoted for sh whatever the paths hold (a `"`, a `$(`): they are the plugin's, wherever it was put.
    `${quoteWord(process.execPath)} ${quoteWord(cliScript)} guard check || true`,
    '',
  ].join('\n');
  fs.writeFileSync(hook, script, { mode: 0o755 });
  out(`installed the session-bus pre-commit hook in ${inert(dir)}${fs.existsSync(chained) ? ` (the one there runs first, as ${CHAINED})` : ''}`);
  return 0;
}

/** The pre-commit check: staged files that are in a live session's working set or claimed by one. Warns only. */
async function check({ project, env, note }: CommandContext): Promise<number> {
  if (env.CLAUDE_CODE_SESSION_ID || env.CLAUDE_PID) return 0;
  try {
    const staged = execFileSync('git', ['-C', project, 'diff', '--cached', '--name-only', '-z'], { encoding: 'utf8', env }).split('\0').filter(Boolean);
    if (staged.length === 0) return 0;
    const conn = await connectExisting(project, { env, timeoutMs: 2000 });
    const who = humanIdentity(project);
    const found = await conn.client.request('checkEdit', { ...who, paths: staged, tool: 'git commit', record: false }, 2000);
    conn.client.close();
    const lines = [
      ...found.editing.map((e) => `  ${inert(e.path)}: changed and not committed by ${inert(e.label, 'label')}`),
      ...found.conflicts.map(({ path: p, claim: c }) => `  ${inert(p)}: claimed by ${inert(c.host ? `${c.label}@${c.host}` : c.label, 'label')}${c.note ? ` (${inert(c.note, 'quoted')})` : ''}`),
    ];
    if (lines.length) note(`session-bus: this commit includes files other sessions are working on:\n${lines.join('\n')}\n(the commit goes ahead; \`git reset -- FILE\` takes a file out of it)`);
  } catch {
    // No daemon, no git, no answer: nothing to warn about, and never a stopped commit.
  }
  return 0;
}
