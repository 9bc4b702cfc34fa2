/**
 * session-bus: the humans' view of the bus. `session-bus --help` lists the commands;
 * `session-bus help CMD` (or `CMD --help`) explains one, with examples.
 * Exit codes: 0 ok, 1 error (doctor: a check failed), 2 usage, 3 not running (status, peers, claims, stop).
 */
import { parseArgs } from 'node:util';
import { connectExisting, connectOrSpawn, type Connection } from '../client/connect.ts';
import { endpointFor } from '../client/endpoint.ts';
import { humanIdentity } from '../client/identity.ts';
import { locateProject } from '../client/project.ts';
import { RpcError } from '../client/rpc-client.ts';
import { type MessageKind } from '../protocol/messages.ts';
import { VERSION } from '../protocol/version.ts';
import { colorEnabled } from './color.ts';
import { formatDoctor, runDoctor } from './doctor.ts';
import { follow, isNotRunning, log, tail, type FeedOutput } from './feed.ts';
import { formatClaims, formatPeers, formatStatus } from './format.ts';
import { COMMANDS, commandDoc, commandHelp, completionScript, generalHelp } from './help.ts';
import { parseCount, parseKinds, parseSince, UsageError } from './parse.ts';

const NOT_RUNNING = 3;
/** `tail` without -n shows this many, like tail(1). */
const DEFAULT_TAIL_LINES = 10;
/** Options every command takes. */
const COMMON_OPTIONS = new Set(['project', 'json', 'help', 'version']);
/** Commands that take words after them. */
const TAKES_WORDS = new Set(['send', 'help', 'completion']);

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      project: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      kind: { type: 'string', multiple: true },
      follow: { type: 'boolean', short: 'f' },
      lines: { type: 'string', short: 'n' },
      since: { type: 'string' },
      from: { type: 'string', multiple: true },
      grep: { type: 'string' },
    },
  });
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
      return status(project, json);
    case 'stop':
      return stop(project, json);
    case 'peers':
      return query(project, json, async (c) => {
        const { peers } = await c.client.request('peers', {});
        return json ? JSON.stringify({ peers }) : formatPeers(peers);
      });
    case 'claims':
      return query(project, json, async (c) => {
        const { claims } = await c.client.request('claims', {});
        return json ? JSON.stringify({ claims }) : formatClaims(claims);
      });
    case 'tail': {
      const lines = values.lines === undefined ? DEFAULT_TAIL_LINES : parseCount(values.lines, '-n');
      if (!values.follow) return tail(project, lines, feed);
      const stopped = new AbortController();
      process.once('SIGINT', () => stopped.abort());
      process.once('SIGTERM', () => stopped.abort());
      return follow(project, lines, feed, stopped.signal);
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

async function status(project: string, json: boolean): Promise<number> {
  const location = locateProject(project);
  const endpoint = endpointFor(location.busRoot);
  let conn;
  try {
    conn = await connectExisting(project);
  } catch (err) {
    if (isNotRunning(err)) {
      if (json) console.log(JSON.stringify({ running: false, root: location.busRoot, socketPath: endpoint.socketPath, logPath: endpoint.logPath, mailboxPath: location.mailboxPath }));
      else console.log(`session-bus daemon: not running for ${location.busRoot}\n  socket    ${endpoint.socketPath}\n  log       ${endpoint.logPath}`);
      return NOT_RUNNING;
    }
    throw err;
  }
  try {
    const s = await conn.client.request('status', {});
    console.log(json ? JSON.stringify({ running: true, ...s }) : formatStatus(s));
    return 0;
  } finally {
    conn.client.close();
  }
}

/** A read-only command against a running daemon: never starts one. */
async function query(project: string, json: boolean, fn: (c: Connection) => Promise<string>): Promise<number> {
  let conn: Connection;
  try {
    conn = await connectExisting(project);
  } catch (err) {
    if (isNotRunning(err)) {
      console.log(json ? JSON.stringify({ running: false }) : 'session-bus daemon: not running');
      return NOT_RUNNING;
    }
    throw err;
  }
  try {
    console.log(await fn(conn));
    return 0;
  } finally {
    conn.client.close();
  }
}

async function stop(project: string, json: boolean): Promise<number> {
  let conn;
  try {
    conn = await connectExisting(project);
  } catch (err) {
    if (isNotRunning(err)) {
      console.log(json ? JSON.stringify({ stopped: false, running: false }) : 'session-bus daemon: not running');
      return NOT_RUNNING;
    }
    throw err;
  }
  await conn.client.request('shutdown', { reason: 'session-bus stop' });
  conn.client.close();
  console.log(json ? JSON.stringify({ stopped: true, pid: conn.hello.pid }) : `session-bus daemon stopped (pid ${conn.hello.pid})`);
  return 0;
}

async function send(project: string, text: string, kind: MessageKind, json: boolean): Promise<number> {
  const conn = await connectOrSpawn(project);
  try {
    const result = await conn.client.request('broadcast', { ...humanIdentity(project), text, kind });
    console.log(json ? JSON.stringify(result) : `sent #${result.seq} as ${result.from}`);
    return 0;
  } finally {
    conn.client.close();
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
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith?.('ERR_PARSE_ARGS')) {
      console.error(`session-bus: ${err.message}\nRun \`session-bus --help\` for usage.`);
      process.exitCode = 2;
      return;
    }
    const message = err instanceof RpcError ? err.message : err.message || String(err);
    console.error(`session-bus: ${message}`);
    process.exitCode = 1;
  },
);
