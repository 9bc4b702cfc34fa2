#!/usr/bin/env node
import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);
import {
  EndpointError,
  connectExisting,
  inert,
  safe,
  truncate
} from "./chunk-MTWGDKDP.mjs";

// src/cli/statusline.ts
import { fstatSync, readFileSync } from "node:fs";
var DEADLINE_MS = 1e3;
var MAX_CELLS = 60;
function statusLine(s, sessionId) {
  if (!s) return "bus: not running";
  const me = s.sessions.find((x) => x.sessionId === sessionId);
  const peers = s.sessions.filter((x) => x.connected && x !== me && !x.label.startsWith("human:")).length + s.federation.hosts.reduce((n, h) => n + h.sessions.length, 0);
  const others = s.claims.filter((c) => c.holder !== sessionId);
  const parts = [`bus: ${peers} peer${peers === 1 ? "" : "s"}`, `${me?.queueDepth ?? 0} unread`];
  const holder = (c) => safe(c.host ? `${c.label}@${c.host}` : c.label);
  if (others.length === 1) parts.push(`${safe(others[0].resource)} held by ${holder(others[0])}`);
  else if (others.length > 1) parts.push(`${others.length} claims by others: ${others.map((c) => safe(c.resource)).join(", ")}`);
  return truncate(parts.join(" \xB7 "), MAX_CELLS);
}
function readInput() {
  if (fstatSync(0).isCharacterDevice()) return {};
  try {
    return JSON.parse(readFileSync(0, "utf8"));
  } catch {
    return {};
  }
}
var USAGE = "session-bus statusline [--project DIR]";
function statuslineArgs(args) {
  if (args.length === 0) return {};
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    return { exit: 0, text: `${USAGE}
  One short line for Claude Code's statusLine setting; see \`session-bus help statusline\`.
` };
  }
  if (args.length === 2 && args[0] === "--project" && args[1]) return { project: args[1] };
  if (args.length === 1 && args[0].startsWith("--project=") && args[0].length > "--project=".length) return { project: args[0].slice("--project=".length) };
  return { exit: 2, text: `session-bus: statusline takes only --project DIR (Claude Code passes its JSON on stdin), not ${inert(JSON.stringify(args.join(" ")))}
Run \`session-bus help statusline\` for usage.
` };
}
async function main(args = process.argv.slice(3)) {
  const parsed = statuslineArgs(args);
  if ("exit" in parsed) {
    (parsed.exit === 0 ? process.stdout : process.stderr).write(parsed.text);
    process.exitCode = parsed.exit;
    return;
  }
  setTimeout(() => process.exit(0), DEADLINE_MS).unref();
  const input = readInput();
  const project = parsed.project ?? (process.env.CLAUDE_PROJECT_DIR || input.workspace?.project_dir || input.cwd || process.cwd());
  const sessionId = input.session_id || process.env.CLAUDE_CODE_SESSION_ID;
  let status;
  try {
    const conn = await connectExisting(project, { timeoutMs: DEADLINE_MS });
    status = await conn.client.request("status", {}, DEADLINE_MS);
    conn.client.close();
  } catch (err) {
    if (err instanceof EndpointError) return void process.stdout.write("bus: check SESSION_BUS_SOCKET_DIR (session-bus doctor)\n");
  }
  process.stdout.write(`${statusLine(status, sessionId)}
`);
}
export {
  main,
  statusLine,
  statuslineArgs
};
