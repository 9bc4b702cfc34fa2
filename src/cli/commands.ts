/**
 * session-bus: the humans' view of the bus (every command but `statusline`). `session-bus --help` lists the commands;
 * `session-bus help CMD` (or `CMD --help`) explains one, with examples.
 * Exit codes: 0 ok, 1 error (doctor: a check failed), 2 usage, 3 not running (status, peers, claims, stop).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { locateProject } from '../place/project.ts';
import { startSettingsProblem } from '../place/settings.ts';
import { RpcError } from '../transport/rpc-client.ts';
import { inert } from '../protocol/sanitize.ts';
import { VERSION } from '../protocol/version.ts';
import { parseCommandLine } from './args.ts';
import { colorEnabled } from './color.ts';
import { config } from './config-command.ts';
import { guard } from './guard-command.ts';
import { claims, peers, restart, send, status, stop } from './daemon-commands.ts';
import { formatDoctor, runDoctor } from './doctor.ts';
import { follow, log, tail, type FeedOutput } from './feed.ts';
import { jsonLine, type Layout } from './format.ts';
import { COMMANDS, commandDoc, commandHelp, completionScript, generalHelp } from './help.ts';
import { processIo, type CliIo, type CommandContext } from './io.ts';
import { parseCount, parseKinds, parseSince, UsageError } from './parse.ts';
import { terminalColumns } from './width.ts';

/** `tail` without -n shows this many, like tail(1). */
const DEFAULT_TAIL_LINES = 10;
/** Options every command takes. */
const COMMON_OPTIONS = new Set(['project', 'json', 'help', 'version']);
/** Commands that take words after them. */
const TAKES_WORDS = new Set(['send', 'help', 'completion', 'config', 'guard']);

/**
 * Runs one command line and returns its exit code. Everything it reads of its process comes in
 * `io`; an error is worded on `io.stderr` (usage errors exit 2, others 1), never thrown.
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`session-bus: ${shown(err.message)}\nRun \`session-bus --help\` for usage.\n`);
      return 2;
    }
    const message = err instanceof RpcError ? err.message : (err as Error).message || String(err);
    io.stderr(`session-bus: ${shown(message)}\n`);
    return 1;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (!command) {
    io.stdout(generalHelp());
    return values.help ? 0 : 2;
  }
  const doc = commandDoc(command);
  if (!doc) throw new UsageError(`unknown command ${JSON.stringify(command)}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
  if (values.help) {
    io.stdout(commandHelp(doc));
    return 0;
  }
  for (const key of Object.keys(values)) {
    if (!COMMON_OPTIONS.has(key) && !doc.options.includes(`--${key}`)) throw new UsageError(`${command} does not take --${key}`);
  }
  if (!TAKES_WORDS.has(command) && rest.length > 0) throw new UsageError(`${command} takes no arguments, got ${JSON.stringify(rest.join(' '))}`);
  const project = path.resolve(io.cwd, values.project ?? '.');
  if (values.project !== undefined && !isFolder(project)) throw new UsageError(`--project ${values.project}: ${fs.existsSync(project) ? 'a file, not a folder' : 'no such folder'}`);
  const json = values.json ?? false;
  const ctx: CommandContext = { project, json, env: io.env, out: (line) => io.stdout(`${line}\n`), note: (line) => io.stderr(`${line}\n`) };
  const feed: FeedOutput = { ...ctx, color: !json && colorEnabled(io, io.env) };
  /** Tables fit the terminal unless --wide; worktrees are shown relative to the repository. */
  const layout = (): Layout => ({ columns: values.wide ? undefined : terminalColumns(io.env, io), root: locateProject(project).busRoot });
  switch (command) {
    case 'help': {
      if (rest.length === 0) {
        io.stdout(generalHelp());
        return 0;
      }
      const topic = commandDoc(rest[0]!);
      if (!topic) throw new UsageError(`no help for ${JSON.stringify(rest[0])}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
      io.stdout(commandHelp(topic));
      return 0;
    }
    case 'completion': {
      const shell = rest[0] ?? 'bash';
      if (shell !== 'bash' && shell !== 'zsh') throw new UsageError('completion takes bash or zsh');
      io.stdout(completionScript(shell));
      return 0;
    }
    case 'status':
      return status(ctx, layout());
    case 'stop':
      return stop(ctx);
    case 'restart':
      return restart(ctx);
    case 'config':
      return config(ctx, rest);
    case 'guard':
      return guard(ctx, rest, io.cliScript);
    case 'peers':
      return peers(ctx, layout());
    case 'claims':
      return claims(ctx, layout());
    case 'tail': {
      const lines = values.lines === undefined ? DEFAULT_TAIL_LINES : parseCount(values.lines, '-n');
      if (!values.follow) return tail(feed, lines);
      // Stopped, it exits with the code the stop gave (a signal's: 128 + its number, Ctrl-C 130).
      const stopped = io.untilStopped();
      await follow(feed, lines, stopped);
      return typeof stopped.reason === 'number' ? stopped.reason : 0;
    }
    case 'log':
      return log(
        feed,
        {
          sinceTs: values.since === undefined ? undefined : parseSince(values.since, Date.now()),
          from: values.from,
          kinds: values.kind ? parseKinds(values.kind) : undefined,
          grep: values.grep,
          lines: values.lines === undefined ? undefined : parseCount(values.lines, '-n'),
        },
      );
    case 'send': {
      const text = rest.join(' ');
      if (!text) throw new UsageError('send needs the message text: session-bus send "text"');
      const kinds = parseKinds(values.kind ?? ['note']);
      if (kinds.length !== 1) throw new UsageError('send takes one --kind');
      // A bad setting is the daemon's start-up error: say it here, once, instead of spawning a
      // daemon that exits and waiting out the start deadline.
      const problem = startSettingsProblem(locateProject(project).mailboxDir, io.env);
      if (problem) throw new UsageError(problem.message);
      return send(ctx, text, kinds[0]!);
    }
    case 'doctor': {
      const report = await runDoctor(project, io.env);
      ctx.out(json ? jsonLine(report) : formatDoctor(report, colorEnabled(io, io.env)));
      return report.ok ? 0 : 1;
    }
    case 'statusline':
      // Reached only with an option before it that is not its own (main.ts routes the rest to it).
      throw new UsageError('statusline takes only --project DIR (Claude Code passes its JSON on stdin)');
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

/**
 * An error's words as the terminal shows them: made inert line by line, since they may carry what
 * the person or a repository gave (a --project value, a folder's name, an environment variable)
 * and the lines of a daemon's log a failed start quotes.
 */
function shown(message: string): string {
  return message
    .split('\n')
    .map((line) => inert(line))
    .join('\n');
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The `session-bus` process: the CLI with the process's own io, its exit code the process's. */
export function main(): void {
  // `session-bus log | head`: the reader left; that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
  void run(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
