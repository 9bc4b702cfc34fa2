/**
 * Properties of the guard's hand-written shell reader (issue 16 asks for them in place of a
 * maintained parser): quoted words read back as themselves, commands joined by any operator
 * come back in order, the words of a quoting-only line are the words bash itself passes
 * (checked against the real bash, with no PATH, so nothing but builtins can run), and no input
 * makes it throw or hang. GUARD_SEED=… replays or varies a run; a failure prints its seed.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShell, quoteWord } from '../../src/guard/shell-words.ts';

const SEED = Number(process.env.GUARD_SEED) || 0x16a5d;

function check<T>(prop: fc.IProperty<T>, numRuns: number): void {
  try {
    fc.assert(prop, { seed: SEED, numRuns });
  } catch (err) {
    console.error(`shell reader property failed with GUARD_SEED=${SEED}`);
    throw err;
  }
}

/** Words from anything: shell syntax, quotes, newlines, non-ASCII. */
const anyWord = fc.string({ unit: fc.oneof(fc.constantFrom(...' \t\n\'"\\$`;&|()<>{}[]*?~#=!-'), fc.constantFrom('a', 'b', 'git', 'é'), fc.string({ unit: 'grapheme', maxLength: 2 })), maxLength: 12 });
const OPERATORS = ['&&', '||', ';', '|', '\n', '&', ' ; ', '\n\n'];

describe('shell reader properties', () => {
  it('any words, quoted with quoteWord and joined, read back as the same words', () => {
    check(
      fc.property(fc.array(anyWord, { maxLength: 8 }), (words) => {
        const parsed = parseShell(['printf', ...words.map(quoteWord)].join(' '));
        expect(parsed.unsure).toEqual([]);
        expect(parsed.commands.map((c) => c.argv)).toEqual([['printf', ...words]]);
        expect(parsed.commands[0]!.literal.every(Boolean)).toBe(true);
      }),
      500,
    );
  });

  it('commands joined by any list or pipeline operator come back in order', () => {
    const command = fc.tuple(fc.constantFrom('printf', 'ls', 'git', 'x'), fc.array(anyWord, { maxLength: 4 }));
    check(
      fc.property(fc.array(fc.tuple(command, fc.constantFrom(...OPERATORS)), { minLength: 1, maxLength: 6 }), (parts) => {
        const line = parts.map(([[name, args], op]) => [name, ...args.map(quoteWord)].join(' ') + op).join(' ');
        expect(parseShell(line).commands.map((c) => c.argv)).toEqual(parts.map(([[name, args]]) => [name, ...args]));
      }),
      300,
    );
  });

  it('inside a subshell, a group or a substitution, the same words come back', () => {
    check(
      fc.property(fc.array(anyWord, { minLength: 1, maxLength: 4 }), fc.constantFrom('( X )', '{ X; }', 'echo $(X)', 'echo "$(X)"', 'echo `X`', 'bash -c X'), (words, shape) => {
        const inner = ['printf', ...words.map(quoteWord)].join(' ');
        // Inside backticks a backslash is an escape of its own: write the inner line for that.
        const text = shape.includes('`') ? inner.replace(/[\\`$]/g, '\\$&') : shape.startsWith('bash') ? quoteWord(inner) : inner;
        const parsed = parseShell(shape.replace('X', () => text));
        expect(parsed.commands[0]!.argv).toEqual(['printf', ...words]);
      }),
      300,
    );
  });

  it('never throws, and reads long hostile input quickly', () => {
    check(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...'\'"\\$`()<>{};&|\n #=!-', '$(', '<<', '<<EOF\n', '\nEOF\n', 'git ', 'stash'), fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c))), maxLength: 300 }), (text) => {
        const parsed = parseShell(text);
        // A boolean, not expect(): a thousand expect() calls cost seconds on a loaded machine.
        return Array.isArray(parsed.commands) && Array.isArray(parsed.unsure);
      }),
      1000,
    );
    const started = performance.now();
    for (const bomb of ['$('.repeat(5000), '('.repeat(5000), '"$('.repeat(3000), '`'.repeat(5001), "bash -c '".repeat(200), 'a '.repeat(50000), '<<E '.repeat(2000) + '\n']) {
      expect(() => parseShell(bomb)).not.toThrow();
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

/** The real bash, found once (the runs below get no PATH). */
const BASH = spawnSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout?.trim() ?? '';

/** What the real bash passes to a function for `line` (NUL-separated), or null when bash fails. */
function bashWords(args: string): string[] | null {
  const r = spawnSync(BASH, ['--norc', '--noprofile', '-c', `f() { printf '%s\\0' "$#" "$@"; }\nf ${args}`], { env: { PATH: '/nonexistent' }, encoding: 'utf8', timeout: 5000 });
  if (r.status !== 0 || r.stderr) return null;
  const [count, ...words] = r.stdout.split('\0').slice(0, -1);
  return words.length === Number(count) ? words : null;
}

describe('shell reader against the real bash', () => {
  it.skipIf(!BASH)('a line of quotes, escapes and plain words gives the words bash gives', () => {
    // Only what cannot run anything: no ; & | ( ) < > or backticks; $ for $'…', $"…" and $name.
    const unit = fc.constantFrom('a', 'b', ' ', ' ', "'", "'", '"', '"', '\\', '\\', '\n', '$', "$'", '$"', '\\n', '\\x4', '#', '{', ',', '}', 'é', '\t');
    let compared = 0;
    check(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 14 }), (args) => {
        if (/\\$/.test(args)) return;
        const parsed = parseShell(`f ${args}`);
        if (parsed.unsure.length || parsed.commands.length !== 1 || !parsed.commands[0]!.literal.every(Boolean)) return;
        const bash = bashWords(args);
        if (bash === null) return;
        compared++;
        expect(parsed.commands[0]!.argv.slice(1)).toEqual(bash);
      }),
      150,
    );
    expect(compared).toBeGreaterThan(30);
  });
});
