/**
 * The `.git` of a repository with one empty commit on `main`, made once and copied into each test
 * project that asks for git: `git init` and a commit are two processes and about 45 ms of CPU,
 * the copy a few ms, and the suite makes a couple of hundred such projects.
 *
 * The run's global setup makes it and removes it at the end (vitest's workers are stopped
 * without running their exit handlers); a process outside a vitest run (the benchmarks) makes its
 * own on first use and removes it as it exits.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const GIT_TEMPLATE_ENV = 'SESSION_BUS_TEST_GIT_TEMPLATE';

/** Who the tests' commits are by: git refuses to commit without a name and an address. */
export const GIT_IDENTITY = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };

/** A new template; returns its `.git`. The caller removes its parent folder. */
export function makeGitTemplate(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-git-template-'));
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  execFileSync('git', ['-C', dir, 'commit', '-q', '--allow-empty', '-m', 'init'], {
    env: { ...process.env, ...GIT_IDENTITY },
  });
  // Without git's sample hooks (inactive, a third of the files each copy and removal handles):
  // the hooks folder itself stays, as in every repository.
  const hooks = path.join(dir, '.git', 'hooks');
  for (const f of fs.readdirSync(hooks)) if (f.endsWith('.sample')) fs.rmSync(path.join(hooks, f));
  return path.join(dir, '.git');
}

export function removeGitTemplate(gitDir: string): void {
  fs.rmSync(path.dirname(gitDir), { recursive: true, force: true });
}

let own: string | undefined;

/** The run's template, or this process's own. */
export function gitTemplate(): string {
  const shared = process.env[GIT_TEMPLATE_ENV];
  if (shared && fs.existsSync(shared)) return shared;
  if (own && fs.existsSync(own)) return own;
  const made = makeGitTemplate();
  process.once('exit', () => removeGitTemplate(made));
  return (own = made);
}
