/**
 * A Bash command line, as the Bash tool would run it, split into the simple commands it runs:
 * each one's words after assignments (`A=1 B=2 git …`) and wrappers (`command`, `builtin`,
 * `exec`, `env [-i] [-u N] [-C DIR] [VAR=…]`, `sudo [-u U] [-D DIR]`, `doas`, `nohup`, `time`,
 * `nice`, `timeout`, `stdbuf`, `xargs`, `find -exec`, `watch`), and the directory it runs in.
 * Shell strings are read too: `bash -c '…'` (sh, zsh, dash, ksh), `eval …` and `watch '…'`
 * are parsed again when their text is written out in the line; when it is not (`bash -c "$X"`),
 * or when a shell reads its commands from its input (`bash <<EOF`, `… | sh`), that is unsure.
 *
 * Why a tokenizer of our own, not a maintained parser (measured on this machine, node 20, a
 * process that loads the parser and parses one line, against `node -e 0`): shell-quote (5 KB
 * bundled, ~4 ms, 1.15× as a process) only tokenizes, and it loses what the guard depends on:
 * a newline is blank to it (`x⏎git stash` comes back as one command `x git stash`), backticks
 * are plain text, `$(…)` inside double quotes is one word, `\⏎` becomes an empty word,
 * here-document bodies become words. @ericcornelissen/bash-parser (the maintained fork of
 * bash-parser; 220 KB bundled, babylon 6 inside) costs ~125 ms to load: 1.9× `node -e 0`.
 * mvdan-sh (deprecated GopherJS build, 1.3 MB) 2.4×, sh-syntax (mvdan/sh as 750 KB of WASM,
 * async start) 2.9×, tree-sitter-bash on web-tree-sitter ~10×. The hook budget is 1.15× for
 * the whole check, and the hook bundle takes no dependency (scripts/build.mjs --check). So the
 * grammar the guard needs is here (shell-lexer.ts, shell-syntax.ts, ~500 lines), pinned by
 * table and property tests (test/guard).
 */
import { posix } from 'node:path';
import { dirOf, moveDir } from './directory.ts';
import type { Word } from './shell-lexer.ts';
import { parseInto, type RawCommand, type Sink, type Unsure } from './shell-syntax.ts';

export type { Unsure } from './shell-syntax.ts';
export type { UnsureWhy } from './shell-lexer.ts';

/** One command the line runs, as that command receives it. */
export interface SimpleCommand {
  /** Its words after assignments and wrappers, quotes removed; argv[0] is the program. */
  argv: string[];
  /** Per argv word: false when its value is only known when the shell runs (`$X`, `*.ts`, `~`). */
  literal: boolean[];
  /** `NAME=value` set for it (before it, or through `env`/`sudo`). */
  env: string[];
  /** Where it runs relative to where the line starts ('.'); null when unknown (`cd $X`). */
  dir: string | null;
  /** Its text in the line (or in the shell string it came from). */
  text: string;
  /** It gets more arguments than the line shows (`xargs git add`, `find … -exec git rm {} +`). */
  moreArgs: boolean;
}

export interface ParsedLine {
  commands: SimpleCommand[];
  /** Parts of the line the reader could not follow: a caller must not take them as safe. */
  unsure: Unsure[];
}

/** Why 64: shell strings inside shell strings; a real line has one or two. */
const MAX_REPARSE = 64;
const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'busybox']);
const SHELL_ARG_OPTIONS = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);

/** A wrapper: the options that take a separate argument, and how many positionals come before the command. */
interface Wrapper {
  withArg: Set<string>;
  positionals?: number;
  /** Options that change the directory the command runs in. */
  chdir?: Set<string>;
  assigns?: boolean;
  moreArgs?: boolean;
  /** Options after which it runs nothing (`command -v git`). */
  noRun?: Set<string>;
}
const WRAPPERS: Record<string, Wrapper> = {
  command: { withArg: new Set(), noRun: new Set(['-v', '-V']) },
  builtin: { withArg: new Set() },
  exec: { withArg: new Set(['-a']) },
  nohup: { withArg: new Set() },
  time: { withArg: new Set() },
  nice: { withArg: new Set(['-n', '--adjustment']) },
  sudo: { withArg: new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '--user', '--group', '--host', '--prompt', '--close-from', '--chdir', '--role', '--type', '--other-user', '--command-timeout']), chdir: new Set(['-D', '--chdir']), assigns: true, noRun: new Set(['-l', '-v', '-k', '-K', '-V', '-e', '--list', '--validate', '--edit']) },
  doas: { withArg: new Set(['-u', '-C']) },
  env: { withArg: new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']), chdir: new Set(['-C', '--chdir']), assigns: true },
  timeout: { withArg: new Set(['-s', '-k', '--signal', '--kill-after']), positionals: 1 },
  stdbuf: { withArg: new Set(['-i', '-o', '-e', '--input', '--output', '--error']) },
  xargs: { withArg: new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-lines', '--max-args', '--max-procs', '--max-chars', '--process-slot-var']), moreArgs: true },
};

class Unwrapper {
  private readonly sink: Sink = { commands: [], unsure: [], depth: 0 };
  private readonly out: SimpleCommand[] = [];
  private reparses = 0;
  private readonly moreArgs = new Set<RawCommand>();
  /** The raw command being unwrapped: what it runs goes right after it, in running order. */
  private at = 0;

  run(line: string): ParsedLine {
    parseInto(line, this.sink, '.');
    for (this.at = 0; this.at < this.sink.commands.length; this.at++) this.unwrap(this.sink.commands[this.at]!);
    return { commands: this.out, unsure: this.sink.unsure };
  }

  private unsure(why: Unsure['why'], text: string): void {
    this.sink.unsure.push({ why, text: text.slice(0, 300) });
  }

  private reparse(text: string, dir: string | null, whole: string): void {
    if (++this.reparses > MAX_REPARSE) return this.unsure('too-deep', whole);
    const inner: Sink = { commands: [], unsure: this.sink.unsure, depth: this.sink.depth };
    parseInto(text, inner, dir);
    this.sink.commands.splice(this.at + 1, 0, ...inner.commands);
  }

  private unwrap(raw: RawCommand): void {
    let ws = raw.words;
    let dir = raw.dir;
    let moreArgs = this.moreArgs.has(raw);
    const env: string[] = [];
    for (;;) {
      while (ws[0]?.assign) env.push(ws.shift()!.value);
      const head = ws[0];
      if (!head) return;
      if (!head.literal) {
        if (/git/i.test(head.value)) this.unsure('command-name', raw.text);
        break;
      }
      const name = posix.basename(head.value);
      const wrapper = WRAPPERS[name];
      if (wrapper) {
        const rest = this.skipOptions(ws.slice(1), wrapper, (d) => (dir = moveDir(dir, d)));
        if (rest === null) return;
        if (wrapper.assigns) while (rest[0] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0].value)) env.push(rest.shift()!.value);
        moreArgs ||= wrapper.moreArgs === true;
        ws = rest;
        if (ws.length === 0 && name === 'xargs') ws = [{ value: 'echo', literal: true, assign: false, quoted: false }];
        continue;
      }
      if (name === 'find') return this.findExec(ws, raw, dir);
      if (SHELLS.has(name)) return this.shell(ws, raw, dir);
      if (name === 'eval' || name === 'watch') {
        const body = name === 'watch' ? this.skipOptions(ws.slice(1), { withArg: new Set(['-n', '--interval', '-q', '--equexit']) }, () => {}) : ws.slice(1);
        if (!body) return;
        if (body.every((w) => w.literal)) return this.reparse(body.map((w) => w.value).join(' '), dir, raw.text);
        return this.unsure('eval', raw.text);
      }
      break;
    }
    this.out.push({ argv: ws.map((w) => w.value), literal: ws.map((w) => w.literal), env, dir, text: raw.text, moreArgs });
  }

  /** The words after a wrapper's options (and its leading positionals); null when it runs nothing. */
  private skipOptions(ws: Word[], w: Wrapper, chdir: (dir: string | null) => void): Word[] | null {
    let k = 0;
    while (k < ws.length && ws[k]!.value.startsWith('-') && ws[k]!.value.length > 1) {
      const opt = ws[k]!.value;
      k++;
      if (opt === '--') break;
      const [flag, attached] = opt.startsWith('--') ? splitLong(opt) : [opt.slice(0, 2), opt.length > 2 && w.withArg.has(opt.slice(0, 2)) ? opt.slice(2) : undefined];
      if (w.noRun?.has(flag)) return null;
      if (!w.withArg.has(flag)) continue;
      const arg = attached ?? ws[k++];
      const value = typeof arg === 'string' ? arg : arg ? dirOf(arg) : null;
      if (w.chdir?.has(flag)) chdir(value);
      if (flag === '-S' || flag === '--split-string') {
        this.unsure('shell-string', ws.map((x) => x.value).join(' '));
        return null;
      }
    }
    return ws.slice(k + (w.positionals ?? 0));
  }

  /** `find … -exec CMD … ;` (and -execdir, -ok, -okdir): each CMD runs with paths find adds. */
  private findExec(ws: Word[], raw: RawCommand, dir: string | null): void {
    const subs: RawCommand[] = [];
    for (let k = 1; k < ws.length; k++) {
      if (!/^-(exec|execdir|ok|okdir)$/.test(ws[k]!.value)) continue;
      let end = k + 1;
      while (end < ws.length && ws[end]!.value !== ';' && ws[end]!.value !== '+') end++;
      const sub: RawCommand = { words: ws.slice(k + 1, end), text: raw.text, dir };
      this.moreArgs.add(sub);
      subs.push(sub);
      k = end;
    }
    this.sink.commands.splice(this.at + 1, 0, ...subs);
  }

  /** `bash -c '…'` is read again; a shell reading its input (no -c, no script) is unsure. */
  private shell(ws: Word[], raw: RawCommand, dir: string | null): void {
    let k = 1;
    let command = false;
    while (k < ws.length && /^[-+]./.test(ws[k]!.value)) {
      const opt = ws[k++]!.value;
      if (opt === '--' || opt === '-') break;
      if (SHELL_ARG_OPTIONS.has(opt)) k++;
      else if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(opt)) command = true;
    }
    const first = ws[k];
    if (command) {
      if (first?.literal) return this.reparse(first.value, dir, raw.text);
      return this.unsure('shell-string', raw.text);
    }
    if (!first || ws.slice(1).some((w) => w.value === '-s')) this.unsure('shell-stdin', raw.text);
  }
}

function splitLong(opt: string): [string, string | undefined] {
  const eq = opt.indexOf('=');
  return eq < 0 ? [opt, undefined] : [opt.slice(0, eq), opt.slice(eq + 1)];
}

/** Every simple command `line` runs, and what could not be followed. Never throws. */
export function parseShell(line: string): ParsedLine {
  try {
    return new Unwrapper().run(line);
  } catch (err) {
    return { commands: [], unsure: [{ why: 'parse-error', text: `${line.slice(0, 200)} (${String(err).slice(0, 80)})` }] };
  }
}

/** Words that bash reads as syntax in command position: quoted so they stay words. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'in', 'case', 'esac', 'function', 'select', 'time', '!', '{', '}', '[[', ']]', 'coproc']);

/** `word` written so that bash reads it back as exactly that one word. */
export function quoteWord(word: string): string {
  if (/^[A-Za-z0-9_/.,:@%+-]+$/.test(word) && !RESERVED.has(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
