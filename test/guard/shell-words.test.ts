/**
 * The guard's shell reader, case by case: which simple commands a Bash line runs (through
 * lists, pipelines, subshells, groups, keywords, substitutions, here-documents and wrappers),
 * what each receives once quotes are removed, where it runs, and what is reported as unsure.
 */
import { describe, expect, it } from 'vitest';
import { parseShell, quoteWord } from '../../src/guard/shell-words.ts';

/** Each command as `argv joined by |`, and its directory when not '.'. */
function runs(line: string): string[] {
  return parseShell(line).commands.map((c) => c.argv.join('|') + (c.dir === '.' ? '' : ` @${c.dir}`));
}

function unsure(line: string): string[] {
  return parseShell(line).unsure.map((u) => u.why);
}

describe('shell reader: splitting into simple commands', () => {
  it.each([
    ['git status', ['git|status']],
    ['a && b || c; d & e | f |& g', ['a', 'b', 'c', 'd', 'e', 'f', 'g']],
    ['a\nb\n\nc', ['a', 'b', 'c']],
    ['(a; (b)) && { c; d; }', ['a', 'b', 'c', 'd']],
    ['echo $(git stash) `git pull`', ['git|stash', 'git|pull', 'echo|$(git stash)|`git pull`']],
    ['echo "x $(git reset --hard) y"', ['git|reset|--hard', 'echo|x $(git reset --hard) y']],
    ['echo $(echo $(git stash))', ['git|stash', 'echo|$(git stash)', 'echo|$(echo $(git stash))']],
    ['echo $(( 1 + (2) )) $((x<<2))', ['echo|$(( 1 + (2) ))|$((x<<2))']],
    ['echo $((cd a; git stash) )', ['cd|a', 'git|stash @a', 'echo|$((cd a; git stash) )']],
    ['echo $(( git stash ))', ['echo|$(( git stash ))']],
    ['cat <(git stash list) >(git reset)', ['git|stash|list', 'git|reset', 'cat|<(…)|>(…)']],
    ['if git diff --quiet; then git stash; else git pull; fi', ['git|diff|--quiet', 'git|stash', 'git|pull']],
    ['while true; do git fetch; done', ['true', 'git|fetch']],
    ['! git stash', ['git|stash']],
    ['f() { git stash; }; f', ['git|stash', 'f']],
    ['function f { git stash; }', ['git|stash']],
    ['echo a # git stash', ['echo|a']],
    ['echo a#b', ['echo|a#b']],
    ['git log 2>&1 >/dev/null | head -n 3', ['git|log', 'head|-n|3']],
    ['git stash \\\n  pop', ['git|stash|pop']],
    ['git \\\nstash', ['git|stash']],
    ['a &&\n b ||\n c |\n d', ['a', 'b', 'c', 'd']],
    ['', []],
    ['   ;; ;', []],
  ])('%j runs %j', (line, expected) => {
    expect(runs(line)).toEqual(expected);
  });
});

describe('shell reader: quoting', () => {
  it.each([
    ["echo 'a b' \"c d\" e\\ f", ['a b', 'c d', 'e f']],
    ["echo 'it'\\''s'", ["it's"]],
    ['echo "a\\"b\\$c\\\\d\\e"', ['a"b$c\\d\\e']],
    ["echo $'a\\nb\\tc\\x41\\u00e9\\101\\'q'", ["a\nb\tcAéA'q"]],
    ['echo $"x y"', ['x y']],
    ['echo ""', ['']],
    ["echo ''x", ['x']],
    ['echo "a\\\nb"', ['ab']],
  ])('%j gives the words %j', (line, words) => {
    expect(parseShell(line).commands[0]!.argv.slice(1)).toEqual(words);
  });

  it('marks words whose value only the running shell knows', () => {
    const [cmd] = parseShell('git add $F "${G}" ~/x *.ts {a,b} plain \'$lit\' "q" a[1]').commands;
    expect(cmd!.literal).toEqual([true, true, false, false, false, false, false, true, true, true, false]);
  });

  it('quoteWord writes any word so it reads back as that word', () => {
    for (const w of ['', 'a b', "it's", '$HOME', '`x`', 'a\nb', '*', '-A', 'if', '{', '#x', '~', 'x=1', '\\']) {
      expect(parseShell(`printf ${quoteWord(w)}`).commands[0]!.argv).toEqual(['printf', w]);
    }
  });
});

describe('shell reader: assignments and wrappers', () => {
  it.each([
    ['FOO=1 BAR="x y" git checkout main', ['git|checkout|main'], ['FOO=1', 'BAR=x y']],
    ['env -i -u X A=1 git stash', ['git|stash'], ['A=1']],
    ['command git stash', ['git|stash'], []],
    ['sudo -u me -E git reset --hard', ['git|reset|--hard'], []],
    ['nohup nice -n 5 time -p git pull', ['git|pull'], []],
    ['timeout -s KILL 10 git fetch', ['git|fetch'], []],
    ['exec git stash', ['git|stash'], []],
    ['stdbuf -oL git log', ['git|log'], []],
    ['"A=1" git', ['A=1|git'], []],
    ['A=1', [], []],
  ])('%j runs %j with env %j', (line, expected, env) => {
    expect(runs(line)).toEqual(expected);
    expect(parseShell(line).commands[0]?.env ?? []).toEqual(env);
  });

  it('command -v runs nothing', () => {
    expect(runs('command -v git')).toEqual([]);
  });

  it('xargs and find -exec run their command with arguments the line does not show', () => {
    const x = parseShell('ls | xargs -n 1 git add').commands[1]!;
    expect([x.argv, x.moreArgs]).toEqual([['git', 'add'], true]);
    const f = parseShell("find . -name '*.ts' -exec git rm {} \\; -print").commands[0]!;
    expect([f.argv, f.moreArgs]).toEqual([['git', 'rm', '{}'], true]);
  });

  it('reads shell strings again: bash -c, sh -lc, eval, watch', () => {
    expect(runs("bash -c 'git stash && git pull'")).toEqual(['git|stash', 'git|pull']);
    expect(runs('sh -lc "cd sub; git add ."')).toEqual(['cd|sub', 'git|add|. @sub']);
    expect(runs('eval git stash')).toEqual(['git|stash']);
    expect(runs("watch -n 5 'git status'")).toEqual(['git|status']);
    expect(runs(`bash -c "bash -c 'git stash'"`)).toEqual(['git|stash']);
  });
});

describe('shell reader: the directory each command runs in', () => {
  it.each([
    ['cd sub && git add .', ['cd|sub', 'git|add|. @sub']],
    ['cd a; cd ../b; git x', ['cd|a', 'cd|../b @a', 'git|x @b']],
    ['cd a; (cd b && git x); git y', ['cd|a', 'cd|b @a', 'git|x @a/b', 'git|y @a']],
    ['{ cd a; }; git x', ['cd|a', 'git|x @a']],
    ['cd a | git x; git y', ['cd|a', 'git|x', 'git|y']],
    ['cd a & git x', ['cd|a', 'git|x']],
    ['cd /abs/x && git y', ['cd|/abs/x', 'git|y @/abs/x']],
    ['cd -P a && git y', ['cd|-P|a', 'git|y @a']],
    ['cd $D && git y', ['cd|$D', 'git|y @null']],
    ['cd && git y', ['cd', 'git|y @null']],
    ['cd - && git y', ['cd|-', 'git|y @null']],
    ['cd a && echo $(git stash)', ['cd|a', 'git|stash @a', 'echo|$(git stash) @a']],
    ['cd "$(git rev-parse --show-toplevel)" && git x', ['git|rev-parse|--show-toplevel', 'cd|$(git rev-parse --show-toplevel)', 'git|x @:/']],
    ['cd `git rev-parse --show-toplevel`/src; cd ../lib; git x', ['git|rev-parse|--show-toplevel', 'cd|`git rev-parse --show-toplevel`/src', 'cd|../lib @:/src', 'git|x @:/lib']],
    ['cd "$(git rev-parse --show-toplevel)/$D" && git x', ['git|rev-parse|--show-toplevel', 'cd|$(git rev-parse --show-toplevel)/$D', 'git|x @null']],
    ['cd "$(git rev-parse --show-toplevel)"/.. && git x', ['git|rev-parse|--show-toplevel', 'cd|$(git rev-parse --show-toplevel)/..', 'git|x @null']],
    ['sudo -D sub git stash', ['git|stash @sub']],
    ['env -C sub git stash', ['git|stash @sub']],
  ])('%j runs %j', (line, expected) => {
    expect(runs(line)).toEqual(expected);
  });
});

describe('shell reader: here-documents', () => {
  it('skips a quoted here-document body (the usual commit message pattern)', () => {
    const line = `git commit -m "$(cat <<'EOF'\nfix (the thing); git stash\n\n) more\nEOF\n)" && git push`;
    expect(runs(line)).toEqual(['cat', `git|commit|-m|$(cat <<'EOF'\nfix (the thing); git stash\n\n) more\nEOF\n)`, 'git|push']);
    expect(unsure(line)).toEqual([]);
  });

  it('skips bodies of several here-documents and <<- with tabs', () => {
    expect(runs('cat <<A <<-B\ngit stash\nA\n\tgit pull\n\tB\ngit log')).toEqual(['cat', 'git|log']);
  });

  it('runs the substitutions of an unquoted body, not its text', () => {
    expect(runs('cat <<EOF\ngit pull $(git stash) \\$(no) `git reset`\nEOF')).toEqual(['cat', 'git|stash', 'git|reset']);
    expect(runs("cat <<'EOF'\n$(git stash)\nEOF")).toEqual(['cat']);
    expect(unsure('cat <<EOF\n$(git stash\nEOF')).toEqual(['unterminated']);
  });
});

describe('shell reader: unsure, never silently safe', () => {
  it.each([
    ['echo "open', 'unterminated'],
    ["echo 'open", 'unterminated'],
    ['echo $(git stash', 'unterminated'],
    ['echo `git stash', 'unterminated'],
    ['(git stash', 'unterminated'],
    ['cat <<EOF\ngit stash', 'unterminated'],
    ['git stash )', 'unbalanced'],
    ['case $x in a) git stash;; esac', 'case'],
    ['bash -c "$CMD"', 'shell-string'],
    ['bash <<EOF\ngit stash\nEOF', 'shell-stdin'],
    ['echo git stash | sh', 'shell-stdin'],
    ['eval "$CMD"', 'eval'],
    ['$GIT stash', 'command-name'],
    ['echo ${X:-$(git stash)}', 'expansion-in-expansion'],
    ['env -S "git stash"', 'shell-string'],
    [`${'('.repeat(200)}git stash${')'.repeat(200)}`, 'too-deep'],
  ])('%j is unsure (%s)', (line, why) => {
    expect(unsure(line)).toContain(why);
  });

  it('bash running a script file is not read (a known limit), and not unsure', () => {
    expect(unsure('bash scripts/release.sh')).toEqual([]);
  });
});
