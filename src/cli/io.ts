/**
 * Everything the CLI takes from the process it runs in: where it writes, its environment and
 * folder, what kind of stdout it has, how it is stopped. `run` (commands.ts) reads only this, so
 * the same commands run as `session-bus` (`processIo`) and inside a test's process, which then
 * reads what they print without starting a Node process per command.
 */
import * as path from 'node:path';

export interface CliIo {
  /** Text for stdout, written as is (the commands add their newlines). */
  stdout: (text: string) => void;
  /** Text for stderr: errors and notes for the person, never mixed into the data. */
  stderr: (text: string) => void;
  /** Where the socket dir is, the settings a daemon started from here gets, NO_COLOR, COLUMNS. */
  env: NodeJS.ProcessEnv;
  /** The project when no --project is given; a relative --project is taken from here. */
  cwd: string;
  /** stdout is a terminal: colors by default, and tables fit its `columns`. */
  isTTY: boolean;
  columns?: number;
  /** The CLI's script, for the pre-commit hook `guard install` writes: it runs `node <cliScript> guard check`. */
  cliScript: string;
  /**
   * For a command that runs until stopped (`tail -f`), called as it starts: the signal aborts
   * when the person stops it, with the exit code as its reason (Ctrl-C 130, SIGTERM 143, as a
   * shell expects of a process a signal stopped).
   */
  untilStopped: () => AbortSignal;
}

/** The io of the `session-bus` process itself. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
    cliScript: path.resolve(process.argv[1]!),
    untilStopped() {
      // Only now: until a command runs until stopped, Ctrl-C ends the process the usual way.
      const stopped = new AbortController();
      process.once('SIGINT', () => stopped.abort(128 + 2));
      process.once('SIGTERM', () => stopped.abort(128 + 15));
      return stopped.signal;
    },
  };
}

/** What each command is given: the project, --json, the CLI's environment, and where its lines go. */
export interface CommandContext {
  /** The project folder, absolute. */
  project: string;
  json: boolean;
  env: NodeJS.ProcessEnv;
  /** One line to stdout. */
  out: (line: string) => void;
  /** One line for the person, to stderr. */
  note: (line: string) => void;
}
