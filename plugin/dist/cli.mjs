#!/usr/bin/env node
import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);

// src/cli/main.ts
import { parseArgs } from "node:util";

// src/protocol/limits.ts
var MAX_TEXT_BYTES = 4096;
var MAX_FRAME_BYTES = 64 * 1024;
var MAX_CLIENT_BACKLOG_BYTES = 1024 * 1024;
var MAX_SOCKET_PATH_BYTES = 100;

// src/protocol/errors.ts
function describeError(code, data = {}) {
  switch (code) {
    case -32700 /* ParseError */:
      return `invalid JSON on the wire${data.detail ? `: ${String(data.detail)}` : ""}`;
    case -32600 /* InvalidRequest */:
      return `not a JSON-RPC 2.0 request${data.detail ? `: ${String(data.detail)}` : ""}`;
    case -32601 /* MethodNotFound */:
      return `unknown method ${JSON.stringify(data.method)}`;
    case -32602 /* InvalidParams */:
      return `invalid parameters for ${String(data.method)}: ${String(data.detail ?? "wrong shape")}`;
    case -32603 /* Internal */:
      return `internal error in the session-bus daemon${data.detail ? `: ${String(data.detail)}` : ""}`;
    case -32001 /* FrameTooLarge */:
      return `frame of ${String(data.bytes)} bytes is over the ${MAX_FRAME_BYTES}-byte limit; closing the connection`;
    case -32002 /* InvalidUtf8 */:
      return "frame is not valid UTF-8";
    case -32010 /* TextTooLong */:
      return `message text is ${String(data.bytes)} bytes; the limit is ${MAX_TEXT_BYTES} bytes. Shorten it or point to a file instead`;
    case -32011 /* TextEmpty */:
      return "message text is empty";
    case -32020 /* LogWriteFailed */:
      return `the message was not sent: the mailbox could not be written (${String(data.cause ?? "I/O error")}) at ${String(data.path ?? "the mailbox")}. Free disk space or fix permissions; reads keep working`;
    case -32030 /* IncompatibleProtocol */:
      return `the running session-bus daemon (version ${String(data.daemonVersion)}, protocol ${String(data.daemonProtocol)}) is newer than this client (version ${String(data.clientVersion)}, protocol ${String(data.clientProtocol)}). Update the session-bus plugin in this session, or stop the daemon with \`session-bus stop\``;
    case -32040 /* ShuttingDown */:
      return "the daemon is shutting down; retry";
    case -32050 /* UnknownRecipient */:
      return `unknown or ambiguous recipient ${JSON.stringify(data.recipient)}; live peers: ${formatList(data.peers)}`;
    case -32060 /* ClaimConflict */:
      return `${String(data.resource)} is held by ${String(data.holder)}${data.host ? ` on ${String(data.host)}` : ""} since ${String(data.since)}${data.note ? ` (${String(data.note)})` : ""}`;
    case -32061 /* NotHolder */:
      return `${String(data.resource)} is not held by this session`;
    default:
      return `error ${code}`;
  }
}
function formatList(v) {
  return Array.isArray(v) && v.length > 0 ? v.join(", ") : "none";
}
var BusError = class extends Error {
  constructor(code, data = {}) {
    super(describeError(code, data));
    this.code = code;
    this.data = data;
    this.name = "BusError";
  }
  code;
  data;
  toWire() {
    return { code: this.code, message: this.message, data: this.data };
  }
};

// src/protocol/version.ts
var VERSION = "0.1.0";
var PROTOCOL_VERSION = 1;

// src/client/endpoint.ts
import { createHash } from "node:crypto";
import * as os from "node:os";
import * as path from "node:path";
var EndpointError = class extends Error {
  name = "EndpointError";
};
function socketDir(env = process.env) {
  const override = env.SESSION_BUS_SOCKET_DIR;
  if (override) return path.resolve(override);
  const uid = typeof process.getuid === "function" ? process.getuid() : os.userInfo().username;
  return path.join("/tmp", `session-bus-${uid}`);
}
function hashRoot(root) {
  return createHash("sha256").update(root).digest("hex").slice(0, 16);
}
function endpointFor(busRoot, env = process.env) {
  const hash = hashRoot(busRoot);
  const dir = socketDir(env);
  const base = path.join(dir, hash);
  const endpoint = {
    dir,
    socketPath: `${base}.sock`,
    lockPath: `${base}.lock`,
    logPath: `${base}.log`,
    hash
  };
  if (process.platform === "win32") {
    const user = os.userInfo().username;
    endpoint.socketPath = `\\\\.\\pipe\\session-bus-${hashRoot(`${user}\0${busRoot}`)}`;
    return endpoint;
  }
  const bytes = Buffer.byteLength(endpoint.socketPath);
  if (bytes > MAX_SOCKET_PATH_BYTES) {
    throw new EndpointError(
      `socket path ${endpoint.socketPath} is ${bytes} bytes, over the ${MAX_SOCKET_PATH_BYTES}-byte limit of Unix sockets. Set SESSION_BUS_SOCKET_DIR to a shorter directory, e.g. SESSION_BUS_SOCKET_DIR=/tmp/sb`
    );
  }
  return endpoint;
}

// src/client/private-dir.ts
import * as fs from "node:fs";
var PrivateDirError = class extends Error {
  name = "PrivateDirError";
};
function ensurePrivateDir(dir) {
  try {
    fs.mkdirSync(dir, { mode: 448, recursive: true });
  } catch (err) {
    const code = err.code;
    if (code !== "EEXIST") throw new PrivateDirError(`cannot create the socket directory ${dir}: ${code ?? String(err)}`);
  }
  checkPrivateDir(dir);
}
function checkPrivateDir(dir) {
  if (process.platform === "win32") return;
  const st = fs.lstatSync(dir);
  if (st.isSymbolicLink()) {
    throw new PrivateDirError(`refusing the socket directory ${dir}: it is a symlink. Remove it (rm ${dir}) or set SESSION_BUS_SOCKET_DIR`);
  }
  if (!st.isDirectory()) {
    throw new PrivateDirError(`refusing the socket directory ${dir}: it is not a directory. Remove it or set SESSION_BUS_SOCKET_DIR`);
  }
  const uid = process.getuid?.();
  if (uid !== void 0 && st.uid !== uid) {
    throw new PrivateDirError(
      `refusing the socket directory ${dir}: owned by uid ${st.uid}, not by you (uid ${uid}). Set SESSION_BUS_SOCKET_DIR to a directory of your own`
    );
  }
  if ((st.mode & 63) !== 0) {
    throw new PrivateDirError(
      `refusing the socket directory ${dir}: mode ${(st.mode & 511).toString(8)} lets others in. Run: chmod 700 ${dir}`
    );
  }
}

// src/client/project.ts
import * as fs3 from "node:fs";
import * as path3 from "node:path";

// src/client/git-files.ts
import * as fs2 from "node:fs";
import * as path2 from "node:path";
function findGitDir(dir) {
  let cur = path2.resolve(dir);
  for (; ; ) {
    const dotGit = path2.join(cur, ".git");
    try {
      const st = fs2.statSync(dotGit);
      if (st.isDirectory()) return dotGit;
      if (st.isFile()) {
        const m = /^gitdir:\s*(.+)$/m.exec(fs2.readFileSync(dotGit, "utf8"));
        if (m) return path2.resolve(cur, m[1].trim());
      }
    } catch {
    }
    const parent = path2.dirname(cur);
    if (parent === cur) return void 0;
    cur = parent;
  }
}
function gitCommonDir(gitDir) {
  try {
    let common = gitDir;
    try {
      common = path2.resolve(gitDir, fs2.readFileSync(path2.join(gitDir, "commondir"), "utf8").trim());
    } catch {
    }
    return fs2.realpathSync(common);
  } catch {
    return void 0;
  }
}

// src/client/project.ts
var MAILBOX_FILE = "mailbox.jsonl";
var LEGACY_MAILBOX_DIR = path3.join(".claude", ".session-bus");
function locateProject(dir) {
  const projectDir = fs3.realpathSync(dir);
  const gitDir = findGitDir(projectDir);
  const commonDir = gitDir ? gitCommonDir(gitDir) : void 0;
  if (commonDir) {
    const mailboxDir2 = path3.join(commonDir, "session-bus");
    return { projectDir, busRoot: commonDir, mailboxDir: mailboxDir2, mailboxPath: path3.join(mailboxDir2, MAILBOX_FILE), inGit: true };
  }
  const mailboxDir = path3.join(projectDir, LEGACY_MAILBOX_DIR);
  return { projectDir, busRoot: projectDir, mailboxDir, mailboxPath: path3.join(mailboxDir, MAILBOX_FILE), inGit: false };
}

// src/client/rpc-client.ts
import * as net from "node:net";

// src/protocol/framing.ts
var utf8 = new TextDecoder("utf-8", { fatal: true });
var NEWLINE = 10;
var LineDecoder = class {
  constructor(maxLineBytes = MAX_FRAME_BYTES) {
    this.maxLineBytes = maxLineBytes;
  }
  maxLineBytes;
  chunks = [];
  buffered = 0;
  /** Once a line is over the limit we skip bytes until its newline instead of buffering them. */
  discarding = false;
  /** Feeds a chunk; returns the complete frames it finished, in order. */
  push(chunk) {
    const frames = [];
    let start = 0;
    for (; ; ) {
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl === -1) break;
      const piece = chunk.subarray(start, nl);
      if (this.discarding) {
        this.discarding = false;
      } else if (this.buffered + piece.length > this.maxLineBytes) {
        frames.push({ kind: "oversize", bytes: this.buffered + piece.length });
      } else {
        const line = this.buffered === 0 ? piece : Buffer.concat([...this.chunks, piece]);
        const frame = decodeLine(line);
        if (frame) frames.push(frame);
      }
      this.chunks = [];
      this.buffered = 0;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0 && !this.discarding) {
      if (this.buffered + rest.length > this.maxLineBytes) {
        frames.push({ kind: "oversize", bytes: this.buffered + rest.length });
        this.chunks = [];
        this.buffered = 0;
        this.discarding = true;
      } else {
        this.chunks.push(Buffer.from(rest));
        this.buffered += rest.length;
      }
    }
    return frames;
  }
  /** Bytes held for an unfinished line. */
  get pendingBytes() {
    return this.buffered;
  }
};
function decodeLine(line) {
  let text;
  try {
    text = utf8.decode(line);
  } catch {
    return { kind: "invalid-utf8" };
  }
  if (text.trim() === "") return void 0;
  try {
    return { kind: "message", value: JSON.parse(text) };
  } catch (err) {
    return { kind: "invalid-json", detail: err.message };
  }
}
function encodeFrame(value) {
  return JSON.stringify(value) + "\n";
}

// src/client/rpc-client.ts
var RpcError = class extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
  code;
  data;
  name = "RpcError";
};
var ConnectionError = class extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
  code;
  name = "ConnectionError";
};
var RpcClient = class _RpcClient {
  constructor(socket) {
    this.socket = socket;
    socket.on("data", (chunk) => this.onData(chunk));
    socket.on("error", (err) => this.fail(new ConnectionError(err.message, err.code)));
    socket.on("close", () => this.fail(new ConnectionError("the session-bus daemon closed the connection")));
  }
  socket;
  nextId = 1;
  waiters = /* @__PURE__ */ new Map();
  decoder = new LineDecoder(Number.MAX_SAFE_INTEGER);
  closedError;
  onNotification;
  onClose;
  static connect(socketPath, timeoutMs = 2e3) {
    return new Promise((resolve5, reject) => {
      const socket = net.createConnection(socketPath);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ConnectionError(`timed out connecting to ${socketPath}`, "ETIMEDOUT"));
      }, timeoutMs);
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        resolve5(new _RpcClient(socket));
      });
      socket.once("error", (err) => {
        clearTimeout(timer);
        reject(new ConnectionError(err.message, err.code));
      });
    });
  }
  request(method, params, timeoutMs = 1e4) {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = this.nextId++;
    return new Promise((resolve5, reject) => {
      const waiter = { resolve: resolve5, reject };
      if (timeoutMs > 0) {
        waiter.timer = setTimeout(() => {
          this.waiters.delete(id);
          reject(new ConnectionError(`no answer to ${method} within ${timeoutMs} ms`, "ETIMEDOUT"));
        }, timeoutMs);
      }
      this.waiters.set(id, waiter);
      this.socket.write(encodeFrame({ jsonrpc: "2.0", id, method, params }));
    });
  }
  /** Sends raw bytes: for tests that speak bad frames. */
  writeRaw(data) {
    this.socket.write(data);
  }
  close() {
    this.socket.end();
    this.socket.destroy();
  }
  /** Lets the process exit while this connection stays open (a long-lived MCP server does not want that). */
  unref() {
    this.socket.unref();
  }
  get closed() {
    return this.closedError !== void 0;
  }
  onData(chunk) {
    for (const frame of this.decoder.push(chunk)) {
      if (frame.kind !== "message") continue;
      const msg = frame.value;
      if (msg.method !== void 0 && msg.id === void 0) {
        this.onNotification?.(msg.method, msg.params);
        continue;
      }
      const waiter = typeof msg.id === "number" ? this.waiters.get(msg.id) : void 0;
      if (!waiter) continue;
      this.waiters.delete(msg.id);
      if (waiter.timer) clearTimeout(waiter.timer);
      if (msg.error) {
        waiter.reject(new RpcError(msg.error.code, msg.error.message || describeError(msg.error.code, msg.error.data), msg.error.data));
      } else {
        waiter.resolve(msg.result);
      }
    }
  }
  fail(err) {
    if (this.closedError) return;
    this.closedError = err;
    for (const w of this.waiters.values()) {
      if (w.timer) clearTimeout(w.timer);
      w.reject(err);
    }
    this.waiters.clear();
    this.onClose?.(err);
  }
};

// src/client/spawn.ts
import { spawn } from "node:child_process";
import * as fs4 from "node:fs";
import * as path4 from "node:path";
import { fileURLToPath } from "node:url";
function daemonEntry(env = process.env) {
  if (env.SESSION_BUS_DAEMON_ENTRY) return env.SESSION_BUS_DAEMON_ENTRY;
  const here = path4.dirname(fileURLToPath(import.meta.url));
  const candidates = [path4.join(here, "daemon.mjs"), path4.resolve(here, "../../plugin/dist/daemon.mjs")];
  for (const c of candidates) if (fs4.existsSync(c)) return c;
  return candidates[0];
}
function spawnDaemon(location, endpoint, env = process.env) {
  const out = fs4.openSync(endpoint.logPath, "a", 384);
  try {
    const child = spawn(
      process.execPath,
      [daemonEntry(env), "--project", location.projectDir],
      { detached: true, stdio: ["ignore", out, out], env, cwd: "/", windowsHide: true }
    );
    child.on("error", () => {
    });
    child.unref();
    return child.pid;
  } finally {
    fs4.closeSync(out);
  }
}
function tailLog(logPath, lines = 8) {
  try {
    const text = fs4.readFileSync(logPath, "utf8");
    return text.trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

// src/client/connect.ts
var StartError = class extends Error {
  name = "StartError";
};
var NOT_RUNNING = /* @__PURE__ */ new Set(["ENOENT", "ECONNREFUSED", "ENOTSOCK"]);
async function connectOrSpawn(projectDir, options = {}) {
  const env = options.env ?? process.env;
  const location = locateProject(projectDir);
  const endpoint = endpointFor(location.busRoot, env);
  ensurePrivateDir(endpoint.dir);
  const deadline = Date.now() + (options.timeoutMs ?? 1e4);
  const version = options.version ?? VERSION;
  const protocol = options.protocol ?? PROTOCOL_VERSION;
  let spawned = false;
  let replaced = false;
  let delay = 5;
  for (; ; ) {
    let client;
    try {
      client = await RpcClient.connect(endpoint.socketPath, Math.max(1, deadline - Date.now()));
    } catch (err) {
      const code = err.code;
      if (code === "EACCES" || code === "EPERM") {
        throw new StartError(
          `connecting to ${endpoint.socketPath} was refused (${code}). A sandbox may block Unix sockets: allow ${endpoint.dir}, or set SESSION_BUS_SOCKET_DIR to a directory the sandbox allows`
        );
      }
      if (!code || !NOT_RUNNING.has(code)) throw err;
      if (options.spawn === false) throw err;
      if (!spawned) {
        spawnDaemon(location, endpoint, env);
        spawned = true;
      }
    }
    if (client) {
      const hello = await client.request("hello", { protocol, version, root: location.busRoot }, Math.max(1, deadline - Date.now())).catch((err) => {
        client.close();
        throw err;
      });
      if (hello.root !== location.busRoot) {
        client.close();
        throw new StartError(`the daemon at ${endpoint.socketPath} serves ${hello.root}, not ${location.busRoot} (hash collision?)`);
      }
      if (hello.protocol > protocol) {
        client.close();
        throw new BusError(-32030 /* IncompatibleProtocol */, {
          daemonVersion: hello.version,
          daemonProtocol: hello.protocol,
          clientVersion: version,
          clientProtocol: protocol
        });
      }
      const older = hello.protocol < protocol || compareVersions(hello.version, version) < 0;
      if (!older || replaced || options.spawn === false) return { client, hello, endpoint, location };
      await client.request("shutdown", { reason: `replaced by version ${version}` }, 2e3).catch(() => void 0);
      client.close();
      await waitUntilGone(endpoint.socketPath, Math.min(deadline, Date.now() + 3e3));
      replaced = true;
      spawned = false;
      continue;
    }
    if (Date.now() >= deadline) {
      throw new StartError(
        `the session-bus daemon did not answer at ${endpoint.socketPath} in time. Last lines of ${endpoint.logPath}:
${tailLog(endpoint.logPath)}`
      );
    }
    await sleep(Math.min(delay, Math.max(1, deadline - Date.now())));
    delay = Math.min(delay * 2, 100);
  }
}
function connectExisting(projectDir, options = {}) {
  return connectOrSpawn(projectDir, { ...options, spawn: false, timeoutMs: options.timeoutMs ?? 2e3 });
}
function compareVersions(a, b) {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
async function waitUntilGone(socketPath, until) {
  while (Date.now() < until) {
    try {
      const probe = await RpcClient.connect(socketPath, 200);
      probe.close();
    } catch {
      return;
    }
    await sleep(10);
  }
}
function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// src/client/identity.ts
import * as os2 from "node:os";
import * as path5 from "node:path";

// src/protocol/messages.ts
var MESSAGE_KINDS = ["note", "lock", "unlock", "handoff"];

// src/client/identity.ts
function humanIdentity(dir) {
  let user = "human";
  try {
    user = os2.userInfo().username || user;
  } catch {
  }
  return { sessionId: `human:${user}`, pid: 0, label: `human:${user}`, cwd: path5.resolve(dir) };
}

// src/cli/format.ts
function duration(ms) {
  const s = Math.max(0, Math.round(ms / 1e3));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}
function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}
function formatStatus(s, now = Date.now()) {
  const lines = [
    `session-bus daemon: running (pid ${s.pid}, version ${s.version}, up ${duration(s.uptimeMs)})`,
    `  project   ${s.root}`,
    `  socket    ${s.socketPath}`,
    `  log       ${s.logPath}`,
    `  mailbox   ${s.mailboxPath}`,
    `  messages  ${s.messageCount} retained, last seq ${s.lastSeq}`,
    ...formatFederation(s.federation, now),
    ""
  ];
  if (s.sessions.length === 0) {
    lines.push("No sessions yet.");
  } else {
    const rows = [...s.sessions].sort((a, b) => Number(b.connected) - Number(a.connected) || b.lastSeen - a.lastSeen).map((x) => [
      x.label,
      x.shortId,
      x.connected ? "connected" : "away",
      String(x.queueDepth),
      `${duration(now - x.lastSeen)} ago`,
      x.lastReached ? `${x.lastReached.via} ${duration(now - x.lastReached.at)} ago` : "-",
      x.cwd ?? ""
    ]);
    lines.push(table(["SESSION", "ID", "STATE", "UNREAD", "LAST SEEN", "LAST REACHED", "WORKTREE"], rows));
  }
  if (s.claims.length > 0) lines.push("", formatClaims(s.claims, now));
  return lines.join("\n");
}
function formatFederation(f, now = Date.now()) {
  if (!f || f.state === "off") return ["  federation off (SESSION_BUS_NATS_URL not set)"];
  if (f.state === "refused") return [`  federation refused: ${f.reason ?? "unknown reason"}`];
  const head = `  federation ${f.state}${f.since ? ` for ${duration(now - f.since)}` : ""} to ${f.url ?? "?"} as ${f.host?.name ?? "?"} (${f.host?.id ?? "?"}), project ${f.project ?? "?"}`;
  const lag = `  lag       outbox ${f.outbox} to publish, ${f.inboundPending} to take in; ${f.received} received${f.lastReceivedAt ? `, last ${duration(now - f.lastReceivedAt)} ago` : ""}`;
  const hosts = f.hosts.length === 0 ? ["  hosts     no other host seen"] : f.hosts.map((h, i) => `${i === 0 ? "  hosts     " : "            "}${h.name} (${h.id}): ${h.sessions.length} session(s)${h.sessions.length ? ` ${h.sessions.map((x) => x.label).join(", ")}` : ""}, seen ${duration(now - h.lastSeen)} ago`);
  return [head, lag, ...hosts, ...f.warnings.map((w) => `  warning   ${w}`)];
}
function formatPeers(peers, now = Date.now()) {
  if (peers.length === 0) return "No session is here now.";
  return table(
    ["SESSION", "ID", "SINCE", "ACTIVE", "WORKTREE"],
    peers.map((p) => [p.label, p.shortId, `${duration(now - p.since)} ago`, `${duration(now - p.lastActivity)} ago`, p.cwd ?? ""])
  );
}
function formatClaims(claims, now = Date.now()) {
  if (claims.length === 0) return "Nothing is claimed.";
  return table(
    ["RESOURCE", "HOLDER", "SINCE", "EXPIRES", "NOTE"],
    claims.map((c) => [c.resource, c.host ? `${c.label}@${c.host}` : c.label, `${duration(now - c.since)} ago`, c.expiresAt ? `in ${duration(c.expiresAt - now)}` : "-", c.note ?? ""])
  );
}

// src/cli/main.ts
var HELP = `session-bus ${VERSION}: a coordination channel for the Claude Code sessions of one project

Usage:
  session-bus status [--json]          is the project's daemon running; who is here
  session-bus peers [--json]           the sessions working here now
  session-bus claims [--json]          what is claimed, by whom, until when
  session-bus stop                     stop the project's daemon (it restarts on demand)
  session-bus send TEXT [--kind K]     broadcast TEXT to every session, as you (K: ${MESSAGE_KINDS.join("|")})

Options:
  --project DIR   the project (default: the current directory)
  --json          machine-readable output
  -h, --help      this help

Exit codes: 0 ok, 1 error, 2 usage, 3 daemon not running (status, peers, claims, stop).

Examples:
  session-bus status
  session-bus send "main is green again, safe to rebase" --kind handoff
`;
var NOT_RUNNING2 = 3;
var UsageError = class extends Error {
};
async function run(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      project: { type: "string" },
      json: { type: "boolean", default: false },
      kind: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", short: "v", default: false }
    }
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
    case "status":
      return status(project, values.json);
    case "stop":
      return stop(project, values.json);
    case "peers":
      return query(project, values.json, async (c) => {
        const { peers } = await c.client.request("peers", {});
        return values.json ? JSON.stringify({ peers }) : formatPeers(peers);
      });
    case "claims":
      return query(project, values.json, async (c) => {
        const { claims } = await c.client.request("claims", {});
        return values.json ? JSON.stringify({ claims }) : formatClaims(claims);
      });
    case "send": {
      const text = rest.join(" ");
      if (!text) throw new UsageError('send needs the message text: session-bus send "text"');
      const kind = values.kind ?? "note";
      if (!MESSAGE_KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${MESSAGE_KINDS.join(", ")}`);
      return send(project, text, kind, values.json);
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}
async function status(project, json) {
  const location = locateProject(project);
  const endpoint = endpointFor(location.busRoot);
  let conn;
  try {
    conn = await connectExisting(project);
  } catch (err) {
    if (isNotRunning(err)) {
      if (json) console.log(JSON.stringify({ running: false, root: location.busRoot, socketPath: endpoint.socketPath, logPath: endpoint.logPath, mailboxPath: location.mailboxPath }));
      else console.log(`session-bus daemon: not running for ${location.busRoot}
  socket    ${endpoint.socketPath}
  log       ${endpoint.logPath}`);
      return NOT_RUNNING2;
    }
    throw err;
  }
  try {
    const s = await conn.client.request("status", {});
    console.log(json ? JSON.stringify({ running: true, ...s }) : formatStatus(s));
    return 0;
  } finally {
    conn.client.close();
  }
}
async function query(project, json, fn) {
  let conn;
  try {
    conn = await connectExisting(project);
  } catch (err) {
    if (isNotRunning(err)) {
      console.log(json ? JSON.stringify({ running: false }) : "session-bus daemon: not running");
      return NOT_RUNNING2;
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
async function stop(project, json) {
  let conn;
  try {
    conn = await connectExisting(project);
  } catch (err) {
    if (isNotRunning(err)) {
      console.log(json ? JSON.stringify({ stopped: false, running: false }) : "session-bus daemon: not running");
      return NOT_RUNNING2;
    }
    throw err;
  }
  await conn.client.request("shutdown", { reason: "session-bus stop" });
  conn.client.close();
  console.log(json ? JSON.stringify({ stopped: true, pid: conn.hello.pid }) : `session-bus daemon stopped (pid ${conn.hello.pid})`);
  return 0;
}
async function send(project, text, kind, json) {
  const conn = await connectOrSpawn(project);
  try {
    const result = await conn.client.request("broadcast", { ...humanIdentity(project), text, kind });
    console.log(json ? JSON.stringify(result) : `sent #${result.seq} as ${result.from}`);
    return 0;
  } finally {
    conn.client.close();
  }
}
function isNotRunning(err) {
  return err instanceof ConnectionError && (err.code === "ENOENT" || err.code === "ECONNREFUSED" || err.code === "ENOTSOCK");
}
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    if (err instanceof UsageError || err.code?.startsWith?.("ERR_PARSE_ARGS")) {
      console.error(`session-bus: ${err.message}
Run \`session-bus --help\` for usage.`);
      process.exitCode = 2;
      return;
    }
    const message = err instanceof RpcError ? err.message : err.message || String(err);
    console.error(`session-bus: ${message}`);
    process.exitCode = 1;
  }
);
