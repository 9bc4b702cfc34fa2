/**
 * session-bus: the humans' view of the bus (every command but `statusline`). `session-bus --help` lists the commands;
 * `session-bus help CMD` (or `CMD --help`) explains one, with examples.
 * Exit codes: 0 ok, 1 error (doctor: a check failed), 2 usage, 3 not running (status, peers, claims, stop).
 */
import * as fs from 'node:fs';
import { readConfig } from '../place/config.ts';
import { locateProject } from '../place/project.ts';
import { readSettingsFile, resolveSettings, settingsPath } from '../place/settings.ts';
import { RpcError } from '../transport/rpc-client.ts';
import { VERSION } from '../protocol/version.ts';
import { parseCommandLine } from './args.ts';
import { colorEnabled } from './color.ts';
import { config } from './config-command.ts';
import { guard } from './guard-command.ts';
import { claims, peers, restart, send, status, stop } from './daemon-commands.ts';
import { formatDoctor, runDoctor } from './doctor.ts';
import { follow, log, tail, type FeedOutput } from './feed.ts';
import type { Layout } from './format.ts';
import { COMMANDS, commandDoc, commandHelp, completionScript, generalHelp } from './help.ts';
import { parseCount, parseKinds, parseSince, UsageError } from './parse.ts';
import { terminalColumns } from './width.ts';

/** `tail` without -n shows this many, like tail(1). */
const DEFAULT_TAIL_LINES = 10;
/** Options every command takes. */
const COMMON_OPTIONS = new Set(['project', 'json', 'help', 'version']);
/** Commands that take words after them. */
const TAKES_WORDS = new Set(['send', 'help', 'completion', 'config', 'guard']);

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (values.version) {
    console.log(VERSION);
    return 0;
  }
  if (!command) {
    process.stdout.write(generalHelp());
    return values.help ? 0 : 2;
  }
  const doc = commandDoc(command);
  if (!doc) throw new UsageError(`unknown command ${JSON.stringify(command)}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
  if (values.help) {
    process.stdout.write(commandHelp(doc));
    return 0;
  }
  for (const key of Object.keys(values)) {
    if (!COMMON_OPTIONS.has(key) && !doc.options.includes(`--${key}`)) throw new UsageError(`${command} does not take --${key}`);
  }
  if (!TAKES_WORDS.has(command) && rest.length > 0) throw new UsageError(`${command} takes no arguments, got ${JSON.stringify(rest.join(' '))}`);
  const project = values.project ?? process.cwd();
  if (values.project !== undefined && !isFolder(values.project)) throw new UsageError(`--project ${values.project}: no such folder`);
  const json = values.json ?? false;
  const feed: FeedOutput = {
    json,
    color: !json && colorEnabled(process.stdout),
    out: (line) => process.stdout.write(`${line}\n`),
    note: (line) => process.stderr.write(`${line}\n`),
  };
  switch (command) {
    case 'help': {
      if (rest.length === 0) {
        process.stdout.write(generalHelp());
        return 0;
      }
      const topic = commandDoc(rest[0]!);
      if (!topic) throw new UsageError(`no help for ${JSON.stringify(rest[0])}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
      process.stdout.write(commandHelp(topic));
      return 0;
    }
    case 'completion': {
      const shell = rest[0] ?? 'bash';
      if (shell !== 'bash' && shell !== 'zsh') throw new UsageError('completion takes bash or zsh');
      process.stdout.write(completionScript(shell));
      return 0;
    }
    case 'status':
      return status(project, json, layout(project, values.wide));
    case 'stop':
      return stop(project, json);
    case 'restart':
      return restart(project, json);
    case 'config':
      return config(project, rest, json);
    case 'guard':
      return guard(project, rest);
    case 'peers':
      return peers(project, json, layout(project, values.wide));
    case 'claims':
      return claims(project, json, layout(project, values.wide));
    case 'tail': {
      const lines = values.lines === undefined ? DEFAULT_TAIL_LINES : parseCount(values.lines, '-n');
      if (!values.follow) return tail(project, lines, feed);
      // Stopped by a signal, exit as a shell expects of one: 128 + its number (Ctrl-C: 130).
      const stopped = new AbortController();
      let code = 0;
      process.once('SIGINT', () => ((code = 130), stopped.abort()));
      process.once('SIGTERM', () => ((code = 143), stopped.abort()));
      await follow(project, lines, feed, stopped.signal);
      return code;
    }
    case 'log':
      return log(
        project,
        {
          sinceTs: values.since === undefined ? undefined : parseSince(values.since, Date.now()),
          from: values.from,
          kinds: values.kind ? parseKinds(values.kind) : undefined,
          grep: values.grep,
          lines: values.lines === undefined ? undefined : parseCount(values.lines, '-n'),
        },
        feed,
      );
    case 'send': {
      const text = rest.join(' ');
      if (!text) throw new UsageError('send needs the message text: session-bus send "text"');
      const kinds = parseKinds(values.kind ?? ['note']);
      if (kinds.length !== 1) throw new UsageError('send takes one --kind');
      // A bad setting is the daemon's start-up error: say it here, once, instead of spawning a
      // daemon that exits and waiting out the start deadline.
      try {
        readConfig(resolveSettings(process.env, readSettingsFile(settingsPath(locateProject(project).mailboxDir))).env);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      return send(project, text, kinds[0]!, json);
    }
    case 'doctor': {
      const report = await runDoctor(project);
      console.log(json ? JSON.stringify(report) : formatDoctor(report, colorEnabled(process.stdout)));
      return report.ok ? 0 : 1;
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

/** Tables fit the terminal unless --wide; worktrees are shown relative to the repository. */
function layout(project: string, wide = false): Layout {
  return { columns: wide ? undefined : terminalColumns(), root: locateProject(project).busRoot };
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

// `session-bus log | head`: the reader left; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    if (err instanceof UsageError) {
      console.error(`session-bus: ${err.message}\nRun \`session-bus --help\` for usage.`);
      process.exitCode = 2;
      return;
    }
    const message = err instanceof RpcError ? err.message : err.message || String(err);
    console.error(`session-bus: ${message}`);
    process.exitCode = 1;
  },
);
