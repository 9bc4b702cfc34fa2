/**
 * The shell reader against the real bash, on generated lines of lists, groups, subshells,
 * substitutions, `if`, `cd`, `bash -c` and here-documents: bash runs each line with no PATH in a scratch tree
 * of directories, so every command it would run lands in `command_not_found_handle`, which
 * records where it ran and what it got. The reader must name the same commands, in the same
 * order, with the same words and directories. GUARD_SEED=… replays or varies a run.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShell, quoteWord } from '../../src/guard/shell-words.ts';

const SEED = Number(process.env.GUARD_SEED) || 0x16a5d;
const BASH = spawnSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout?.trim() ?? '';
const HANDLER = `command_not_found_handle() { printf '%s\\n' "\${PWD#"$ROOT"}" >&3; printf '%s\\0' "$@" >&3; printf '\\1' >&3; return 0; }; export -f command_not_found_handle`;

let root = '';
beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sb-guard-bash-')));
  for (const a of ['a', 'b']) for (const b of ['', 'a', 'b']) for (const c of ['', 'a', 'b']) fs.mkdirSync(path.join(root, a, b, b ? c : ''), { recursive: true });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** What bash ran: `dir|word|word…` per command, dir '' at the start directory. */
function bashRuns(line: string): string[] | null {
  const r = spawnSync(BASH, ['--norc', '--noprofile', '-c', `${HANDLER}\n${line}`], { cwd: root, env: { PATH: '/nonexistent', ROOT: root }, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], timeout: 5000 });
  if (r.status !== 0 || r.stderr.length) return null;
  const out = (r.output[3] as Buffer | null)?.toString('utf8') ?? '';
  return out.split('\u0001').slice(0, -1).map((rec) => {
    const nl = rec.indexOf('\n');
    return [rec.slice(0, nl).replace(/^\//, ''), ...rec.slice(nl + 1).split('\0').slice(0, -1)].join('|');
  });
}

function readerRuns(line: string): string[] | null {
  const parsed = parseShell(line);
  if (parsed.unsure.length) return null;
  const cmds = parsed.commands.filter((c) => c.argv[0] !== 'cd');
  if (cmds.some((c) => c.dir === null)) return null;
  // The only words the lines have that are not literal are "$(…)": empty in bash, as the handler prints elsewhere.
  return cmds.map((c) => [c.dir === '.' ? '' : c.dir, ...c.argv.map((w, i) => (c.literal[i] ? w : ''))].join('|'));
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', ' ', "'", '"', '\\', '\n', '#', ';', '&', '(', ')', '|', '<', '>', 'é'), maxLength: 5 }).map(quoteWord);
const simple = fc.tuple(fc.constantFrom('c1', 'c2', 'git'), fc.array(word, { maxLength: 3 })).map(([n, a]) => [n, ...a].join(' '));
const { line } = fc.letrec<{ line: string; item: string }>((tie) => ({
  line: fc.tuple(tie('item'), fc.array(fc.tuple(fc.constantFrom(' ; ', ' && ', '\n', ';\n'), tie('item')), { maxLength: 3 })).map(([first, rest]) => first + rest.map(([op, i]) => op + i).join('')),
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    simple,
    simple,
    fc.constantFrom('cd a', 'cd b', 'cd a/b', 'cd ..'),
    tie('line').map((l) => `( ${l} )`),
    tie('line').map((l) => `{ ${l}; }`),
    fc.tuple(simple, tie('line')).map(([s, l]) => `${s} "$(${l})"`.replace(/"\$\(\(/, '"$( (')),
    tie('line').map((l) => `if ${l}; then c3; fi`),
    tie('line').map((l) => `${BASH} -c ${quoteWord(l)}`),
    fc.tuple(fc.constantFrom("<<'E'", '<<"E"', '<<\\E', '<<-E'), simple, simple).map(([op, s, body]) => `c1 ${op} && ${s}\n${body}\n\tE\nE\nc3`),
  ),
}));

describe('shell reader against the real bash: which commands run, where, with what', () => {
  it.skipIf(!BASH)('names what bash runs, in order, with the same words and directories', () => {
    let compared = 0;
    try {
      fc.assert(
        fc.property(line, (l) => {
          // cd .. from the start directory, or a cd into a directory the tree has not: bash would stop there.
          const mine = readerRuns(l);
          if (mine === null || mine.some((m) => m.startsWith('..') || m.split('|')[0]!.split('/').length > 3)) return;
          const bash = bashRuns(l);
          if (bash === null) return;
          compared++;
          expect(mine).toEqual(bash);
        }),
        { seed: SEED, numRuns: 50 },
      );
    } catch (err) {
      console.error(`shell reader vs bash failed with GUARD_SEED=${SEED}`);
      throw err;
    }
    expect(compared).toBeGreaterThan(25);
  });
});
