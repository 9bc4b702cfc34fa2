/**
 * Properties of git command detection: a command that changes the shared worktree stays found
 * (same op) however it is wrapped — assignments, subshells, groups, chains with harmless
 * commands, `cd`, sudo/env/command, `bash -c`, substitutions — and in the directory the `cd`s
 * and `-C`s lead to; harmless lines (commands that are not git, read-only git subcommands with
 * any arguments) are never flagged; no input makes it throw. GUARD_SEED=… replays or varies.
 */
import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findGitChanges } from '../../src/guard/git-command.ts';
import { quoteWord } from '../../src/guard/shell-words.ts';

const SEED = Number(process.env.GUARD_SEED) || 0x16a5d;

function check<T>(prop: fc.IProperty<T>, numRuns: number): void {
  try {
    fc.assert(prop, { seed: SEED, numRuns });
  } catch (err) {
    console.error(`git command property failed with GUARD_SEED=${SEED}`);
    throw err;
  }
}

const DANGEROUS: [string, string][] = [
  ['git stash', 'stash'],
  ['git stash pop', 'stash'],
  ['git checkout main', 'checkout'],
  ['git switch -c x', 'switch'],
  ['git reset --hard', 'reset'],
  ['git restore .', 'restore'],
  ['git clean -fd', 'clean'],
  ['git add -A', 'add'],
  ['git commit -am x', 'commit'],
  ['git commit -m "x y"', 'commit'],
  ['git pull --rebase', 'pull'],
  ['git rebase main', 'rebase'],
  ['git merge other', 'merge'],
  ['git cherry-pick abc', 'cherry-pick'],
];

/** A word that is never git, never a wrapper or a shell: `x` and letters. */
const plainWord = fc.string({ unit: fc.constantFrom(...'abcdefhjklmnopqrsuvwyz'), minLength: 1, maxLength: 6 }).map((w) => `x${w}`);
/** Any argument text, quoted: its content may look like anything, git stash included. */
const anyArg = fc.string({ unit: fc.oneof(fc.constantFrom(...' \n\'"\\$`;&|()<>{}*?~#=-'), fc.constantFrom('git ', 'stash', 'reset --hard', '$(git stash)')), maxLength: 20 }).map(quoteWord);
const benignCommand = fc.tuple(plainWord, fc.array(anyArg, { maxLength: 3 })).map(([n, a]) => [n, ...a].join(' '));
const dirName = fc.constantFrom('sub', 'a/b', '..', 'x y', '.');

type Wrap = (line: string) => { line: string; dir?: string };
const WRAPS: fc.Arbitrary<Wrap>[] = [
  fc.tuple(fc.constantFrom('FOO', 'A_1', 'GIT_PAGER'), anyArg).map(([k, v]) => (l: string) => ({ line: l.startsWith('git ') ? `${k}=${v} ${l}` : l })),
  fc.constant((l: string) => ({ line: `( ${l} )` })),
  fc.constant((l: string) => ({ line: `{ ${l}; }` })),
  // After `|`, a group: in `b | cd sub && git x` the cd is a pipeline element and moves nothing.
  fc.tuple(benignCommand, fc.constantFrom('&&', ';', '\n', '||', '|', '&')).map(([b, op]) => (l: string) => ({ line: op === '|' ? `${b} | { ${l}; }` : `${b} ${op} ${l}` })),
  fc.tuple(benignCommand, fc.constantFrom('&&', ';', '\n', '||', '|', '&')).map(([b, op]) => (l: string) => ({ line: `${l} ${op} ${b}` })),
  dirName.map((d) => (l: string) => ({ line: `cd ${quoteWord(d)} && ${l}`, dir: d })),
  fc.constantFrom('sudo', 'command', 'nohup', 'time', 'env', 'env -i', 'sudo -u me').map((w) => (l: string) => ({ line: l.startsWith('git ') ? `${w} ${l}` : l })),
  fc.constant((l: string) => ({ line: `bash -c ${quoteWord(l)}` })),
  // `$( ( … ) )`, spaced: `$((` would be arithmetic, and bash runs nothing in `$(( git stash ))`.
  fc.constant((l: string) => ({ line: `echo "$( ${l} )"` })),
  fc.constant((l: string) => ({ line: `if true; then ${l}; fi` })),
];

describe('git command detection properties', () => {
  it('a command that changes the worktree stays found, in the right directory, however it is wrapped', () => {
    check(
      fc.property(fc.constantFrom(...DANGEROUS), fc.array(fc.oneof(...WRAPS), { maxLength: 5 }), fc.option(dirName, { nil: undefined }), ([command, op], wraps, gitC) => {
        let line = gitC === undefined ? command : command.replace(/^git /, `git -C ${quoteWord(gitC)} `);
        let dir: string = gitC === undefined ? '.' : gitC;
        for (const wrap of wraps) {
          const w = wrap(line);
          line = w.line;
          if (w.dir !== undefined) dir = posix.join(w.dir, dir);
        }
        const found = findGitChanges(line);
        expect(found.changes.map((c) => c.op)).toEqual([op]);
        expect(found.changes[0]!.dir).toBe(posix.normalize(dir));
        expect(found.unsure).toEqual([]);
      }),
      600,
    );
  });

  it('lines of commands that are not git are never flagged, whatever their quoted arguments say', () => {
    check(
      fc.property(fc.array(fc.tuple(benignCommand, fc.constantFrom('&&', ';', '\n', '||', '|', '&')), { minLength: 1, maxLength: 5 }), (parts) => {
        const line = parts.map(([c, op]) => `${c} ${op}`).join(' ');
        expect(findGitChanges(line)).toEqual({ changes: [], unsure: [] });
      }),
      400,
    );
  });

  it('read-only git subcommands are never flagged, with any flags and arguments', () => {
    const readOnly = fc.constantFrom('status', 'diff', 'log', 'show', 'fetch', 'branch', 'rev-parse', 'blame', 'grep', 'tag', 'ls-files', 'describe', 'shortlog', 'reflog', 'stash list', 'stash show');
    const flag = fc.tuple(fc.constantFrom('-', '--'), plainWord, fc.option(anyArg, { nil: undefined })).map(([d, n, v]) => (v === undefined ? `${d}${n}` : `${d}${n}=${v}`));
    check(
      fc.property(fc.option(fc.constantFrom('-C sub', '--no-pager', '-c a.b=1', '-P'), { nil: undefined }), readOnly, fc.array(fc.oneof(flag, anyArg), { maxLength: 5 }), (global, sub, args) => {
        const line = ['git', global, sub, ...args].filter((x) => x !== undefined).join(' ');
        expect(findGitChanges(line)).toEqual({ changes: [], unsure: [] });
      }),
      500,
    );
  });

  it('never throws on arbitrary text', () => {
    check(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...'\'"\\$`()<>{};&|\n #=-', 'git ', 'stash ', '-C ', 'cd ', 'bash -c '), fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c))), maxLength: 200 }), (text) => {
        const found = findGitChanges(text);
        return Array.isArray(found.changes) && Array.isArray(found.unsure);
      }),
      1000,
    );
  });
});
