/**
 * Reading one shell word the way bash does before it runs a command: quotes removed ('…', "…",
 * $'…', $"…", backslashes, line continuations), and every expansion whose value the guard cannot
 * know ($VAR, ${…}, $((…)), ~, globs, brace lists) marked, so a caller never takes `$X` for a
 * path. Command substitutions ($(…), `…`, <(…), >(…)) are handed back to the parser through
 * `Nested`: what they run is reported like any other command.
 */

/** One word as the command will receive it. */
export interface Word {
  /** The text after quote removal; an expansion stays as written (`$HOME/x`). */
  value: string;
  /** False when some part is only known when the shell runs (an expansion, a glob, `~`). */
  literal: boolean;
  /** An unquoted `NAME=` start: an assignment when it comes before the command name. */
  assign: boolean;
  /** Some part was quoted or escaped (a here-doc delimiter so written keeps its body literal). */
  quoted: boolean;
}

/** What the lexer needs from the parser: reading a nested command list, and noting doubt. */
export interface Nested {
  /** Parse commands from `cur.i` up to the closing `)`, consuming it. */
  substitution(cur: Cursor): void;
  /** Parse a separate source (the inside of backticks). */
  source(text: string): void;
  unsure(why: UnsureWhy, text: string): void;
}

/** Why a piece of a command line could not be understood (the guard must not call it safe). */
export type UnsureWhy =
  | 'unterminated'
  | 'unbalanced'
  | 'too-deep'
  | 'case'
  | 'expansion-in-expansion'
  | 'shell-stdin'
  | 'shell-string'
  | 'eval'
  | 'command-name'
  | 'parse-error';

export interface Cursor {
  readonly src: string;
  i: number;
}

/** Characters that end an unquoted word. */
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const ASSIGN = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
const SPECIAL_PARAM = /[0-9@*#?$!-]/;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const ANSI_C: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

export function isMeta(c: string | undefined): boolean {
  return c === undefined || META.has(c);
}

/** Reads the word at `cur.i` (the caller has skipped blanks and checked it is not an operator). */
export function readWord(cur: Cursor, nested: Nested): Word {
  const { src } = cur;
  const start = cur.i;
  const w: Word = { value: '', literal: true, assign: ASSIGN.test(src.slice(start, start + 200)), quoted: false };
  while (cur.i < src.length) {
    const c = src[cur.i]!;
    if ((c === '<' || c === '>') && src[cur.i + 1] === '(') {
      cur.i += 2;
      nested.substitution(cur);
      w.value += `${c}(…)`;
      w.literal = false;
      continue;
    }
    if (isMeta(c)) break;
    if (c === '\\') {
      const next = src[cur.i + 1];
      cur.i += 2;
      if (next === '\n') continue;
      w.value += next ?? '\\';
      w.quoted = true;
    } else if (c === "'") {
      const end = src.indexOf("'", cur.i + 1);
      if (end < 0) nested.unsure('unterminated', src.slice(cur.i));
      w.value += src.slice(cur.i + 1, end < 0 ? src.length : end);
      w.quoted = true;
      cur.i = end < 0 ? src.length : end + 1;
    } else if (c === '"') {
      cur.i++;
      readDouble(cur, nested, w);
    } else if (c === '$' && src[cur.i + 1] === "'") {
      cur.i += 2;
      w.value += readAnsiC(cur, nested);
      w.quoted = true;
    } else if (c === '$' && src[cur.i + 1] === '"') {
      cur.i += 2;
      readDouble(cur, nested, w);
    } else if (c === '$' || c === '`') {
      readExpansion(cur, nested, w);
    } else {
      if (c === '*' || c === '?' || c === '[' || (c === '~' && cur.i === start)) w.literal = false;
      if (c === '{' && /^\{[^\s{}]*(,|\.\.)[^\s{}]*\}/.test(src.slice(cur.i, cur.i + 200))) w.literal = false;
      w.value += c;
      cur.i++;
    }
  }
  return w;
}

/** Inside "…": backslash escapes only $ ` " \ and newline; expansions still happen. */
function readDouble(cur: Cursor, nested: Nested, w: Word): void {
  const { src } = cur;
  const open = cur.i - 1;
  w.quoted = true;
  while (cur.i < src.length) {
    const c = src[cur.i]!;
    if (c === '"') {
      cur.i++;
      return;
    }
    if (c === '\\') {
      const next = src[cur.i + 1];
      cur.i += 2;
      if (next === '\n') continue;
      w.value += next !== undefined && '$`"\\'.includes(next) ? next : `\\${next ?? ''}`;
    } else if (c === '$' || c === '`') {
      readExpansion(cur, nested, w);
    } else {
      w.value += c;
      cur.i++;
    }
  }
  nested.unsure('unterminated', src.slice(open));
}

/**
 * The body of an unquoted here-document: text in which, as inside "…", backslash escapes
 * $ ` \ and newline, and expansions happen (its command substitutions run).
 */
export function readHeredocBody(cur: Cursor, nested: Nested): void {
  const sink: Word = { value: '', literal: true, assign: false, quoted: false };
  while (cur.i < cur.src.length) {
    const c = cur.src[cur.i];
    if (c === '\\') cur.i += 2;
    else if (c === '$' || c === '`') readExpansion(cur, nested, sink);
    else cur.i++;
  }
}

/** $'…': the escapes bash decodes there. */
function readAnsiC(cur: Cursor, nested: Nested): string {
  const { src } = cur;
  const open = cur.i - 2;
  let out = '';
  while (cur.i < src.length) {
    const c = src[cur.i]!;
    if (c === "'") {
      cur.i++;
      return out;
    }
    if (c !== '\\') {
      out += c;
      cur.i++;
      continue;
    }
    const e = src[cur.i + 1] ?? '';
    cur.i += 2;
    const hex = e === 'x' ? /^[0-9a-fA-F]{1,2}/ : e === 'u' ? /^[0-9a-fA-F]{1,4}/ : e === 'U' ? /^[0-9a-fA-F]{1,8}/ : null;
    const octal = /^[0-7]{1,3}/.exec(src.slice(cur.i - 1, cur.i + 2));
    if (ANSI_C[e] !== undefined) out += ANSI_C[e];
    else if (hex) {
      const m = hex.exec(src.slice(cur.i, cur.i + 8));
      if (m) {
        cur.i += m[0].length;
        const code = parseInt(m[0], 16);
        out += code <= 0x10ffff ? String.fromCodePoint(code) : '';
      } else out += `\\${e}`;
    } else if (octal) {
      cur.i += octal[0].length - 1;
      out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
    } else if (e === 'c' && cur.i < src.length) {
      out += String.fromCharCode(src.charCodeAt(cur.i++) & 0x1f);
    } else out += `\\${e}`;
  }
  nested.unsure('unterminated', src.slice(open));
  return out;
}

/** `$…` or a backtick at `cur.i`: a value only the running shell knows. */
function readExpansion(cur: Cursor, nested: Nested, w: Word): void {
  const { src } = cur;
  const start = cur.i;
  const c = src[cur.i]!;
  const next = src[cur.i + 1];
  if (c === '`') {
    let inner = '';
    let j = cur.i + 1;
    while (j < src.length && src[j] !== '`') {
      if (src[j] === '\\' && '$`\\'.includes(src[j + 1] ?? 'x')) j++;
      inner += src[j++];
    }
    if (j >= src.length) nested.unsure('unterminated', src.slice(start));
    cur.i = Math.min(j + 1, src.length);
    nested.source(inner);
  } else if (next === '(' && src[cur.i + 2] === '(' && isArithmetic(cur, nested)) {
    cur.i = skipBalanced(cur, nested, cur.i + 1, '(', ')');
  } else if (next === '(') {
    cur.i += 2;
    nested.substitution(cur);
  } else if (next === '{') {
    cur.i = skipBalanced(cur, nested, cur.i + 1, '{', '}');
    if (/\$\(|`/.test(src.slice(start, cur.i))) nested.unsure('expansion-in-expansion', src.slice(start, cur.i));
  } else if (next !== undefined && NAME_START.test(next)) {
    cur.i++;
    while (cur.i < src.length && NAME_CHAR.test(src[cur.i]!)) cur.i++;
  } else if (next !== undefined && SPECIAL_PARAM.test(next)) {
    cur.i += 2;
  } else {
    w.value += '$';
    cur.i++;
    return;
  }
  w.value += src.slice(start, cur.i);
  w.literal = false;
}

/**
 * At `$((`: arithmetic when the inner `(` closes right before the outer `)`, as bash decides;
 * otherwise (`$((cd a); git x)`) a command substitution that starts with a subshell.
 */
function isArithmetic(cur: Cursor, nested: Nested): boolean {
  const outer = skipBalanced(cur, nested, cur.i + 1, '(', ')', true);
  const inner = skipBalanced(cur, nested, cur.i + 2, '(', ')', true);
  return outer === inner + 1 && outer <= cur.src.length && cur.src[outer - 1] === ')';
}

/** From an opening bracket at `from`, past its match (quotes inside skipped); the end of input if none. */
function skipBalanced(cur: Cursor, nested: Nested, from: number, open: string, close: string, quiet = false): number {
  const { src } = cur;
  let depth = 0;
  for (let j = from; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === "'" && open === '{') j = Math.max(j, src.indexOf("'", j + 1));
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
  }
  if (quiet) return src.length + 1;
  nested.unsure('unterminated', src.slice(from - 1));
  return src.length;
}
