/**
 * The command line's options (parsed in args.ts) and where its command word is. The entry
 * (main.ts) finds the command word before it loads the full CLI, so that `statusline` gets its
 * small module however the line is written: `session-bus --project DIR statusline` too.
 */
import { parseArgs } from 'node:util';

export const OPTIONS = {
  project: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  wide: { type: 'boolean' },
  kind: { type: 'string', multiple: true },
  follow: { type: 'boolean', short: 'f' },
  lines: { type: 'string', short: 'n' },
  since: { type: 'string' },
  from: { type: 'string', multiple: true },
  grep: { type: 'string' },
} as const;

/** The index of the command word: the first argument that is neither an option nor an option's value (-1: none). */
export function commandWordAt(argv: readonly string[]): number {
  // Not strict: an unknown option is the full CLI's to word; here it only must not be taken for the command.
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  return tokens.find((t) => t.kind === 'positional')?.index ?? -1;
}
