/**
 * The one place that words a git decision's reason, for the model and the person: short, naming
 * the command, the other session, a few of its files and how long ago it edited them, and the
 * safer way. Every piece that comes from outside (command text, labels, paths) passes `inert`.
 */
import { inert } from '../protocol/sanitize.ts';
import type { GitCollision, GitReason } from './git-decision.ts';
import { quoteWord } from './shell-words.ts';

/** Why 3: enough to recognise whose work it is; the rest is a count. */
const MAX_FILES = 3;
/** Why 8: a commit line the model can copy; past that it names its own files. */
const MAX_COMMIT_PATHS = 8;
/** Why 100: a command line is recognisable by its start; a here-doc body is not worth the context. */
const MAX_COMMAND_CHARS = 100;

function what(c: GitCollision): string {
  if (c.op === null) return 'may change (the guard could not tell what it does)';
  if (c.scope === 'index') return 'commits everything staged, which may include';
  switch (c.op) {
    case 'stash':
      return 'would stash away';
    case 'checkout':
    case 'switch':
      return c.scope === 'all' ? 'would switch the branch under' : 'would overwrite';
    case 'reset':
    case 'restore':
    case 'clean':
      return 'would discard or overwrite';
    case 'add':
      return 'would stage';
    case 'commit':
      return 'would commit';
    case 'rm':
    case 'mv':
      return 'would remove or move';
    default:
      return 'would change';
  }
}

function ago(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return 'just now';
  return min < 90 ? `${min} min ago` : `${Math.round(min / 60)} h ago`;
}

function command(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return inert(one.length > MAX_COMMAND_CHARS ? `${one.slice(0, MAX_COMMAND_CHARS - 1)}…` : one);
}

function files(list: string[]): string {
  const shown = list.slice(0, MAX_FILES).map((f) => inert(f));
  return list.length > MAX_FILES ? `${shown.join(', ')} +${list.length - MAX_FILES} more` : shown.join(', ');
}

function ownPaths(paths: string[]): string {
  if (!paths.length || paths.length > MAX_COMMIT_PATHS) return '<your files>';
  return paths.map((p) => inert(quoteWord(p))).join(' ');
}

/** The reason, in one or two sentences; `now` (ms) for "edited 3 min ago". */
export function gitReasonText(reason: GitReason, now: number): string {
  const first = reason.collisions[0];
  if (!first) return '';
  const label = inert(first.session, 'label');
  const sessions = new Set(reason.collisions.map((c) => c.session));
  const more = sessions.size > 1 ? ` (and ${sessions.size - 1} other session${sessions.size > 2 ? 's' : ''} here)` : '';
  const head = `\`${command(first.text)}\` ${what(first)} the uncommitted work of session ${label} in this worktree (${files(first.files)}; edited ${ago(now - first.editedAt)})${more}.`;
  const safer =
    reason.safer.way === 'commit-paths'
      ? `Safer: commit only your own paths: git commit -- ${ownPaths(reason.safer.paths)}`
      : `Safer: do it in a worktree of your own (git worktree add ../<dir> -b <branch>), or settle it with ${label} over the bus first.`;
  return `${head} ${safer}`;
}
