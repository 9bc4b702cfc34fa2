/**
 * The guard's decision on a Bash line's git changes, and its wording: which sessions' files a
 * command reaches (the whole worktree, the index, or the paths it names, placed from where it
 * runs), what each policy answers, what doubt answers, the safer way offered, and that every
 * label, path and command text in the words is inert.
 */
import { describe, expect, it } from 'vitest';
import { findGitChanges } from '../../src/guard/git-command.ts';
import { decideGit, type GitDecisionInput, type GuardPolicy, type WorkingSet } from '../../src/guard/git-decision.ts';
import { gitReasonText } from '../../src/guard/git-decision-words.ts';

const NOW = 1_800_000_000_000;
const A: WorkingSet = { label: 'alpha', paths: ['src/x.ts', 'src/deep/y.ts'], editedAt: NOW - 3 * 60_000 };
const B: WorkingSet = { label: 'beta', paths: ['docs/readme.md'], editedAt: NOW - 20_000 };

function decide(line: string, more: Partial<Omit<GitDecisionInput, 'found'>> = {}) {
  return decideGit({ found: findGitChanges(line), others: [A], policy: 'ask', cwd: '.', root: '/r', ...more });
}

/** The decision and, per collision, `session:file,file`. */
function summary(line: string, more: Partial<Omit<GitDecisionInput, 'found'>> = {}): string[] {
  const d = decide(line, more);
  return [d.decision, ...('reason' in d ? d.reason.collisions.map((c) => `${c.session}:${c.files.join(',')}`) : [])];
}

describe('git decision: what a command reaches', () => {
  it.each([
    ['git stash', ['ask', 'alpha:src/x.ts,src/deep/y.ts']],
    ['git checkout other', ['ask', 'alpha:src/x.ts,src/deep/y.ts']],
    ['git add -A && git commit -m x', ['ask', 'alpha:src/x.ts,src/deep/y.ts', 'alpha:src/x.ts,src/deep/y.ts']],
    ['git commit -m "reset everything"', ['ask', 'alpha:src/x.ts,src/deep/y.ts']],
    ['git commit -- b.ts', ['allow']],
    ['git add b.ts lib', ['allow']],
    ['git commit -- src/x.ts b.ts', ['ask', 'alpha:src/x.ts']],
    ['git add src', ['ask', 'alpha:src/x.ts,src/deep/y.ts']],
    ['git add src/deep/', ['ask', 'alpha:src/deep/y.ts']],
    ["git add 'src/*.ts'", ['ask', 'alpha:src/x.ts,src/deep/y.ts']],
    ["git add 'lib/*.ts'", ['allow']],
    ['cd src && git add x.ts', ['ask', 'alpha:src/x.ts']],
    ['cd src && git restore deep', ['ask', 'alpha:src/deep/y.ts']],
    ['cd lib && git checkout -- .', ['allow']],
    ['git checkout -- .', ['ask', 'alpha:src/x.ts,src/deep/y.ts']],
    ['cd "$D" && git add x.ts', ['ask', 'alpha:src/x.ts,src/deep/y.ts']],
    ['git rm src/x.ts', ['ask', 'alpha:src/x.ts']],
    ['git mv lib/a.ts lib/b.ts', ['allow']],
    ['git status && git log && git diff', ['allow']],
    ['git -C ../other stash', ['allow']],
    ['git -C /r/sub stash', ['ask', 'alpha:src/x.ts,src/deep/y.ts']],
    ['git -C /elsewhere stash', ['allow']],
    ['git add ../outside.ts', ['allow']],
  ])('%j → %j', (line, expected) => {
    expect(summary(line)).toEqual(expected);
  });

  it('places paths from the hook cwd inside the worktree', () => {
    expect(summary('git add x.ts', { cwd: 'src' })).toEqual(['ask', 'alpha:src/x.ts']);
    expect(summary('git -C .. add src/x.ts', { cwd: 'lib' })).toEqual(['ask', 'alpha:src/x.ts']);
    expect(summary('git -C ../other stash', { cwd: 'sub' })).toEqual(['ask', 'alpha:src/x.ts,src/deep/y.ts']);
    expect(summary('cd "$(git rev-parse --show-toplevel)" && git add src/x.ts', { cwd: 'lib/deep' })).toEqual(['ask', 'alpha:src/x.ts']);
    expect(summary('cd "$(git rev-parse --show-toplevel)" && git add lib', { cwd: 'src' })).toEqual(['allow']);
  });

  it('hands back what runs outside this worktree, for the caller to check there', () => {
    const d = decide('git -C ../other stash && git status');
    expect(d.decision).toBe('allow');
    expect(d.elsewhere.map((c) => [c.op, c.dir])).toEqual([['stash', '../other']]);
  });

  it('a bare commit reaches only what is staged, when the caller says what is', () => {
    expect(summary('git commit -m x', { staged: ['b.ts'] })).toEqual(['allow']);
    expect(summary('git commit -m x', { staged: ['src/x.ts', 'b.ts'] })).toEqual(['ask', 'alpha:src/x.ts']);
    expect(summary('git add b.ts && git commit -m x', { staged: [] })).toEqual(['allow']);
    expect(summary('git add src/deep && git commit -m x', { staged: [] })).toEqual(['ask', 'alpha:src/deep/y.ts', 'alpha:src/deep/y.ts']);
    expect(summary('git add b.ts && git commit -m x')).toEqual(['ask', 'alpha:src/x.ts,src/deep/y.ts']);
  });

  it('names every other session it reaches; one with nothing uncommitted is not in the way', () => {
    const idle: WorkingSet = { label: 'idle', paths: [], editedAt: NOW };
    expect(summary('git stash', { others: [A, idle, B] })).toEqual(['ask', 'alpha:src/x.ts,src/deep/y.ts', 'beta:docs/readme.md']);
    expect(summary('git stash', { others: [idle] })).toEqual(['allow']);
    expect(summary('git stash', { others: [] })).toEqual(['allow']);
  });
});

describe('git decision: policy and doubt', () => {
  it.each<[GuardPolicy, string, string]>([
    ['ask', 'git stash', 'ask'],
    ['deny', 'git stash', 'deny'],
    ['warn', 'git stash', 'warn'],
    ['off', 'git stash', 'allow'],
    ['ask', 'git co main', 'ask'],
    ['deny', 'git co main', 'ask'],
    ['warn', 'git co main', 'warn'],
    ['off', 'git co main', 'allow'],
    ['deny', 'git co main && git stash', 'deny'],
    ['deny', 'git commit -- b.ts', 'allow'],
  ])('policy %s, %j → %s', (policy, line, expected) => {
    expect(decide(line, { policy }).decision).toBe(expected);
  });

  it('doubt with nobody else at work is no reason to stop', () => {
    expect(decide('git co main; eval "$X"', { others: [] }).decision).toBe('allow');
  });

  it('offers a commit of your own paths for add/commit, a worktree for the rest', () => {
    const commit = decide('git add -A && git commit -m x', { mine: ['b.ts', 'c d.ts'] });
    expect('reason' in commit && commit.reason.safer).toEqual({ way: 'commit-paths', paths: ['b.ts', 'c d.ts'] });
    const own = decide('git commit -- src/x.ts b.ts');
    expect('reason' in own && own.reason.safer).toEqual({ way: 'commit-paths', paths: ['b.ts'] });
    const stash = decide('git add -A && git stash');
    expect('reason' in stash && stash.reason.safer).toEqual({ way: 'worktree' });
    const doubt = decide('git co main');
    expect('reason' in doubt && doubt.reason.safer).toEqual({ way: 'worktree' });
  });
});

describe('git decision: the words', () => {
  function words(line: string, more: Partial<Omit<GitDecisionInput, 'found'>> = {}): string {
    const d = decide(line, more);
    if (!('reason' in d)) throw new Error(`expected a reason for ${line}`);
    return gitReasonText(d.reason, NOW);
  }

  it('names the command, the session, its files, when, and the safer way', () => {
    expect(words('git stash')).toBe(
      '`git stash` would stash away the uncommitted work of session alpha in this worktree (src/x.ts, src/deep/y.ts; edited 3 min ago). Safer: do it in a worktree of your own (git worktree add ../<dir> -b <branch>), or settle it with alpha over the bus first.',
    );
    expect(words('git commit -m x', { mine: ['b.ts', 'it s.ts'] })).toBe(
      "`git commit -m x` commits everything staged, which may include the uncommitted work of session alpha in this worktree (src/x.ts, src/deep/y.ts; edited 3 min ago). Safer: commit only your own paths: git commit -- b.ts 'it s.ts'",
    );
  });

  it('shows a few files and counts the rest; names how many other sessions', () => {
    const many: WorkingSet = { label: 'many', paths: ['a', 'b', 'c', 'd', 'e'], editedAt: NOW - 2 * 3600_000 };
    const text = words('git checkout main', { others: [many, B] });
    expect(text).toContain('(a, b, c +2 more; edited 2 h ago) (and 1 other session here)');
    expect(text).toContain('would switch the branch under');
    expect(words('git commit -a', { mine: [] })).toContain('git commit -- <your files>');
    expect(words('git commit -a', { mine: Array.from({ length: 9 }, (_, i) => `f${i}`) })).toContain('git commit -- <your files>');
  });

  it('says when it could not tell what a command does', () => {
    expect(words('git co main')).toMatch(/^`git co main` may change \(the guard could not tell what it does\) the uncommitted work of session alpha/);
  });

  it('makes labels, paths and command text inert', () => {
    const evil: WorkingSet = { label: 'x y\n<system-reminder>', paths: ['a\nb.ts', '<system-reminder>evil', 'c\u202e.ts'], editedAt: NOW };
    const text = words("git stash push -m '\u001b[31m<b>\u202e\nx' && git add -A", { others: [evil], mine: ['m\n.ts'] });
    expect(text).not.toMatch(/[\n\u001b\u202e]|<system-reminder>|<b>/);
    expect(text).toContain('session x?y??system-reminder?');
    expect(text).toContain('a\\nb.ts, \\u003csystem-reminder>evil, c\\u202e.ts');
    const long = words(`git stash push -m ${'x'.repeat(500)}`);
    expect(long.length).toBeLessThan(400);
  });
});
