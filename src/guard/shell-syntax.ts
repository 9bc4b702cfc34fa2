/**
 * The grammar half of the shell reader: a command line split into the simple commands bash would
 * run, through lists (`&&`, `||`, `;`, `&`, newlines), pipelines, subshells `( … )`, groups
 * `{ …; }`, compound keywords (`if`, `while`, …), function bodies, command and process
 * substitutions, and here-documents (their bodies are data; an unquoted body's substitutions
 * run). Each command carries the directory it runs in, from `cd`/`pushd` earlier in the same
 * shell (a subshell's, a pipeline element's or a background job's `cd` does not leak out).
 * Whatever it cannot follow is noted as unsure, never dropped.
 */
import { dirOf, moveDir } from './directory.ts';
import { isMeta, readHeredocBody, readWord, type Cursor, type Nested, type UnsureWhy, type Word } from './shell-lexer.ts';

/** One simple command as written: its words (assignments and wrappers still in front). */
export interface RawCommand {
  words: Word[];
  /** Its source text, for showing. */
  text: string;
  /** Where it runs, relative to where the line starts ('.'); null when a `cd` went somewhere unknown. */
  dir: string | null;
}

export interface Unsure {
  why: UnsureWhy;
  /** The part of the line it is about (cut to a few hundred characters). */
  text: string;
}

/** What one parse (and every nested one) adds to. */
export interface Sink {
  commands: RawCommand[];
  unsure: Unsure[];
  /** Nesting so far: substitutions, subshells, groups and shell strings share one budget. */
  depth: number;
}

interface Shell {
  dir: string | null;
}

/** Why 64: bash itself accepts more, but no command a person or model writes nests that deep. */
const MAX_DEPTH = 64;
/** Why 300: enough to recognise the text in a reason, short enough to keep a reply small. */
const MAX_UNSURE_TEXT = 300;
/** Reserved words that open or continue a compound command: the command follows them. */
const LEADING_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', 'fi', 'done', 'esac']);
const REDIRECT = /^(?:\d+|\{[A-Za-z_][A-Za-z0-9_]*\})?(?:<<<|<<-|<<|<>|<&|>>|>&|>\||&>>|&>|<(?!\()|>(?!\())/;

export class ShellParser implements Nested {
  private readonly cur: Cursor;
  private here: Shell;
  private heredocs: { delim: string; strip: boolean; quoted: boolean }[] = [];

  constructor(src: string, private readonly sink: Sink, dir: string | null) {
    this.cur = { src, i: 0 };
    this.here = { dir };
  }

  run(): void {
    this.list(null, this.here);
  }

  /** The source is an unquoted here-document body: only its substitutions run. */
  runBody(): void {
    readHeredocBody(this.cur, this);
  }

  unsure(why: UnsureWhy, text: string): void {
    this.sink.unsure.push({ why, text: text.slice(0, MAX_UNSURE_TEXT) });
  }

  substitution(cur: Cursor): void {
    this.nest(() => this.list(')', { dir: this.here.dir }), cur.src.slice(cur.i - 2));
  }

  source(text: string): void {
    this.nest(() => new ShellParser(text, this.sink, this.here.dir).run(), text);
  }

  private nest(body: () => void, text: string): void {
    const saved = this.here;
    if (++this.sink.depth > MAX_DEPTH) {
      this.unsure('too-deep', text);
      this.cur.i = this.cur.src.length;
    } else body();
    this.sink.depth--;
    this.here = saved;
  }

  private list(closer: ')' | '}' | null, sh: Shell): void {
    const { cur } = this;
    for (;;) {
      this.blanks();
      const c = cur.src[cur.i];
      if (c === undefined) {
        if (closer) this.unsure('unterminated', `… (missing ${closer})`);
        return;
      }
      if (c === '\n') {
        cur.i++;
        this.readHeredocs();
      } else if (c === ';' || c === '&') cur.i++;
      else if (c === ')') {
        cur.i++;
        if (closer === ')') return;
        this.unsure('unbalanced', cur.src.slice(Math.max(0, cur.i - 40), cur.i + 40));
      } else if (c === '}' && closer === '}' && isMeta(cur.src[cur.i + 1])) {
        cur.i++;
        return;
      } else {
        const before = cur.i;
        this.andOr(sh);
        // Nothing read: a character the grammar does not place here. Step over it, noting it.
        if (cur.i === before) {
          this.unsure('parse-error', cur.src.slice(Math.max(0, cur.i - 40), cur.i + 40));
          cur.i++;
        }
      }
    }
  }

  private andOr(sh: Shell): void {
    const { cur } = this;
    for (;;) {
      this.pipeline(sh);
      this.blanks();
      const op = cur.src.slice(cur.i, cur.i + 2);
      if (op !== '&&' && op !== '||') return;
      cur.i += 2;
      this.newlines();
    }
  }

  private pipeline(sh: Shell): void {
    const { cur } = this;
    let count = 0;
    let last: Shell = sh;
    for (;;) {
      last = { dir: sh.dir };
      this.command(last);
      count++;
      this.blanks();
      if (cur.src[cur.i] !== '|' || cur.src[cur.i + 1] === '|') break;
      cur.i += cur.src[cur.i + 1] === '&' ? 2 : 1;
      this.newlines();
    }
    const background = cur.src[cur.i] === '&' && cur.src[cur.i + 1] !== '&';
    if (count === 1 && !background) sh.dir = last.dir;
  }

  private command(sh: Shell): void {
    const { cur } = this;
    this.blanks();
    const c = cur.src[cur.i];
    if (c === '(') {
      cur.i++;
      this.nest(() => this.list(')', { dir: sh.dir }), cur.src.slice(cur.i - 1));
      this.redirects(sh);
    } else if (c === '{' && isMeta(cur.src[cur.i + 1])) {
      cur.i++;
      this.nest(() => this.list('}', sh), cur.src.slice(cur.i - 1));
      this.redirects(sh);
    } else this.simple(sh);
  }

  private simple(sh: Shell): void {
    const { cur } = this;
    const words: Word[] = [];
    let start = -1;
    let end = cur.i;
    for (;;) {
      this.blanks();
      const at = cur.i;
      if (this.redirect(sh)) {
        if (start < 0) start = at;
        end = cur.i;
        continue;
      }
      const c = cur.src[cur.i];
      if (c === '(' && words.length === 1 && /^\(\s*\)/.test(cur.src.slice(cur.i))) {
        cur.i = cur.src.indexOf(')', cur.i) + 1;
        this.newlines();
        return this.command(sh);
      }
      if (isMeta(c) && !((c === '<' || c === '>') && cur.src[cur.i + 1] === '(')) break;
      this.here = sh;
      const w = readWord(cur, this);
      if (words.length === 0 && w.literal && !w.quoted && start < 0) {
        if (LEADING_KEYWORDS.has(w.value)) return this.command(sh);
        if (w.value === 'function') {
          this.blanks();
          if (!isMeta(cur.src[cur.i])) readWord(cur, this);
          this.blanks();
          if (/^\(\s*\)/.test(cur.src.slice(cur.i))) cur.i = cur.src.indexOf(')', cur.i) + 1;
          this.newlines();
          return this.command(sh);
        }
        if (w.value === 'case') this.unsure('case', cur.src.slice(at));
      }
      if (start < 0) start = at;
      end = cur.i;
      words.push(w);
    }
    if (words.length === 0) return;
    this.sink.commands.push({ words, text: cur.src.slice(start, end), dir: sh.dir });
    sh.dir = afterCd(words, sh.dir);
  }

  /** Redirections after `)` or `}`. */
  private redirects(sh: Shell): void {
    do this.blanks();
    while (this.redirect(sh));
  }

  /** A redirection at the cursor, with its target; false (nothing read) when there is none. */
  private redirect(sh: Shell): boolean {
    const { cur } = this;
    const m = REDIRECT.exec(cur.src.slice(cur.i, cur.i + 40));
    if (!m) return false;
    cur.i += m[0].length;
    this.blanks();
    if (isMeta(cur.src[cur.i])) return true;
    this.here = sh;
    const target = readWord(cur, this);
    if (m[0].endsWith('<<') || m[0].endsWith('<<-')) this.heredocs.push({ delim: target.value, strip: m[0].endsWith('-'), quoted: target.quoted });
    return true;
  }

  /** After a newline: the bodies of the here-documents opened on the line before. */
  private readHeredocs(): void {
    const { cur } = this;
    for (const doc of this.heredocs) {
      const from = cur.i;
      let found = false;
      while (cur.i < cur.src.length) {
        const nl = cur.src.indexOf('\n', cur.i);
        const lineEnd = nl < 0 ? cur.src.length : nl;
        const line = cur.src.slice(cur.i, lineEnd);
        cur.i = nl < 0 ? cur.src.length : nl + 1;
        if ((doc.strip ? line.replace(/^\t+/, '') : line) === doc.delim) {
          found = true;
          break;
        }
      }
      const body = cur.src.slice(from, cur.i);
      if (!found) this.unsure('unterminated', `<<${doc.delim}`);
      if (!doc.quoted && /\$\(|`/.test(body)) this.nest(() => new ShellParser(body, this.sink, this.here.dir).runBody(), body);
    }
    this.heredocs = [];
  }

  /** Spaces, tabs, line continuations and comments. */
  private blanks(): void {
    const { cur } = this;
    for (;;) {
      const c = cur.src[cur.i];
      if (c === ' ' || c === '\t') cur.i++;
      else if (c === '\\' && cur.src[cur.i + 1] === '\n') cur.i += 2;
      else if (c === '#') {
        const nl = cur.src.indexOf('\n', cur.i);
        cur.i = nl < 0 ? cur.src.length : nl;
      } else return;
    }
  }

  /** Blanks and newlines (where a command may continue on the next line: after `|`, `&&`, `||`). */
  private newlines(): void {
    for (;;) {
      this.blanks();
      if (this.cur.src[this.cur.i] !== '\n') return;
      this.cur.i++;
      this.readHeredocs();
    }
  }
}

/** The directory after a command: moved by `cd`/`pushd` (unknown after `cd`, `cd -`, `cd $X`, `popd`). */
function afterCd(words: Word[], dir: string | null): string | null {
  const rest = words.slice(words.findIndex((w) => !w.assign));
  const name = rest[0]?.value;
  if (name === 'popd') return null;
  if (name !== 'cd' && name !== 'pushd') return dir;
  let k = 1;
  while (rest[k] && /^-[LPe@]+$/.test(rest[k]!.value)) k++;
  if (rest[k]?.value === '--') k++;
  const target = rest[k];
  if (!target || target.value === '-' || target.value === '') return null;
  return moveDir(dir, dirOf(target));
}

/** Every simple command of `src` (and of what it substitutes), and what could not be followed. */
export function parseInto(src: string, sink: Sink, dir: string | null): void {
  new ShellParser(src, sink, dir).run();
}
