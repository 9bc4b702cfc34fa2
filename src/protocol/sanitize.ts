/**
 * Text from peers, on its way in and on its way out.
 *
 * In: `cleanText` when a message (or note, or another host's text) is accepted, so every reader
 * sees the same text: no ANSI escapes, no control characters but newline and tab; `oneLine`
 * for what must stay one line (notes, labels, names from other hosts).
 *
 * Out: `inert`, the one function everything shown to a model or a terminal passes, whatever its
 * source (message texts, labels, worktree paths, claimed resources, notes, remote hosts, error
 * words made of them): it cannot end its line, open or close a tag, or rearrange what is shown.
 */

// CSI, OSC (terminated by BEL or ST) and other two-byte escapes.
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
// C0 controls except \t and \n, DEL, C1 controls, and the Unicode line/paragraph separators and bidi overrides.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name shown to models and on terminals as it is (labels, session ids, claimed resources): one
 * line, none of CONTROL nor tab or newline, so it cannot pose as a line of its own. Checked
 * where names enter (the daemon's params); message texts and notes are cleaned instead.
 */
export const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ANSI, '').replace(CONTROL, '');
}

/** Cleaned text on one line: each run of newlines and tabs becomes a space. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/[\t\n]+/g, ' ');
}

/**
 * What a model or terminal could read as layout or command, or what hides text from a person
 * while a model still reads it: every control (C0 with newline and tab, DEL, C1: NEL ends a line
 * in some readers), line and paragraph separators, and every invisible character, by Unicode's
 * own lists rather than ours: the format characters (bidi controls, zero-width ones, BOM, the
 * interlinear annotation marks, the tag characters U+E0000–E007F) and the default-ignorable code
 * points (variation selectors, Hangul fillers, the combining grapheme joiner). One between `<`
 * and `/system-reminder>` would hide a tag from the tag check; a run of them spells text a model
 * reads and a person cannot see ("ASCII smuggling"; variation selectors carry a byte each). An
 * attack of ours found our own list missing the last three kinds. Kept: one text-or-emoji selector
 * right after an emoji or a keycap base (❤️, 1️⃣), how most emoji are written; it carries one bit.
 */
const UNSAFE = /(?<![\p{Extended_Pictographic}#*0-9])[\uFE0E\uFE0F]|(?![\uFE0E\uFE0F])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;
/**
 * A `<` that starts a tag, invisible characters between it and the name included: the host wraps
 * tool results and context in tags of its own.
 */
const TAG_START = /<(?=[\p{Cf}\p{Default_Ignorable_Code_Point}]*[/!?A-Za-z])/gu;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * What a label may show as it is. A label sits inside a structured line (`#7 12:00:03 <label>
 * [handoff]: "…"`), so beyond being inert it must be one token: no space, quote or bracket
 * with which a branch name could forge the kind, the recipient or the text of its own line.
 */
const LABEL_SAFE = /[^\w.:#/@+-]/g;

/** JSON-style: `\n`, or `\uXXXX` per UTF-16 unit (a tag character is a surrogate pair), so `JSON.parse` gives it back. */
function escapeChar(c: string): string {
  const short = SHORT_ESCAPES[c];
  if (short) return short;
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * Any string made inert for showing, in one of three forms:
 * - `bare` (resources, paths, names inside a sentence or a table cell): unsafe characters
 *   written as JSON-style escapes (`\n`, `\u202e`), a tag-starting `<` as `\u003c`, the rest,
 *   any language, as it is;
 * - `quoted` (a peer's text, a note, a path of its own): the same inside a JSON string literal,
 *   so no quote inside can end it and `JSON.parse` gives the text back unchanged;
 * - `label` (session labels, short ids, host names): one token, every character but
 *   `[A-Za-z0-9_.:#/@+-]` shown as `?`.
 */
export function inert(text: string, form: 'bare' | 'quoted' | 'label' = 'bare'): string {
  if (form === 'label') return text.replace(LABEL_SAFE, '?');
  const body = form === 'quoted' ? text.replace(/["\\]/g, '\\$&') : text;
  const escaped = body.replace(TAG_START, '\\u003c').replace(UNSAFE, escapeChar);
  return form === 'quoted' ? `"${escaped}"` : escaped;
}
