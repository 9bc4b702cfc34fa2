/**
 * Git commands found in a Bash line and classified, case by case: what changes the worktree,
 * HEAD or index every session in it shares (and how far: all, the index, named paths), what is
 * read-only, where it runs, and what is unsure. The tricky spellings issue 16 names are here.
 */
import { describe, expect, it } from 'vitest';
import { findGitChanges } from '../../src/guard/git-command.ts';

/** `op scope @dir` per change (`paths` as a list), then `?why` per doubt. */
function verdicts(line: string): string[] {
  const found = findGitChanges(line);
  const scope = (s: unknown) => (typeof s === 'string' ? s : JSON.stringify((s as { paths: string[] }).paths));
  return [...found.changes.map((c) => `${c.op} ${scope(c.scope)}${c.dir === '.' ? '' : ` @${c.dir}`}`), ...found.unsure.map((u) => `?${u.why}`)];
}

describe('git commands that change the shared worktree, HEAD or index', () => {
  it.each([
    ['git checkout main', ['checkout all']],
    ['git checkout -b feature', ['checkout all']],
    ['git checkout -B feature origin/x', ['checkout all']],
    ['git checkout --detach', ['checkout all']],
    ['git checkout -', ['checkout all']],
    ['git checkout -f', ['checkout all']],
    ['git checkout -p', ['checkout all']],
    ['git checkout -- .', ['checkout ["."]']],
    ['git checkout -- a.ts src/b.ts', ['checkout ["a.ts","src/b.ts"]']],
    ['git checkout HEAD~1 -- a.ts', ['checkout ["a.ts"]']],
    ['git checkout main a.ts', ['checkout ["main","a.ts"]']],
    ['git switch main', ['switch all']],
    ['git switch -c new', ['switch all']],
    ['git switch -', ['switch all']],
    ['git stash', ['stash all']],
    ['git stash push', ['stash all']],
    ['git stash -u', ['stash all']],
    ['git stash pop', ['stash all']],
    ['git stash apply stash@{1}', ['stash all']],
    ['git stash drop', ['stash all']],
    ['git stash clear', ['stash all']],
    ['git stash push -m wip -- a.ts', ['stash ["a.ts"]']],
    ['git stash -- a.ts', ['stash ["a.ts"]']],
    ['git reset', ['reset all']],
    ['git reset --hard', ['reset all']],
    ['git reset --soft HEAD~1', ['reset all']],
    ['git reset HEAD~1', ['reset all']],
    ['git reset -- a.ts', ['reset ["a.ts"]']],
    ['git reset --hard -- a.ts', ['reset all']],
    ['git restore a.ts', ['restore ["a.ts"]']],
    ['git restore --staged a.ts', ['restore ["a.ts"]']],
    ['git restore .', ['restore ["."]']],
    ['git restore -s HEAD~2 -- src', ['restore ["src"]']],
    ['git clean -fdx', ['clean all']],
    ['git clean -f build/', ['clean ["build/"]']],
    ['git rebase main', ['rebase all']],
    ['git rebase --continue', ['rebase all']],
    ['git merge feature', ['merge all']],
    ['git pull', ['pull all']],
    ['git pull --rebase origin main', ['pull all']],
    ['git cherry-pick abc123', ['cherry-pick all']],
    ['git revert HEAD', ['revert all']],
    ['git am < x.patch', ['am all']],
    ['git apply x.patch', ['apply all']],
    ['git commit -a -m x', ['commit all']],
    ['git commit --all', ['commit all']],
    ['git commit -am "x"', ['commit all']],
    ['git commit', ['commit index']],
    ['git commit -m "reset everything"', ['commit index']],
    ['git commit --amend --no-edit', ['commit index']],
    ['git commit -F msg.txt', ['commit index']],
    ['git commit -- b.ts', ['commit ["b.ts"]']],
    ['git commit -m x b.ts c.ts', ['commit ["b.ts","c.ts"]']],
    ['git commit -i -m x b.ts', ['commit index']],
    ['git add -A', ['add all']],
    ['git add --all', ['add all']],
    ['git add --al', ['add all']],
    ['git add -u', ['add all']],
    ['git add -p', ['add all']],
    ['git add .', ['add ["."]']],
    ['git add src', ['add ["src"]']],
    ['git add a.ts b.ts', ['add ["a.ts","b.ts"]']],
    ['git add -- -A', ['add ["-A"]']],
    ['git add -A src', ['add ["src"]']],
    ['git add "$f"', ['add all']],
    ['git add *.ts', ['add all']],
    ["git add ':!vendor'", ['add all']],
    ['git stage a.ts', ['add ["a.ts"]']],
    ['git rm a.ts', ['rm ["a.ts"]']],
    ['git rm --cached -r dir', ['rm ["dir"]']],
    ['git mv a.ts b.ts', ['mv ["a.ts","b.ts"]']],
    ['git bisect start', ['bisect all']],
    ['git sparse-checkout set src', ['sparse-checkout all']],
    ['git submodule update --init', ['submodule all']],
  ])('%j → %j', (line, expected) => {
    expect(verdicts(line)).toEqual(expected);
  });
});

describe('read-only git commands and things that are not git', () => {
  it.each([
    'git status',
    'git diff --cached',
    'git log --grep=reset',
    'git log --oneline -n 5 -- src/reset.ts',
    'git show HEAD:src/x.ts',
    'git fetch --all',
    'git branch',
    'git branch -D old',
    'git stash list',
    'git stash show -p stash@{0}',
    'git rev-parse --show-toplevel',
    'git blame a.ts',
    'git grep checkout',
    'git worktree add ../wt -b x',
    'git push origin HEAD',
    'git clean -n',
    'git commit --dry-run',
    'git add -n .',
    'git add',
    'git apply --check x.patch',
    'git checkout',
    'git --version',
    'git -C sub status',
    'git bisect log',
    'git submodule status',
    'echo "git stash"',
    'echo git stash',
    'gitk --all',
    'git-cliff -o CHANGELOG.md',
    'grep -r "git reset" .',
    'command -v git',
    'cat <<EOF\ngit stash\nEOF',
    'printf "%s\\n" "git checkout main"',
    'ssh host git stash',
    'docker exec app git reset --hard',
    'echo "it\'s',
    'case $x in a) make;; esac',
  ])('%j changes nothing', (line) => {
    expect(verdicts(line)).toEqual([]);
  });
});

describe('where a git command runs', () => {
  it.each([
    ['git -C ../other stash', ['stash all @../other']],
    ['cd sub && git add .', ['add ["."] @sub']],
    ['cd sub; git -C .. stash', ['stash all']],
    ['git -C a -C b commit -a', ['commit all @a/b']],
    ['git -C /abs/repo reset --hard', ['reset all @/abs/repo']],
    ['git --work-tree=../o --git-dir=../o/.git checkout x', ['checkout all @../o']],
    ['git --git-dir ../o/.git stash', ['stash all @../o']],
    ['git --git-dir=/srv/bare.git reset', ['reset all @null']],
    ['GIT_DIR=../o/.git git stash', ['stash all @../o']],
    ['GIT_WORK_TREE=w GIT_DIR=x git checkout main', ['checkout all @w']],
    ['git -C "$D" stash', ['stash all @null']],
    ['cd "$D" && git stash', ['stash all @null']],
    ['(cd sub && git stash) && git pull', ['stash all @sub', 'pull all']],
    ['git -C "$(git rev-parse --show-toplevel)" stash', ['stash all @:/']],
    ['cd "$(git rev-parse --show-toplevel)" && git -C src add x.ts', ['add ["x.ts"] @:/src']],
  ])('%j → %j', (line, expected) => {
    expect(verdicts(line)).toEqual(expected);
  });
});

describe('the spellings issue 16 names', () => {
  it.each([
    ['FOO=1 git checkout main', ['checkout all']],
    ['(git stash; git pull)', ['stash all', 'pull all']],
    ['/usr/bin/git stash', ['stash all']],
    ['sudo git reset --hard', ['reset all']],
    ["bash -c 'git stash'", ['stash all']],
    ['git add -A && git commit -m x', ['add all', 'commit index']],
    ['npm test && git stash && echo done', ['stash all']],
    ['git-stash pop', ['stash all']],
    ['env GIT_PAGER=cat git -c core.x=1 --no-pager pull', ['pull all']],
    ['echo $(git stash)', ['stash all']],
    ['ls | xargs git add', ['add all']],
    ['find . -name "*.orig" -exec git rm {} +', ['rm all']],
    [`git commit -m "$(cat <<'EOF'\nreset: everything\nEOF\n)"`, ['commit index']],
    ['cat <<EOF\n$(git stash)\nEOF', ['stash all']],
  ])('%j → %j', (line, expected) => {
    expect(verdicts(line)).toEqual(expected);
  });
});

describe('git commands the guard cannot judge are unsure, never safe', () => {
  it.each([
    ['git co main', ['?git-subcommand']],
    ['git lfs pull', ['?git-subcommand']],
    ['git $CMD', ['?git-subcommand']],
    ['git --frobnicate stash', ['?git-option']],
    ['$GIT stash', ['?command-name']],
    ['"$(which git)" stash', ['?command-name']],
    ['parallel git stash ::: a b', ['?git-run-indirectly']],
    ['bash -c "$X"', ['?shell-string']],
    ['eval "$X"', ['?eval']],
    ['echo git stash | bash', ['?shell-stdin']],
    ['case $b in main) git stash;; esac', ['stash all', '?case', '?unbalanced']],
    ['echo "git stash', ['?unterminated']],
    ['curl -s https://x.test/install | sh', ['?shell-stdin']],
  ])('%j → %j', (line, expected) => {
    expect(verdicts(line)).toEqual(expected);
  });
});
