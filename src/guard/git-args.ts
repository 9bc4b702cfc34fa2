/**
 * The arguments of one git subcommand read the way git's option parser reads them: short
 * option clusters (`-fdx`, `-am msg`), long options with `=` or a separate value, unique
 * prefixes of long options (`--al` is `--all`), `--` ending options, and the positionals
 * (pathspecs, revisions) that remain. A positional whose value the shell only knows when it
 * runs (`$f`, `*.ts`) is kept with `literal: false`.
 */

export interface GitArgs {
  /** Every option seen, in its long or short spelling (`--all`, `-a`), without its value. */
  flags: string[];
  /** Positionals before `--` (or all of them when there is none). */
  positionals: Positional[];
  /** Whether `--` was given, and the words after it (always pathspecs). */
  dashDash: boolean;
  afterDashDash: Positional[];
}

export interface Positional {
  value: string;
  literal: boolean;
}

/**
 * Reads `words` (the subcommand's arguments); `withValue` names the options that take a value
 * (`-m`, `--message`): a short one takes the rest of its cluster or the next word, a long one
 * its `=value` or the next word.
 */
export function readGitArgs(words: Positional[], withValue: readonly string[]): GitArgs {
  const out: GitArgs = { flags: [], positionals: [], dashDash: false, afterDashDash: [] };
  const takesValue = new Set(withValue);
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const v = w.value;
    if (out.dashDash) out.afterDashDash.push(w);
    else if (v === '--') out.dashDash = true;
    else if (v.startsWith('--') && w.literal) {
      const eq = v.indexOf('=');
      const name = expandLong(eq < 0 ? v : v.slice(0, eq), withValue);
      out.flags.push(name);
      if (eq < 0 && takesValue.has(name)) k++;
    } else if (v.startsWith('-') && v.length > 1 && w.literal) {
      for (let c = 1; c < v.length; c++) {
        const flag = `-${v[c]}`;
        out.flags.push(flag);
        if (takesValue.has(flag)) {
          if (c === v.length - 1) k++;
          break;
        }
      }
    } else out.positionals.push(w);
  }
  return out;
}

/** A unique prefix of a long option that takes a value, written out (`--mess` → `--message`). */
function expandLong(name: string, withValue: readonly string[]): string {
  const matches = withValue.filter((o) => o.startsWith('--') && o.startsWith(name));
  return matches.length === 1 ? matches[0]! : name;
}

/**
 * Whether any of `names` was given: a short name exactly, a long one also as a prefix of at
 * least three letters after `--` (git accepts `--al` for `--all`; an ambiguous prefix counts
 * for each option it could be, which only ever errs toward seeing a change).
 */
export function hasFlag(args: GitArgs, ...names: string[]): boolean {
  return args.flags.some((f) => names.some((n) => f === n || (n.startsWith('--') && f.startsWith('--') && f.length >= 4 && n.startsWith(f))));
}

/** The pathspecs: positionals after `skip` leading ones, and everything after `--`. */
export function pathspecs(args: GitArgs, skip = 0): Positional[] {
  return [...args.positionals.slice(skip), ...args.afterDashDash];
}
