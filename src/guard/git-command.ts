/**
 * The git commands in a Bash command line, as data for the guard: each one that changes what
 * other sessions in the same worktree rely on (its op, what it reaches, the directory it runs in
 * relative to the hook's cwd, its text), and everything the reader could not be sure of. It
 * finds git however it is spelled (`/usr/bin/git`, `git-stash`, behind wrappers, in substitutions,
 * in `bash -c '…'`) and wherever it runs (`cd DIR &&`, `git -C DIR`, `--work-tree`, `--git-dir`,
 * `GIT_DIR=`/`GIT_WORK_TREE=`). Read-only commands give nothing. No wording here.
 */
import { posix } from 'node:path';
import { dirOf, moveDir } from './directory.ts';
import type { Positional } from './git-args.ts';
import { classifySubcommand, type GitOp, type GitScope } from './git-subcommands.ts';
import { parseShell, type SimpleCommand, type Unsure } from './shell-words.ts';

export type { GitOp, GitScope } from './git-subcommands.ts';

export interface GitChange {
  op: GitOp;
  /** `all`: the worktree, HEAD or index as a whole; `index`: whatever is staged; else the pathspecs named (relative to `dir`). */
  scope: GitScope;
  /** The directory git works in: relative to the hook's cwd ('.' there), absolute if written so, `:/…` from the worktree top, null when unknown (directory.ts). */
  dir: string | null;
  /** The simple command's text. */
  text: string;
}

/** Why a git command could not be judged, beyond what the shell reader reports. */
export type GitUnsureWhy = Unsure['why'] | 'git-subcommand' | 'git-option' | 'git-run-indirectly';

export interface GitUnsure {
  why: GitUnsureWhy;
  text: string;
}

export interface GitCommands {
  changes: GitChange[];
  unsure: GitUnsure[];
}

/** Global options that take a value as the next word (or after `=`). */
const GLOBAL_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env', '--super-prefix', '--list-cmds', '--attr-source']);
/** Global options without a value. */
const GLOBAL_FLAGS = new Set(['-p', '--paginate', '-P', '--no-pager', '--bare', '--no-replace-objects', '--literal-pathspecs', '--glob-pathspecs', '--noglob-pathspecs', '--icase-pathspecs', '--no-optional-locks', '--no-lazy-fetch', '--no-advice']);
/** Options after which git only prints and exits. */
const GLOBAL_PRINT = new Set(['--version', '-v', '--help', '-h', '--exec-path', '--html-path', '--man-path', '--info-path']);
/** Commands that only show their arguments: `echo git stash` runs no git. */
const SHOWS_ONLY = new Set(['echo', 'printf', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'man', 'which', 'type', 'whereis', 'whatis', 'apropos', 'info', 'help', 'tldr', 'cat', 'less', 'more', 'head', 'tail', 'wc', 'sort', 'uniq', 'tr', 'cut', 'jq', 'test', '[', '[[', 'true', 'false', 'export', 'local', 'declare', 'readonly', 'set', 'unset', 'alias', 'read', 'for', 'select', 'hash', 'complete', 'compgen']);

/** The directory a `--git-dir`/GIT_DIR points into: the worktree above `…/.git`, else unknown. */
function fromGitDir(dir: string | null, gitDir: string | null): string | null {
  if (gitDir === null) return null;
  const norm = posix.normalize(gitDir);
  if (norm === '.git' || norm.endsWith('/.git')) return moveDir(dir, posix.dirname(norm));
  return null;
}

/** Commands that run their arguments on another machine or in a container: not this worktree. */
const ELSEWHERE = new Set(['ssh', 'docker', 'podman', 'kubectl']);
/**
 * Doubts about syntax only: they hide commands written in the line, so where the line never
 * spells git they hide no git (what a script, an alias or another call's variable runs, the
 * guard never sees). Doubts about code that comes from elsewhere (`eval "$X"`, `… | sh`) stay.
 */
const SYNTAX_DOUBTS: ReadonlySet<string> = new Set(['unterminated', 'unbalanced', 'parse-error', 'too-deep', 'case', 'expansion-in-expansion']);

/** Whether `name` (argv[0]) is git, and the subcommand a dashed name carries (`git-stash`). */
function gitName(name: string): { dashed?: string } | null {
  const base = posix.basename(name);
  if (base === 'git' || base === 'git.exe') return {};
  const m = /^git-([a-z][a-z-]*)$/.exec(base);
  return m ? { dashed: m[1]! } : null;
}

type Outcome = { change: GitChange } | { unsure: GitUnsure } | null;

/** One simple command judged as git (null: not git, or read-only). */
export function classifyGit(cmd: SimpleCommand): Outcome {
  if (!cmd.literal[0]) return null;
  const name = gitName(cmd.argv[0]!);
  if (!name) return null;
  const words: Positional[] = cmd.argv.map((value, i) => ({ value, literal: cmd.literal[i]! }));
  let dir = cmd.dir;
  for (const e of cmd.env) {
    const [key, value] = [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)];
    if (key === 'GIT_WORK_TREE') dir = moveDir(dir, value);
    else if (key === 'GIT_DIR' && !cmd.env.some((x) => x.startsWith('GIT_WORK_TREE='))) dir = fromGitDir(dir, value);
  }
  let k = 1;
  let workTree = false;
  while (name.dashed === undefined && k < words.length && words[k]!.value.startsWith('-')) {
    const w = words[k]!;
    const eq = w.value.startsWith('--') ? w.value.indexOf('=') : -1;
    const opt = eq < 0 ? w.value : w.value.slice(0, eq);
    if (GLOBAL_PRINT.has(opt)) return null;
    if (!w.literal || (!GLOBAL_WITH_VALUE.has(opt) && !GLOBAL_FLAGS.has(opt))) return { unsure: { why: 'git-option', text: cmd.text } };
    k++;
    if (!GLOBAL_WITH_VALUE.has(opt)) continue;
    const arg = eq < 0 ? words[k++] : { value: w.value.slice(eq + 1), literal: true };
    const value = arg ? dirOf(arg) : null;
    if (opt === '-C') dir = moveDir(dir, value);
    else if (opt === '--work-tree') {
      dir = moveDir(dir, value);
      workTree = true;
    } else if (opt === '--git-dir' && !workTree) dir = fromGitDir(dir, value);
  }
  const sub = name.dashed ?? words[k]?.value;
  if (sub === undefined) return null;
  if (name.dashed === undefined && !words[k]!.literal) return { unsure: { why: 'git-subcommand', text: cmd.text } };
  const args = words.slice(name.dashed === undefined ? k + 1 : 1);
  // xargs and find -exec add arguments the line does not show: paths nobody can check.
  if (cmd.moreArgs) args.push({ value: '…', literal: false });
  const verdict = classifySubcommand(sub, args);
  if (verdict === null) return null;
  if (verdict === 'unknown' && name.dashed !== undefined) return null;
  if (verdict === 'unknown') return { unsure: { why: 'git-subcommand', text: cmd.text } };
  return { change: { ...verdict, dir, text: cmd.text } };
}

/** A command that is not git but runs its arguments (`parallel git stash`): git inside is unsure. */
function gitInside(cmd: SimpleCommand): GitUnsure | null {
  const name = posix.basename(cmd.argv[0] ?? '');
  if (SHOWS_ONLY.has(name) || ELSEWHERE.has(name) || gitName(name)) return null;
  const at = cmd.argv.findIndex((w, i) => i > 0 && cmd.literal[i] && gitName(w) !== null);
  if (at < 0) return null;
  const inner = classifyGit({ ...cmd, argv: cmd.argv.slice(at), literal: cmd.literal.slice(at) });
  return inner ? { why: 'git-run-indirectly', text: cmd.text } : null;
}

/** Every git change and every doubt in a Bash command line. Never throws. */
export function findGitChanges(line: string): GitCommands {
  const parsed = parseShell(line);
  const spellsGit = /git/i.test(line);
  const out: GitCommands = { changes: [], unsure: parsed.unsure.filter((u) => spellsGit || !SYNTAX_DOUBTS.has(u.why)) };
  for (const cmd of parsed.commands) {
    const outcome = classifyGit(cmd);
    if (outcome && 'change' in outcome) out.changes.push(outcome.change);
    else if (outcome) out.unsure.push(outcome.unsure);
    else {
      const inside = gitInside(cmd);
      if (inside) out.unsure.push(inside);
    }
  }
  return out;
}
