#!/usr/bin/env node
import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);
import {
  connectExisting,
  safe,
  truncate
} from "./chunk-PDHCZI5Y.mjs";

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
async function main() {
  setTimeout(() => process.exit(0), DEADLINE_MS).unref();
  const input = readInput();
  const project = process.env.CLAUDE_PROJECT_DIR || input.workspace?.project_dir || input.cwd || process.cwd();
  const sessionId = input.session_id || process.env.CLAUDE_CODE_SESSION_ID;
  let status;
  try {
    const conn = await connectExisting(project, { timeoutMs: DEADLINE_MS });
    status = await conn.client.request("status", {}, DEADLINE_MS);
    conn.client.close();
  } catch {
  }
  process.stdout.write(`${statusLine(status, sessionId)}
`);
}
export {
  main,
  statusLine
};
