/**
 * Plain ANSI colors for the terminal view, no dependency. On only when stdout is a terminal and
 * NO_COLOR is unset (https://no-color.org); FORCE_COLOR turns them on for a pipe (`| less -R`).
 */

export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  // FORCE_COLOR=0 (or false) is a wish for no color, also on a terminal (as in chalk and node).
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR) return true;
  return stream.isTTY === true;
}

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  brightBlue: [94, 39],
  brightCyan: [96, 39],
  brightWhite: [97, 39],
} as const;

export type Style = keyof typeof CODES;

export type Paint = (style: Style, text: string) => string;

export function painter(on: boolean): Paint {
  if (!on) return (_style, text) => text;
  return (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m`;
}

/**
 * Senders keep one color each, chosen from their label, so a busy feed reads by color. None of
 * these is a kind's color (yellow lock, green unlock, magenta handoff): a sender never looks like a kind.
 */
export const LABEL_COLORS: Style[] = ['cyan', 'blue', 'brightCyan', 'brightBlue', 'brightWhite'];

export function labelStyle(label: string): Style {
  let h = 0;
  for (let i = 0; i < label.length; i++) h = (h * 31 + label.charCodeAt(i)) >>> 0;
  return LABEL_COLORS[h % LABEL_COLORS.length]!;
}
