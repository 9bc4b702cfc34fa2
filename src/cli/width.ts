/**
 * Display width on a terminal, and cutting text to a width. CJK and most emoji take two cells,
 * combining marks and zero-width joiners none; counting UTF-16 units instead misaligns tables
 * and overflows the line.
 */

// Wide: Hangul Jamo, CJK radicals … Yi, Hangul syllables, CJK compatibility, fullwidth forms,
// CJK extension planes 2 and 3, and emoji shown as emoji by default (Emoji_Presentation).
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]|\p{Emoji_Presentation}/u;
// Zero width: combining marks, variation selectors, ZWJ/ZWNJ and other format characters.
const ZERO = /[\p{Mn}\p{Me}\p{Cf}\ufe00-\ufe0f]/u;

function charWidth(ch: string): number {
  if (ZERO.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** `text` cut to at most `width` cells, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** `text` padded with spaces to `width` cells. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * How wide the terminal is, or undefined for no limit: `$COLUMNS` when set (a person's or a
 * script's explicit wish), else the terminal's own width; a pipe has no width.
 */
export function terminalColumns(env: NodeJS.ProcessEnv, stream: { isTTY?: boolean; columns?: number }): number | undefined {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stream.isTTY && stream.columns ? stream.columns : undefined;
}
