/**
 * The `session-bus` CLI run inside the test's own process: `run(argv, io)` with an io that
 * collects what it prints. The same commands a person runs, against the same real daemons,
 * without a Node start per command (the CLI tests ran it as a process some sixty times a file).
 * What only a process can show (its exit through a signal, the bin shim) is still tested by
 * running the built CLI as one.
 */
import type { CliIo } from '../../src/cli/io.ts';
import { CLI } from './paths.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A CLI running in this process: its output so far, a stop (the person's Ctrl-C, with its exit code), and its end. */
export interface RunningCli {
  out: { stdout: string; stderr: string };
  stop(code: number): void;
  exited: Promise<CliResult>;
}

/**
 * Starts `args` in this process with `env`, in `cwd`; stdout is a pipe (no TTY), as when a test
 * spawns the CLI. `stop` is what ends a command that runs until stopped (`tail -f`).
 */
export function startCliHere(args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): RunningCli {
  const out = { stdout: '', stderr: '' };
  const stopped = new AbortController();
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    env,
    cwd,
    isTTY: false,
    cliScript: CLI,
    untilStopped: () => stopped.signal,
  };
  // Loaded on first use: most test files never run the CLI here.
  const exited = import('../../src/cli/commands.ts').then(({ run }) => run(args, io)).then((code) => ({ code, ...out }));
  return { out, stop: (code) => stopped.abort(code), exited };
}

/** `args` run to the end in this process: its exit code and what it printed. */
export function cliHere(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliResult> {
  return startCliHere(args, env, cwd).exited;
}
