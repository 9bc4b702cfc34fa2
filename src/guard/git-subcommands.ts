/**
 * What each git subcommand does to the worktree, HEAD and index that every session in one
 * worktree shares: nothing (read-only), everything (`all`: a branch switch, a stash, a reset),
 * what is staged (`index`: a commit without paths commits whatever anyone staged), or only the
 * paths it names. A subcommand not known here (an alias, an external `git-foo`) is unknown:
 * the caller reports it as unsure, never as safe.
 */
import { hasFlag, pathspecs, readGitArgs, type GitArgs, type Positional } from './git-args.ts';

export type GitOp =
  | 'checkout' | 'switch' | 'stash' | 'reset' | 'restore' | 'clean' | 'rebase' | 'merge' | 'pull' | 'cherry-pick'
  | 'revert' | 'am' | 'commit' | 'add' | 'rm' | 'mv' | 'apply' | 'bisect' | 'sparse-checkout' | 'read-tree'
  | 'update-index' | 'checkout-index' | 'submodule' | 'symbolic-ref' | 'mergetool' | 'filter-branch';

/** What a change reaches: the whole worktree, the staged changes, or named pathspecs (relative to where git runs). */
export type GitScope = 'all' | 'index' | { paths: string[] };

/** A subcommand's verdict: read-only (null), a change, or unknown to this table. */
export type Verdict = null | { op: GitOp; scope: GitScope } | 'unknown';

/** Subcommands that change nothing another session has in flight (refs and objects at most). */
const READ_ONLY = new Set(
  ('status diff log show fetch branch tag rev-parse rev-list blame annotate grep ls-files ls-tree ls-remote cat-file ' +
    'describe shortlog reflog remote config help version show-ref show-branch for-each-ref merge-base name-rev ' +
    'whatchanged range-diff diff-tree diff-index diff-files count-objects fsck check-ignore check-attr check-mailmap ' +
    'check-ref-format var verify-commit verify-tag verify-pack cherry worktree push format-patch archive bundle gc ' +
    'prune repack maintenance notes init clone hash-object mktree mktag commit-tree update-ref replace instaweb ' +
    'request-pull send-email difftool get-tar-commit-id unpack-objects pack-objects index-pack multi-pack-index ' +
    'commit-graph credential rerere fast-export fast-import merge-tree patch-id column interpret-trailers stripspace ' +
    'mailinfo mailsplit pack-refs prune-packed show-index bugreport diagnose shell').split(' '),
);

/** Subcommands that change the worktree, HEAD or index as a whole, whatever their arguments. */
const WHOLE: Partial<Record<string, GitOp>> = { rebase: 'rebase', merge: 'merge', pull: 'pull', 'cherry-pick': 'cherry-pick', revert: 'revert', am: 'am', mergetool: 'mergetool', 'filter-branch': 'filter-branch', 'read-tree': 'read-tree' };

const all = (op: GitOp): Verdict => ({ op, scope: 'all' });

/** Named pathspecs; `all` when one is only known at run time or uses pathspec magic (`:/`, `:!x`). */
function paths(op: GitOp, specs: Positional[]): Verdict {
  if (specs.some((p) => !p.literal || p.value.startsWith(':'))) return all(op);
  return { op, scope: { paths: specs.map((p) => p.value) } };
}

type Classifier = (args: Positional[]) => Verdict;

const CLASSIFIERS: Record<string, Classifier> = {
  checkout(words) {
    const a = readGitArgs(words, ['-b', '-B', '--orphan', '--conflict', '--pathspec-from-file']);
    if (hasFlag(a, '--pathspec-from-file')) return all('checkout');
    if (a.dashDash) return a.afterDashDash.length ? paths('checkout', a.afterDashDash) : all('checkout');
    if (hasFlag(a, '-b', '-B', '--orphan', '--detach', '-t', '--track')) return all('checkout');
    // One positional is a branch (or a path: git decides by what exists); more are a tree and paths.
    // None: shows tracking info, unless forced (`-f` throws away every local change) or patching.
    if (a.positionals.length === 0) return hasFlag(a, '-p', '--patch', '-f', '--force', '-m', '--merge') ? all('checkout') : null;
    if (a.positionals.length === 1) return all('checkout');
    return paths('checkout', a.positionals);
  },
  switch(words) {
    const a = readGitArgs(words, ['-c', '-C', '--create', '--force-create', '--orphan', '--conflict']);
    return a.positionals.length || hasFlag(a, '-c', '-C', '--create', '--force-create', '--orphan', '--detach', '-d') ? all('switch') : null;
  },
  stash(words) {
    const sub = words[0]?.value.startsWith('-') === false ? words[0].value : 'push';
    if (sub === 'list' || sub === 'show' || sub === 'create') return null;
    if (sub !== 'push') return all('stash');
    const a = readGitArgs(words[0]?.value === 'push' ? words.slice(1) : words, ['-m', '--message', '--pathspec-from-file']);
    if (hasFlag(a, '--pathspec-from-file')) return all('stash');
    const specs = pathspecs(a);
    return specs.length ? paths('stash', specs) : all('stash');
  },
  reset(words) {
    const a = readGitArgs(words, ['--pathspec-from-file']);
    const mode = hasFlag(a, '--hard', '--soft', '--merge', '--keep', '--pathspec-from-file');
    return a.dashDash && a.afterDashDash.length && !mode ? paths('reset', a.afterDashDash) : all('reset');
  },
  restore(words) {
    const a = readGitArgs(words, ['-s', '--source', '--conflict', '--pathspec-from-file']);
    const specs = pathspecs(a);
    return specs.length && !hasFlag(a, '--pathspec-from-file') ? paths('restore', specs) : all('restore');
  },
  clean(words) {
    const a = readGitArgs(words, ['-e', '--exclude']);
    if (hasFlag(a, '-n', '--dry-run')) return null;
    const specs = pathspecs(a);
    return specs.length ? paths('clean', specs) : all('clean');
  },
  commit(words) {
    const a = readGitArgs(words, ['-m', '--message', '-F', '--file', '-C', '--reuse-message', '-c', '--reedit-message', '--fixup', '--squash', '--author', '--date', '-t', '--template', '--cleanup', '--trailer', '--pathspec-from-file']);
    if (hasFlag(a, '--dry-run')) return null;
    if (hasFlag(a, '-a', '--all', '--pathspec-from-file')) return all('commit');
    const specs = pathspecs(a);
    // With paths a commit takes those files as they are (--only); --include adds whatever is staged too.
    if (!specs.length || hasFlag(a, '-i', '--include')) return { op: 'commit', scope: 'index' };
    return paths('commit', specs);
  },
  add(words) {
    const a = readGitArgs(words, ['--chmod', '--pathspec-from-file']);
    if (hasFlag(a, '-n', '--dry-run')) return null;
    if (hasFlag(a, '--pathspec-from-file')) return all('add');
    const specs = pathspecs(a);
    if (specs.length) return paths('add', specs);
    return hasFlag(a, '-A', '--all', '--no-ignore-removal', '-u', '--update', '-p', '--patch', '-i', '--interactive', '-e', '--edit') ? all('add') : null;
  },
  rm: (words) => removeOrMove('rm', readGitArgs(words, ['--pathspec-from-file'])),
  mv: (words) => removeOrMove('mv', readGitArgs(words, [])),
  apply(words) {
    const a = readGitArgs(words, ['-p', '-C', '--exclude', '--include', '--directory', '--whitespace', '--build-fake-ancestor']);
    const onlyReads = hasFlag(a, '--check', '--stat', '--numstat', '--summary') && !hasFlag(a, '--apply');
    return onlyReads ? null : all('apply');
  },
  bisect: (words) => (['log', 'view', 'visualize', 'terms', 'help', undefined].includes(words[0]?.value) ? null : all('bisect')),
  'sparse-checkout': (words) => (words[0]?.value === 'list' ? null : all('sparse-checkout')),
  'update-index'(words) {
    const a = readGitArgs(words, ['--cacheinfo', '--chmod', '--index-info', '--index-version']);
    if (a.positionals.length === 0 && hasFlag(a, '--refresh', '--really-refresh')) return null;
    return pathspecs(a).length ? paths('update-index', pathspecs(a)) : all('update-index');
  },
  'checkout-index'(words) {
    const a = readGitArgs(words, ['--prefix', '--stage']);
    return hasFlag(a, '-a', '--all') || !pathspecs(a).length ? all('checkout-index') : paths('checkout-index', pathspecs(a));
  },
  submodule: (words) => (['status', 'summary', 'init', 'sync', 'set-url', 'set-branch', undefined].includes(words.find((w) => !w.value.startsWith('-'))?.value) ? null : all('submodule')),
  'symbolic-ref'(words) {
    const a = readGitArgs(words, ['-m']);
    return a.positionals.length >= 2 && a.positionals[0]!.value === 'HEAD' ? all('symbolic-ref') : null;
  },
};

function removeOrMove(op: 'rm' | 'mv', a: GitArgs): Verdict {
  if (hasFlag(a, '-n', '--dry-run')) return null;
  if (hasFlag(a, '--pathspec-from-file')) return all(op);
  const specs = pathspecs(a);
  return specs.length ? paths(op, specs) : null;
}

/** The verdict on `git <sub> <args…>`; `stage` is `add`. */
export function classifySubcommand(sub: string, args: Positional[]): Verdict {
  const name = sub === 'stage' ? 'add' : sub;
  if (READ_ONLY.has(name)) return null;
  const whole = WHOLE[name];
  if (whole) return name === 'am' && args.some((w) => w.value === '--show-current-patch') ? null : all(whole);
  const classify = CLASSIFIERS[name];
  return classify ? classify(args) : 'unknown';
}
