/**
 * The command line, read with node's parseArgs; its errors reworded as one clear line that
 * names the fix (parseArgs' own text quotes unevenly and speaks of "positional arguments").
 */
import { parseArgs } from 'node:util';
import { commandDoc } from './help.ts';
import { OPTIONS } from './options.ts';
import { UsageError } from './parse.ts';

export function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (!e.code?.startsWith('ERR_PARSE_ARGS')) throw err;
    throw new UsageError(reword(e, argv));
  }
}

function reword(e: NodeJS.ErrnoException, argv: string[]): string {
  const command = argv.find((a) => !a.startsWith('-'));
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /Unknown option '([^']+)'/.exec(e.message)?.[1] ?? '?';
    if (command === 'send') {
      // The words as typed, the unknown options among them, without `send` and our own options.
      const { tokens } = parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
      const words = tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : t.kind === 'option' && !OPTION_NAMES.has(t.name) ? [t.rawName] : [])).filter((w, i) => i > 0 || w !== 'send');
      return `unknown option ${option}; a text starting with "-" goes after --: session-bus send -- ${JSON.stringify(words.join(' '))}`;
    }
    const doc = command ? commandDoc(command) : undefined;
    const takes = ['--project DIR', '--json', ...(doc?.options ?? [])].join(', ');
    return doc ? `unknown option ${option}; ${command} takes ${takes}` : `unknown option ${option}`;
  }
  // A missing value (`--since` at the end) and the like: node's sentence, without its quoting.
  return e.message.replace(/'/g, '').split('. ')[0]!;
}

const OPTION_NAMES = new Set(Object.keys(OPTIONS));
