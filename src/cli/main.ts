/**
 * session-bus: the humans' view of the bus.
 *   session-bus status [--json] [--project DIR]   is a daemon running, and who is here
 *   session-bus stop [--project DIR]              stop the project's daemon
 *   session-bus send TEXT [--kind K] [--project DIR]   broadcast as the human at this terminal
 *   session-bus peers|claims [--json]              who is here; who holds what
 * Exit codes: 0 ok, 1 error, 2 usage, 3 not running (status, peers, claims, stop).
 */
import { parseArgs } from 'node:util';
import { connectExisting, connectOrSpawn, type Connection } from '../client/connect.ts';
import { endpointFor } from '../client/endpoint.ts';
import { humanIdentity } from '../client/identity.ts';
import { locateProject } from '../client/project.ts';
import { ConnectionError, RpcError } from '../client/rpc-client.ts';
import { MESSAGE_KINDS, type MessageKind } from '../protocol/messages.ts';
import { VERSION } from '../protocol/version.ts';
import { formatClaims, formatPeers, formatStatus } from './format.ts';

const HELP = `session-bus ${VERSION}: a coordination channel for the Claude Code sessions of one project

Usage:
  session-bus status [--json]          is the project's daemon running; who is here
  session-bus peers [--json]           the sessions working here now
  session-bus claims [--json]          what is claimed, by whom, until when
  session-bus stop                     stop the project's daemon (it restarts on demand)
  session-bus send TEXT [--kind K]     broadcast TEXT to every session, as you (K: ${MESSAGE_KINDS.join('|')})

Options:
  --project DIR   the project (default: the current directory)
  --json          machine-readable output
  -h, --help      this help

Exit codes: 0 ok, 1 error, 2 usage, 3 daemon not running (status, peers, claims, stop).

Examples:
  session-bus status
  session-bus send "main is green again, safe to rebase" --kind handoff
`;

const NOT_RUNNING = 3;

class UsageError extends Error {}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      project: { type: 'string' },
      json: { type: 'boolean', default: false },
      kind: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.version) {
    console.log(VERSION);
    return 0;
  }
  if (values.help || !command) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  const project = values.project ?? process.cwd();
  switch (command) {
    case 'status':
      return status(project, values.json);
    case 'stop':
      return stop(project, values.json);
    case 'peers':
      return query(project, values.json, async (c) => {
        const { peers } = await c.client.request('peers', {});
        return values.json ? JSON.stringify({ peers }) : formatPeers(peers);
      });
    case 'claims':
      return query(project, values.json, async (c) => {
        const { claims } = await c.client.request('claims', {});
        return values.json ? JSON.stringify({ claims }) : formatClaims(claims);
      });
    case 'send': {
      const text = rest.join(' ');
      if (!text) throw new UsageError('send needs the message text: session-bus send "text"');
      const kind = values.kind ?? 'note';
      if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${MESSAGE_KINDS.join(', ')}`);
      return send(project, text, kind as MessageKind, values.json);
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

function isNotRunning(err: unknown): boolean {
  return err instanceof ConnectionError && (err.code === 'ENOENT' || err.code === 'ECONNREFUSED' || err.code === 'ENOTSOCK');
}

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
