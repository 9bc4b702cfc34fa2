#!/usr/bin/env node
import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);

// src/protocol/sanitize.ts
var ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
function cleanText(text) {
  return text.replace(/\r\n?/g, "\n").replace(ANSI, "").replace(CONTROL, "");
}
function oneLine(text) {
  return cleanText(text).replace(/[\t\n]+/g, " ");
}
var UNSAFE = /(?<![\p{Extended_Pictographic}#*0-9])[\uFE0E\uFE0F]|(?![\uFE0E\uFE0F])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;
var TAG_START = /<(?=[\p{Cf}\p{Default_Ignorable_Code_Point}]*[/!?A-Za-z])/gu;
var SHORT_ESCAPES = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
var LABEL_SAFE = /[^\w.:#/@+-]/g;
function escapeChar(c) {
  const short = SHORT_ESCAPES[c];
  if (short) return short;
  let out = "";
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}
function inert(text, form = "bare") {
  if (form === "label") return text.replace(LABEL_SAFE, "?");
  const body = form === "quoted" ? text.replace(/["\\]/g, "\\$&") : text;
  const escaped = body.replace(TAG_START, "\\u003c").replace(UNSAFE, escapeChar);
  return form === "quoted" ? `"${escaped}"` : escaped;
}

// src/protocol/version.ts
var VERSION = "0.3.0";
var PROTOCOL_VERSION = 1;
function compareVersions(a, b) {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
function isOlderThan(peer, protocol, version) {
  return peer.protocol < protocol || compareVersions(peer.version, version) < 0;
}

// src/place/endpoint.ts
import { userInfo } from "node:os";
import { isAbsolute, join, resolve } from "node:path";

// src/protocol/limits.ts
var MAX_TEXT_BYTES = 4096;
var MAX_FRAME_BYTES = 64 * 1024;
var MAX_CLIENT_BACKLOG_BYTES = 1024 * 1024;
var MAX_DRAIN_CHARS = 128 * 1024;
var MAX_SOCKET_PATH_BYTES = 100;
var MAX_SEQ = 2 ** 48;
var MAX_TS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
var MAX_HISTORY_LIMIT = 1e3;
var MAX_HISTORY_REPLY_BYTES = 256 * 1024;

// src/place/sha256.ts
var K = new Uint32Array([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
var rotr = (x, n) => x >>> n | x << 32 - n;
function sha256Hex(text) {
  const data = Buffer.from(text, "utf8");
  const blocks = Math.ceil((data.length + 9) / 64);
  const buf = Buffer.alloc(blocks * 64);
  data.copy(buf);
  buf[data.length] = 128;
  const bits = data.length * 8;
  buf.writeUInt32BE(Math.floor(bits / 2 ** 32), buf.length - 8);
  buf.writeUInt32BE(bits >>> 0, buf.length - 4);
  const h = new Uint32Array([1779033703, 3144134277, 1013904242, 2773480762, 1359893119, 2600822924, 528734635, 1541459225]);
  const w = new Uint32Array(64);
  for (let off = 0; off < buf.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = buf.readUInt32BE(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ w[i - 15] >>> 3;
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ w[i - 2] >>> 10;
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = e & f ^ ~e & g;
      const t1 = hh + S1 + ch + K[i] + w[i] >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = a & b ^ a & c ^ b & c;
      const t2 = S0 + maj >>> 0;
      hh = g;
      g = f;
      f = e;
      e = d + t1 >>> 0;
      d = c;
      c = b;
      b = a;
      a = t1 + t2 >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, "0")).join("");
}

// src/place/endpoint.ts
var EndpointError = class extends Error {
  /** The problem and its fix apart (doctor shows them on two lines); the message is both. */
  constructor(problem, fix) {
    super(`${problem}. ${fix}`);
    this.problem = problem;
    this.fix = fix;
  }
  problem;
  fix;
  name = "EndpointError";
};
function socketDir(env = process.env) {
  const override = env.SESSION_BUS_SOCKET_DIR;
  if (override) {
    if (!isAbsolute(override)) throw new EndpointError(`SESSION_BUS_SOCKET_DIR must be an absolute path, not ${JSON.stringify(override)}: each process would look for it from its own folder`, `Unset it for the default (${defaultSocketDir()}), or give an absolute path`);
    return resolve(override);
  }
  return defaultSocketDir();
}
function defaultSocketDir() {
  const uid = typeof process.getuid === "function" ? process.getuid() : userInfo().username;
  return join("/tmp", `session-bus-${uid}`);
}
var hashed = /* @__PURE__ */ new Map();
function hashRoot(root) {
  let hash = hashed.get(root);
  if (hash === void 0) {
    hash = sha256Hex(root).slice(0, 16);
    if (hashed.size < 64) hashed.set(root, hash);
  }
  return hash;
}
function endpointFor(busRoot, env = process.env) {
  const hash = hashRoot(busRoot);
  const dir = socketDir(env);
  const base = join(dir, hash);
  const endpoint = {
    dir,
    socketPath: `${base}.sock`,
    lockPath: `${base}.lock`,
    startingPath: `${base}.starting`,
    logPath: `${base}.log`,
    hash
  };
  if (process.platform === "win32") {
    const user = userInfo().username;
    endpoint.socketPath = `\\\\.\\pipe\\session-bus-${hashRoot(`${user}\0${busRoot}`)}`;
    return endpoint;
  }
  const bytes = Buffer.byteLength(endpoint.socketPath);
  if (bytes > MAX_SOCKET_PATH_BYTES) {
    throw new EndpointError(
      `socket path ${endpoint.socketPath} is ${bytes} bytes, over the ${MAX_SOCKET_PATH_BYTES}-byte limit of Unix sockets`,
      "Set SESSION_BUS_SOCKET_DIR to a shorter directory, e.g. SESSION_BUS_SOCKET_DIR=/tmp/sb"
    );
  }
  return endpoint;
}

// src/place/project.ts
import { existsSync, mkdirSync, realpathSync as realpathSync2, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname as dirname2, join as join3 } from "node:path";

// src/place/git-files.ts
import { readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join as join2, resolve as resolve2 } from "node:path";
function findGitDir(dir) {
  let cur = resolve2(dir);
  for (; ; ) {
    const dotGit = join2(cur, ".git");
    try {
      const st = statSync(dotGit);
      if (st.isDirectory()) return dotGit;
      if (st.isFile()) {
        const m = /^gitdir:[ \t]*([^\r\n]+)/m.exec(readFileSync(dotGit, "utf8"));
        if (m) return resolve2(cur, m[1].trim());
      }
    } catch {
    }
    const parent = dirname(cur);
    if (parent === cur) return void 0;
    cur = parent;
  }
}
function gitCommonDir(gitDir) {
  try {
    let common = gitDir;
    try {
      common = resolve2(gitDir, readFileSync(join2(gitDir, "commondir"), "utf8").trim());
    } catch {
    }
    return realpathSync(common);
  } catch {
    return void 0;
  }
}

// src/place/project.ts
var MAILBOX_FILE = "mailbox.jsonl";
var LEGACY_MAILBOX_DIR = join3(".claude", ".session-bus");
function locateProject(dir) {
  const projectDir = realpathSync2(dir);
  const gitDir = findGitDir(projectDir);
  const commonDir = gitDir ? gitCommonDir(gitDir) : void 0;
  if (commonDir) {
    const mailboxDir2 = join3(commonDir, "session-bus");
    return { projectDir, busRoot: commonDir, mailboxDir: mailboxDir2, mailboxPath: join3(mailboxDir2, MAILBOX_FILE), inGit: true };
  }
  const busRoot = folderBusRoot(projectDir);
  const mailboxDir = join3(busRoot, LEGACY_MAILBOX_DIR);
  return { projectDir, busRoot, mailboxDir, mailboxPath: join3(mailboxDir, MAILBOX_FILE), inGit: false };
}
function folderBusRoot(dir) {
  let home;
  try {
    home = realpathSync2(homedir());
  } catch {
  }
  for (let d = dir; ; d = dirname2(d)) {
    if (existsSync(join3(d, LEGACY_MAILBOX_DIR))) return d;
    if (d !== home && existsSync(join3(d, ".claude"))) return d;
    if (d === home || dirname2(d) === d) return dir;
  }
}

// src/transport/rpc-errors.ts
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

// src/transport/rpc-client.ts
import { createConnection } from "node:net";

// src/display/time.ts
function ago(ms) {
  const m = Math.max(0, Math.round(ms / 6e4));
  return m < 1 ? "just now" : m < 90 ? `${m}m ago` : m < 48 * 60 ? `${Math.round(m / 60)}h ago` : `${Math.round(m / 1440)}d ago`;
}
function duration(ms) {
  const s = Math.max(0, Math.round(ms / 1e3));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}
function utcClock(ts, seconds = true) {
  if (!Number.isFinite(ts) || Math.abs(ts) > 864e13) return seconds ? "??:??:??" : "??:??";
  const s = Math.floor((Math.trunc(ts) % 864e5 + 864e5) % 864e5 / 1e3);
  const hhmm = `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}`;
  return seconds ? `${hhmm}:${pad2(s % 60)}` : hhmm;
}
function localClock(ts, withDate = false) {
  const d = new Date(ts);
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  return withDate ? `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${time}` : time;
}
function pad2(n) {
  return String(n).padStart(2, "0");
}

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
      return `${data.method === void 0 || data.method === "broadcast" ? "the message was not sent" : `${String(data.method)} was not done`}: the mailbox could not be written (${String(data.cause ?? "I/O error")}) at ${String(data.path ?? "the mailbox")}. Free disk space or fix permissions; reads keep working, and the bus recovers by itself once the mailbox can be written`;
    case -32030 /* IncompatibleProtocol */:
      return `the running session-bus daemon (version ${String(data.daemonVersion)}, protocol ${String(data.daemonProtocol)}) is newer than this client (version ${String(data.clientVersion)}, protocol ${String(data.clientProtocol)}). Update the session-bus plugin in this session, or stop the daemon with \`session-bus stop\``;
    case -32031 /* DaemonTooOld */:
      return `the running session-bus daemon (pid ${String(data.pid)}, version ${String(data.daemonVersion)}) predates ${String(data.feature)}. Restart it with \`session-bus restart\``;
    case -32040 /* ShuttingDown */:
      return "the daemon is shutting down; retry";
    case -32050 /* UnknownRecipient */:
      return `unknown or ambiguous recipient ${inert(String(data.recipient), "quoted")}; live peers: ${formatList(data.peers)}`;
    case -32060 /* ClaimConflict */:
      return `${shown(data.resource)} is held by ${inert(String(data.holder), "label")}${data.host ? ` on ${inert(String(data.host), "label")}` : ""} since ${since(data.since)}${data.note ? ` (${shown(data.note)})` : ""}`;
    case -32061 /* NotHolder */:
      return `${shown(data.resource)} is not held by this session`;
    case -32062 /* OutsideRepository */:
      return `${shown(data.resource)} is outside this repository (${shown(data.root)}): claim a path inside it, relative to its root or absolute, or a name such as port:1420`;
    default:
      return `error ${code}`;
  }
}
function since(iso, now = Date.now()) {
  const ts = Date.parse(String(iso));
  if (!Number.isFinite(ts)) return String(iso);
  return `${ago(now - ts)} (${utcClock(ts, false)} UTC)`;
}
function formatList(v) {
  return Array.isArray(v) && v.length > 0 ? v.map((l) => inert(String(l), "label")).join(", ") : "none";
}
function shown(v) {
  return inert(String(v));
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

// src/protocol/jsonrpc.ts
function readMessage(frame) {
  if (frame.kind === "oversize") return invalid(null, -32001 /* FrameTooLarge */, { bytes: frame.bytes });
  if (frame.kind === "invalid-utf8") return invalid(null, -32002 /* InvalidUtf8 */);
  if (frame.kind === "invalid-json") return invalid(null, -32700 /* ParseError */, { detail: frame.detail });
  const value = frame.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return invalid(null, -32600 /* InvalidRequest */, { detail: "expected a JSON object" });
  const msg = value;
  if (msg.method === void 0 && ("result" in msg || "error" in msg)) return { kind: "reply", id: msg.id, result: msg.result, error: msg.error };
  const id = typeof msg.id === "string" || typeof msg.id === "number" ? msg.id : null;
  if (msg.jsonrpc !== "2.0" || typeof msg.method !== "string" || msg.id !== void 0 && msg.id !== null && id === null) {
    return invalid(id, -32600 /* InvalidRequest */, { detail: 'needs jsonrpc "2.0", a string method and a string or number id' });
  }
  if (msg.id === void 0) return { kind: "notification", method: msg.method, params: msg.params };
  return { kind: "request", id, method: msg.method, params: msg.params };
}
function invalid(id, code, data) {
  return { kind: "invalid", id, code, data };
}

// src/transport/rpc-peer.ts
var RpcPeer = class {
  /** A notification from the other side; nobody hears what comes of it. */
  onNotification;
  /** Requests and bad lines, in arrival order. Unset, they go unanswered. */
  onIncoming;
  /** Once, when the connection is gone; every request still waiting was rejected with this error. */
  onClose;
  /** A failure on the way (a reset, a dropped slow reader), or bad input reported by whoever answered it. */
  onError;
  #transport;
  #closedWording;
  #nextId = 1;
  #waiters = /* @__PURE__ */ new Map();
  #closedError;
  /**
   * Starts reading at once: set the callbacks in the same turn. `closedWording` is what a
   * request still waiting when the other side hangs up is rejected with.
   */
  constructor(transport, closedWording = "the connection closed") {
    this.#transport = transport;
    this.#closedWording = closedWording;
    transport.onmessage = (frame) => {
      const msg = readMessage(frame);
      if (msg.kind === "reply") this.#settle(msg.id, msg.result, msg.error);
      else if (msg.kind === "notification") this.onNotification?.(msg.method, msg.params);
      else this.onIncoming?.(msg);
    };
    transport.onerror = (err) => this.onError?.(err);
    transport.onclose = (failure) => this.#fail(failure);
    transport.start();
  }
  get closed() {
    return this.#closedError !== void 0 || this.#transport.closed;
  }
  request(method, params, timeoutMs = 1e4) {
    if (this.#closedError) return Promise.reject(this.#closedError);
    const id = this.#nextId++;
    return new Promise((resolve4, reject) => {
      const waiter = { resolve: resolve4, reject };
      if (timeoutMs > 0) {
        waiter.timer = setTimeout(() => {
          this.#waiters.delete(id);
          reject(new ConnectionError(`no answer to ${method} within ${timeoutMs} ms`, "ETIMEDOUT"));
        }, timeoutMs);
      }
      this.#waiters.set(id, waiter);
      this.#transport.send({ jsonrpc: "2.0", id, method, params });
    });
  }
  notify(method, params) {
    this.#transport.send({ jsonrpc: "2.0", method, params });
  }
  /** Answers a request (or a bad line, with id null). A result is always carried, `null` for none. */
  reply(id, answer) {
    this.#transport.send("error" in answer ? { jsonrpc: "2.0", id, error: answer.error } : { jsonrpc: "2.0", id, result: answer.result ?? null });
  }
  /** Hangs up once what was sent has left (the last word to a misbehaving peer). */
  end() {
    this.#transport.end();
  }
  close() {
    this.#transport.close();
  }
  #settle(id, result, error) {
    const waiter = typeof id === "number" ? this.#waiters.get(id) : void 0;
    if (!waiter) return;
    this.#waiters.delete(id);
    clearTimeout(waiter.timer);
    if (error) waiter.reject(new RpcError(error.code, error.message || describeError(error.code, error.data), error.data));
    else waiter.resolve(result);
  }
  #fail(failure) {
    if (this.#closedError) return;
    const err = new ConnectionError(failure?.message ?? this.#closedWording, failure?.code);
    this.#closedError = err;
    for (const w of this.#waiters.values()) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.#waiters.clear();
    this.onClose?.(err);
  }
};

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

// src/transport/socket-transport.ts
var SocketTransport = class {
  onmessage;
  onclose;
  onerror;
  onflush;
  #socket;
  #decoder;
  #batch;
  #failure;
  #ended = false;
  #turnOpen = false;
  constructor(socket, options = {}) {
    this.#socket = socket;
    this.#decoder = new LineDecoder(options.maxFrameBytes ?? Number.MAX_SAFE_INTEGER);
    this.#batch = options.batchWrites ?? false;
  }
  start() {
    this.#socket.on("data", (chunk) => {
      for (const frame of this.#decoder.push(chunk)) {
        if (this.closed) return;
        this.onmessage?.(frame);
      }
    });
    this.#socket.on("error", (err) => {
      this.#failure ??= err;
      this.onerror?.(err);
    });
    this.#socket.on("close", () => {
      this.#ended = true;
      this.onclose?.(this.#failure);
    });
  }
  get closed() {
    return this.#ended || this.#socket.destroyed;
  }
  /** What the socket holds that the kernel has not taken: the reader has left at least this unread. */
  get unreadBytes() {
    return this.#socket.writableLength;
  }
  send(message) {
    this.writeRaw(encodeFrame(message));
  }
  writeRaw(data) {
    if (this.closed) return;
    if (!this.#turnOpen) {
      this.#turnOpen = true;
      if (this.#batch) this.#socket.cork();
      process.nextTick(() => {
        this.#turnOpen = false;
        if (this.#batch) this.#socket.uncork();
        this.onflush?.();
      });
    }
    this.#socket.write(data);
  }
  end() {
    this.#ended = true;
    this.#socket.end();
  }
  close() {
    this.#ended = true;
    this.#socket.destroy();
  }
  unref() {
    this.#socket.unref();
  }
};

// src/transport/rpc-client.ts
var RpcClient = class _RpcClient extends RpcPeer {
  #transport;
  constructor(transport) {
    super(transport, "the session-bus daemon closed the connection");
    this.#transport = transport;
  }
  static connect(socketPath, timeoutMs = 2e3) {
    return new Promise((resolve4, reject) => {
      const socket = createConnection(socketPath);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ConnectionError(`timed out connecting to ${socketPath}`, "ETIMEDOUT"));
      }, timeoutMs);
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        resolve4(new _RpcClient(new SocketTransport(socket)));
      });
      socket.once("error", (err) => {
        clearTimeout(timer);
        reject(new ConnectionError(err.message, err.code));
      });
    });
  }
  /** Sends raw bytes: for tests that speak bad frames. */
  writeRaw(data) {
    this.#transport.writeRaw(data);
  }
  close() {
    this.#transport.end();
    this.#transport.close();
  }
  /** Lets the process exit while this connection stays open (a long-lived MCP server does not want that). */
  unref() {
    this.#transport.unref();
  }
};

// src/place/settings.ts
import { existsSync as existsSync2, mkdirSync as mkdirSync2, readFileSync as readFileSync2, renameSync, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join4 } from "node:path";

// src/place/config.ts
var DEFAULT_RETENTION = { maxCount: 1e4, maxAgeMs: 7 * 24 * 36e5 };
var DEFAULT_GRACE_MS = 5e3;
var DEFAULT_IDLE_MS = 30 * 6e4;
var TIMER_MAX_MS = 2 ** 31 - 1;
function readConfig(env) {
  const fsync = env.SESSION_BUS_FSYNC || "interval";
  if (fsync !== "interval" && fsync !== "always") {
    throw new Error(`SESSION_BUS_FSYNC must be "interval" or "always", not ${JSON.stringify(fsync)}`);
  }
  return {
    idleMs: timerMs(env, "SESSION_BUS_IDLE_MS", DEFAULT_IDLE_MS),
    graceMs: timerMs(env, "SESSION_BUS_GRACE_MS", DEFAULT_GRACE_MS),
    fsync,
    retention: {
      maxCount: wholeCount(env, "SESSION_BUS_RETAIN_COUNT", DEFAULT_RETENTION.maxCount),
      maxAgeMs: positive(env, "SESSION_BUS_RETAIN_DAYS", DEFAULT_RETENTION.maxAgeMs / 864e5) * 864e5
    }
  };
}
function positive(env, name, fallback) {
  const raw = env[name];
  if (raw === void 0 || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return n;
}
function timerMs(env, name, fallback) {
  const n = positive(env, name, fallback);
  if (n > TIMER_MAX_MS) throw new Error(`${name} must be at most ${TIMER_MAX_MS} ms (about 24 days), not ${JSON.stringify(env[name])}`);
  return n;
}
function wholeCount(env, name, fallback) {
  const n = positive(env, name, fallback);
  if (!Number.isInteger(n)) throw new Error(`${name} must be a whole number \u2265 1, not ${JSON.stringify(env[name])}`);
  return n;
}

// src/place/settings.ts
var SETTINGS = [
  { key: "idle-ms", env: "SESSION_BUS_IDLE_MS", default: "1800000", about: "the daemon exits after this long with no clients" },
  { key: "fsync", env: "SESSION_BUS_FSYNC", default: "interval", about: '"interval" or "always" (see the durability promise)' },
  { key: "retain-count", env: "SESSION_BUS_RETAIN_COUNT", default: "10000", about: "messages kept in the mailbox" },
  { key: "retain-days", env: "SESSION_BUS_RETAIN_DAYS", default: "7", about: "days messages are kept" },
  { key: "grace-ms", env: "SESSION_BUS_GRACE_MS", default: "5000", about: "a live session gone this long has left: its claims end" },
  { key: "nats-url", env: "SESSION_BUS_NATS_URL", default: "", about: "NATS server(s) for federation; empty: off" },
  { key: "project", env: "SESSION_BUS_PROJECT", default: "", about: "federation project key; default: hash of the origin remote" },
  { key: "host", env: "SESSION_BUS_HOST", default: "", about: "this host's name for other hosts; default: the hostname" },
  { key: "fed-lease-ms", env: "SESSION_BUS_FED_LEASE_MS", default: "15000", about: "a silent host's presence and claims expire after this long" }
];
var SETTINGS_FILE = "settings.json";
function settingsPath(mailboxDir) {
  return join4(mailboxDir, SETTINGS_FILE);
}
function settingsFor(mailboxDir, env) {
  return resolveSettings(env, readSettingsFile(settingsPath(mailboxDir)));
}
function startSettingsProblem(mailboxDir, env) {
  let file;
  try {
    file = readSettingsFile(settingsPath(mailboxDir));
  } catch (err) {
    return { message: err.message, file: true };
  }
  try {
    readConfig(resolveSettings(env, file).env);
    return void 0;
  } catch (err) {
    return { message: err.message, file: false };
  }
}
function settingDef(key) {
  return SETTINGS.find((s) => s.key === key || s.env === key);
}
function readSettingsFile(path2) {
  if (!existsSync2(path2)) return {};
  let text;
  try {
    text = readFileSync2(path2, "utf8");
  } catch (err) {
    const code = err.code;
    throw new Error(`the settings file ${path2} cannot be read (${code === "EISDIR" ? "EISDIR: it is a folder" : code ?? err.message}); fix it or remove it`);
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`the settings file ${path2} is not valid JSON (${err.message}); fix it or remove it`);
  }
  const values = {};
  for (const [k, v] of Object.entries(parsed ?? {})) {
    if (settingDef(k) && (typeof v === "string" || typeof v === "number")) values[settingDef(k).key] = String(v);
  }
  return values;
}
function writeSetting(path2, mailboxDir, key, value) {
  const values = readSettingsFile(path2);
  if (value === void 0) delete values[key];
  else values[key] = value;
  mkdirSync2(mailboxDir, { recursive: true, mode: 448 });
  const tmp = `${path2}.${process.pid}.tmp`;
  writeFileSync2(tmp, `${JSON.stringify(values, null, 2)}
`, { mode: 384 });
  renameSync(tmp, path2);
}
function shown2(def, value) {
  return def.key === "nats-url" ? value.replace(/\/\/[^@/]*@/g, "//***@") : value;
}
function resolveSettings(env, file) {
  const out = { ...env };
  const report = [];
  for (const def of SETTINGS) {
    const fromEnv = env[def.env];
    if (fromEnv !== void 0 && fromEnv !== "") {
      report.push({ key: def.key, env: def.env, value: shown2(def, fromEnv), source: "env" });
    } else if (file[def.key] !== void 0) {
      out[def.env] = file[def.key];
      report.push({ key: def.key, env: def.env, value: shown2(def, file[def.key]), source: "file" });
    } else {
      report.push({ key: def.key, env: def.env, value: def.default, source: "default" });
    }
  }
  return { env: out, report };
}

// src/client/connect.ts
import { watch } from "node:fs";
import { basename as basename2, dirname as dirname4 } from "node:path";

// src/place/mailbox-owner.ts
import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync } from "node:fs";
function mailboxLockPath(mailboxPath) {
  return `${mailboxPath}.lock`;
}
function readMailboxOwner(lockPath) {
  let raw;
  try {
    raw = JSON.parse(readSmallRegularFile(lockPath, MAX_OWNER_BYTES));
  } catch {
    return void 0;
  }
  if (typeof raw !== "object" || raw === null) return void 0;
  const o = raw;
  if (!Number.isSafeInteger(o.pid) || o.pid <= 0) return void 0;
  if (typeof o.host !== "string" || typeof o.ns !== "string" || typeof o.socket !== "string" || typeof o.since !== "number") return void 0;
  return { pid: o.pid, host: o.host, ns: o.ns, socket: o.socket, since: o.since };
}
var MAX_OWNER_BYTES = 4096;
function readSmallRegularFile(file, max) {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${file} is not a regular file`);
    const buf = Buffer.alloc(max);
    const n = readSync(fd, buf, 0, max, 0);
    return buf.toString("utf8", 0, n);
  } finally {
    closeSync(fd);
  }
}

// src/place/liveness.ts
import * as fs from "node:fs";
var NOT_RUNNING_ERRNOS = /* @__PURE__ */ new Set(["ENOENT", "ECONNREFUSED", "ENOTSOCK", "ECONNRESET"]);
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function isRunning(pid) {
  if (!isAlive(pid)) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return isAlive(pid);
  }
}
function isBusDaemon(pid) {
  let cmd;
  try {
    cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch (err) {
    return err.code !== "ENOENT" || !fs.existsSync("/proc/self");
  }
  return /daemon[^\0]*\.m?js\0/.test(cmd) && cmd.includes("\0--project\0");
}

// src/place/sleep.ts
function sleep(ms, options = {}) {
  const { signal, unref } = options;
  return new Promise((resolve4) => {
    if (signal?.aborted) return resolve4();
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", finish);
      resolve4();
    };
    const timer = setTimeout(finish, ms);
    if (unref) timer.unref();
    signal?.addEventListener("abort", finish, { once: true });
  });
}

// src/place/private-dir.ts
import { lstatSync, mkdirSync as mkdirSync3 } from "node:fs";
var PrivateDirError = class extends Error {
  name = "PrivateDirError";
};
function ensurePrivateDir(dir) {
  try {
    mkdirSync3(dir, { mode: 448, recursive: true });
  } catch (err) {
    const code = err.code;
    if (code !== "EEXIST") throw new PrivateDirError(`cannot create the socket directory ${dir}: ${code ?? String(err)}`);
  }
  checkPrivateDir(dir);
}
function privateDirProblem(dir, st, uid = process.getuid?.()) {
  if (st.isSymbolicLink()) return { problem: `refusing the socket directory ${dir}: it is a symlink`, fix: `Remove it (rm ${dir}) or set SESSION_BUS_SOCKET_DIR` };
  if (!st.isDirectory()) return { problem: `refusing the socket directory ${dir}: it is not a directory`, fix: "Remove it or set SESSION_BUS_SOCKET_DIR" };
  if (uid !== void 0 && st.uid !== uid) {
    return { problem: `refusing the socket directory ${dir}: owned by uid ${st.uid}, not by you (uid ${uid})`, fix: "Set SESSION_BUS_SOCKET_DIR to a directory of your own" };
  }
  if ((st.mode & 63) !== 0) {
    return { problem: `refusing the socket directory ${dir}: mode ${(st.mode & 511).toString(8)} lets others in`, fix: `Run: chmod 700 ${dir}` };
  }
  return void 0;
}
function checkPrivateDir(dir) {
  if (process.platform === "win32") return;
  const found = privateDirProblem(dir, lstatSync(dir));
  if (found) throw new PrivateDirError(`${found.problem}. ${found.fix}`);
}

// src/client/spawn.ts
import { closeSync as closeSync2, constants as constants2, existsSync as existsSync4, openSync as openSync2, readFileSync as readFileSync4, statSync as statSync2 } from "node:fs";
import { dirname as dirname3, join as join5, resolve as resolve3 } from "node:path";
async function daemonEntry(env = process.env) {
  if (env.SESSION_BUS_DAEMON_ENTRY) return env.SESSION_BUS_DAEMON_ENTRY;
  const here = await ownDir();
  const candidates = [join5(here, "daemon.js"), join5(here, "..", "daemon.js"), resolve3(here, "../../plugin/dist/daemon.js")];
  for (const c of candidates) if (existsSync4(c)) return c;
  return candidates[0];
}
var DAEMON_NODE_FLAGS = ["--max-semi-space-size=1", "--expose-gc"];
function daemonEnv(env, federates = true) {
  const out = env.MALLOC_ARENA_MAX === void 0 ? { ...env, MALLOC_ARENA_MAX: "1" } : { ...env };
  if (!federates) delete out.NODE_EXTRA_CA_CERTS;
  return out;
}
function mayFederate(location, env) {
  try {
    return (settingsFor(location.mailboxDir, env).env.SESSION_BUS_NATS_URL ?? "").trim() !== "";
  } catch {
    return true;
  }
}
async function ownDir() {
  if (typeof __dirname === "string") return __dirname;
  const { fileURLToPath } = await import("node:url");
  return dirname3(fileURLToPath(import.meta.url));
}
async function spawnDaemon(location, endpoint, env = process.env, options = {}) {
  const { spawn } = await import("node:child_process");
  const entry = await daemonEntry(env);
  const out = openLog(endpoint);
  const dir = statOrGone(endpoint.dir);
  try {
    const replace2 = options.replaceOlderThan ? ["--replace-older-than", options.replaceOlderThan] : [];
    const child = spawn(
      process.execPath,
      [...DAEMON_NODE_FLAGS, entry, "--project", location.projectDir, ...replace2],
      { detached: true, stdio: ["ignore", out, out], env: daemonEnv(env, !env.NODE_EXTRA_CA_CERTS || mayFederate(location, env)), cwd: "/", windowsHide: true }
    );
    child.on("error", () => {
    });
    child.unref();
    return { pid: child.pid, exitCode: () => child.exitCode, lostItsDir: () => dir === void 0 || !sameFile(endpoint.dir, dir) };
  } finally {
    closeSync2(out);
  }
}
function openLog(endpoint) {
  const flags = constants2.O_WRONLY | constants2.O_APPEND | constants2.O_CREAT | constants2.O_NOFOLLOW;
  try {
    return openSync2(endpoint.logPath, flags, 384);
  } catch (err) {
    if (err.code !== "ENOENT") throw err;
    ensurePrivateDir(endpoint.dir);
    return openSync2(endpoint.logPath, flags, 384);
  }
}
function statOrGone(path2) {
  try {
    return statSync2(path2);
  } catch {
    return void 0;
  }
}
function sameFile(path2, was) {
  const now = statOrGone(path2);
  return now !== void 0 && now.dev === was.dev && now.ino === was.ino;
}
function tailLog(logPath, lines = 8) {
  try {
    const text = readFileSync4(logPath, "utf8");
    return text.trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

// src/client/start-claim.ts
import { renameSync as renameSync2, statSync as statSync4, unlinkSync, writeFileSync as writeFileSync3 } from "node:fs";

// src/place/start-lock.ts
import * as fs2 from "node:fs";
var EMPTY_LOCK_STALE_MS = 1e3;
function createHoldingPid(path2) {
  let fd;
  try {
    fd = fs2.openSync(path2, "wx", 384);
  } catch (err) {
    if (err.code === "EEXIST") return false;
    throw err;
  }
  try {
    fs2.writeSync(fd, String(process.pid));
  } finally {
    fs2.closeSync(fd);
  }
  return true;
}
function lockHolder(lockPath) {
  try {
    const n = Number.parseInt(fs2.readFileSync(lockPath, "utf8"), 10);
    return Number.isFinite(n) && n > 0 ? n : void 0;
  } catch {
    return void 0;
  }
}
function isStaleLock(lockPath, holder = lockHolder(lockPath)) {
  return holder === void 0 ? lockAgeMs(lockPath) > EMPTY_LOCK_STALE_MS : !isAlive(holder);
}
function lockAgeMs(file) {
  try {
    return Date.now() - fs2.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

// src/client/start-claim.ts
var FUTURE_SLACK_MS = 1e3;
function claimStart(path2, holdsForMs) {
  try {
    if (createHoldingPid(path2)) return true;
    if (holds(path2, holdsForMs)) return false;
    replace(path2, process.pid);
  } catch {
  }
  return true;
}
function recordStarting(path2, pid) {
  if (pid !== void 0) {
    try {
      replace(path2, pid);
      return;
    } catch {
    }
  }
  try {
    unlinkSync(path2);
  } catch {
  }
}
function releaseStart(path2, pid) {
  try {
    if (pid !== void 0 && lockHolder(path2) === pid) unlinkSync(path2);
  } catch {
  }
}
function holds(path2, holdsForMs) {
  let age;
  try {
    age = Date.now() - statSync4(path2).mtimeMs;
  } catch {
    return false;
  }
  if (age > holdsForMs || age < -FUTURE_SLACK_MS) return false;
  const pid = lockHolder(path2);
  return pid === void 0 ? age <= EMPTY_LOCK_STALE_MS : isRunning(pid);
}
function replace(path2, pid) {
  const tmp = `${path2}.${process.pid}`;
  try {
    writeFileSync3(tmp, String(pid), { mode: 384, flag: "w" });
    renameSync2(tmp, path2);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
    }
    throw err;
  }
}

// src/client/connect.ts
var StartError = class extends Error {
  name = "StartError";
};
function isNotRunning(err) {
  return err instanceof ConnectionError && err.code !== void 0 && NOT_RUNNING_ERRNOS.has(err.code);
}
var RESPAWN_AFTER_MS = 3e3;
var MAX_FAILED_STARTS = 3;
var QUICK_RETRIES = 10;
var REPLACE_WAIT_MS = 3e3;
async function connectOrSpawn(projectDir, options = {}) {
  const env = options.env ?? process.env;
  const location = options.location ?? locateProject(projectDir);
  const endpoint = endpointFor(location.busRoot, env);
  ensurePrivateDir(endpoint.dir);
  const deadline = Date.now() + (options.timeoutMs ?? 1e4);
  const version = options.version ?? VERSION;
  const protocol = options.protocol ?? PROTOCOL_VERSION;
  let spawnedAt;
  let spawned;
  let failedStarts = 0;
  let replacing;
  let delay = 5;
  let appearing;
  try {
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
        if (!code || !NOT_RUNNING_ERRNOS.has(code)) throw err;
        client = await connectToOwner(location, endpoint);
        if (!client && options.spawn === false) throw err;
        if (!client && spawned && (spawned.exitCode() ?? 0) !== 0) {
          if (!spawned.lostItsDir() && ++failedStarts >= MAX_FAILED_STARTS) throw new StartError(`the session-bus daemon could not start. Last lines of ${endpoint.logPath}:
${tailLog(endpoint.logPath)}`);
          spawned = void 0;
          spawnedAt = void 0;
          ensurePrivateDir(endpoint.dir);
        }
        if (!client && (spawnedAt === void 0 || Date.now() - spawnedAt > RESPAWN_AFTER_MS)) {
          appearing ??= new SocketWatch(endpoint);
          if (claimStart(endpoint.startingPath, RESPAWN_AFTER_MS)) {
            spawned = await spawnDaemon(location, endpoint, env).catch((err2) => {
              recordStarting(endpoint.startingPath, void 0);
              throw err2;
            });
            recordStarting(endpoint.startingPath, spawned.pid);
            spawnedAt = Date.now();
          }
        }
      }
      const hello = client ? await client.request("hello", { protocol, version, root: location.busRoot }, Math.max(1, deadline - Date.now())).catch((err) => {
        client.close();
        if (err instanceof ConnectionError && err.code !== "ETIMEDOUT" && options.spawn !== false) return void 0;
        throw err;
      }) : void 0;
      if (client && hello) {
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
        const older = isOlderThan(hello, protocol, version);
        const waiting = replacing !== void 0 && hello.pid === replacing.pid && Date.now() < replacing.until;
        if (!older || options.spawn === false || replacing !== void 0 && !waiting) {
          releaseStart(endpoint.startingPath, spawned?.pid);
          return { client, hello, endpoint, location };
        }
        client.close();
        if (!replacing) {
          appearing ??= new SocketWatch(endpoint);
          spawned = await spawnDaemon(location, endpoint, env, { replaceOlderThan: version });
          spawnedAt = Date.now();
          replacing = { pid: hello.pid, until: Math.min(deadline, Date.now() + REPLACE_WAIT_MS) };
        }
      }
      if (Date.now() >= deadline) {
        throw new StartError(
          `the session-bus daemon did not answer at ${endpoint.socketPath} in time. Last lines of ${endpoint.logPath}:
${tailLog(endpoint.logPath)}`
        );
      }
      const pause = Math.min(delay, Math.max(1, deadline - Date.now()));
      await (appearing ? appearing.pause(pause) : sleep(pause));
      delay = Math.min(delay * 2, 20);
    }
  } finally {
    appearing?.close();
  }
}
var SocketWatch = class {
  watcher;
  appeared = false;
  /** Quick retries left after the socket appeared (between the daemon's bind and its listen). */
  quick = 0;
  wake;
  constructor(endpoint) {
    const name = basename2(endpoint.socketPath);
    try {
      this.watcher = watch(endpoint.dir, { persistent: false }, (_event, file) => {
        if (file !== name) return;
        this.appeared = true;
        this.wake?.();
      });
      this.watcher.on("error", () => this.close());
    } catch {
      this.watcher = void 0;
    }
  }
  /** Waits `ms`, or less if the socket appeared meanwhile (or since the last pause). */
  async pause(ms) {
    if (this.appeared) {
      this.appeared = false;
      this.quick = QUICK_RETRIES;
      return;
    }
    if (this.quick > 0) {
      this.quick--;
      return sleep(Math.min(ms, 1));
    }
    if (!this.watcher) return sleep(ms);
    const woken = new AbortController();
    this.wake = () => woken.abort();
    await sleep(ms, { signal: woken.signal });
    this.wake = void 0;
    if (this.appeared) {
      this.appeared = false;
      this.quick = QUICK_RETRIES;
    }
  }
  close() {
    this.watcher?.close();
    this.watcher = void 0;
    this.wake = void 0;
  }
};
async function connectToOwner(location, endpoint) {
  const owner = readMailboxOwner(mailboxLockPath(location.mailboxPath));
  if (!owner || owner.socket === endpoint.socketPath || !owner.socket.endsWith(`${endpoint.hash}.sock`)) return void 0;
  try {
    checkPrivateDir(dirname4(owner.socket));
    return await RpcClient.connect(owner.socket, 1e3);
  } catch {
    return void 0;
  }
}
function connectExisting(projectDir, options = {}) {
  return connectOrSpawn(projectDir, { ...options, spawn: false, timeoutMs: options.timeoutMs ?? 2e3 });
}

// src/cli/color.ts
function colorEnabled(stream, env) {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR === "0" || env.FORCE_COLOR === "false") return false;
  if (env.FORCE_COLOR) return true;
  return stream.isTTY === true;
}
var CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  brightBlue: [94, 39],
  brightCyan: [96, 39],
  brightWhite: [97, 39]
};
function painter(on) {
  if (!on) return (_style, text) => text;
  return (style, text) => `\x1B[${CODES[style][0]}m${text}\x1B[${CODES[style][1]}m`;
}
var LABEL_COLORS = ["cyan", "blue", "brightCyan", "brightBlue", "brightWhite"];
function labelStyle(label) {
  let h = 0;
  for (let i = 0; i < label.length; i++) h = h * 31 + label.charCodeAt(i) >>> 0;
  return LABEL_COLORS[h % LABEL_COLORS.length];
}

// src/cli/width.ts
var WIDE = new RegExp("[\\u1100-\\u115f\\u2e80-\\u303e\\u3041-\\u33ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\ua000-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6\\u{20000}-\\u{3fffd}]|\\p{Emoji_Presentation}", "u");
var ZERO = /[\p{Mn}\p{Me}\p{Cf}\ufe00-\ufe0f]/u;
function charWidth(ch) {
  if (ZERO.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}
function displayWidth(text) {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}
function truncate(text, width) {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return "";
  let out = "";
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}\u2026`;
}
function padEnd(text, width) {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}
function terminalColumns(env, stream) {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stream.isTTY && stream.columns ? stream.columns : void 0;
}

// src/protocol/messages.ts
var MESSAGE_KINDS = ["note", "lock", "unlock", "handoff"];
var MESSAGE_NOTIFICATION = "message";
function shortId(sessionId) {
  if (sessionId.startsWith("human:")) return sessionId;
  return sessionId.replace(/-/g, "").slice(0, 6);
}

// src/cli/format.ts
import * as path from "node:path";
var GONE_AFTER_MS = 12 * 36e5;
function safe(text) {
  return inert(oneLine(text));
}
function jsonLine(value) {
  return inert(JSON.stringify(value));
}
var GAP = 2;
function table(headers, rawRows, columns) {
  const rows = rawRows.map((r) => r.map(safe));
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  if (columns !== void 0) {
    const floor = headers.map((h) => Math.max(displayWidth(h), 3));
    let total = widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
    while (total > columns) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) if (widths[i] > floor[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
      if (widest < 0) break;
      widths[widest] -= 1;
      total -= 1;
    }
  }
  const line = (cells) => cells.map((c, i) => padEnd(truncate(c, widths[i]), widths[i])).join(" ".repeat(GAP)).trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}
function fit(line, columns) {
  return columns === void 0 ? line : truncate(line, columns);
}
function worktree(cwd, root) {
  if (!cwd) return "";
  if (!root) return cwd;
  const base = path.basename(root) === ".git" ? path.dirname(root) : root;
  return path.relative(base, cwd) || ".";
}
function formatStatus(s, now = Date.now(), layout = {}) {
  const root = layout.root ?? s.root;
  const cols = layout.columns;
  const lines = [
    `session-bus daemon: running (pid ${s.pid}, version ${inert(s.version)}, up ${duration(s.uptimeMs)})`,
    `  project   ${safe(s.root)}`,
    `  socket    ${safe(s.socketPath)}`,
    `  log       ${safe(s.logPath)}`,
    `  mailbox   ${safe(s.mailboxPath)}`,
    `  messages  ${s.messageCount} retained, last seq ${s.lastSeq}`,
    ...formatFederation(s.federation, now).map((l) => fit(l, cols)),
    ...s.settings ? [fit(`  settings  ${formatSettings(s.settings)}`, cols)] : []
  ];
  const people = s.sessions.filter((x) => x.label.startsWith("human:"));
  const sessions = s.sessions.filter((x) => !x.label.startsWith("human:"));
  const gone = sessions.filter((x) => !x.connected && now - x.lastSeen > GONE_AFTER_MS).sort((a, b) => b.lastSeen - a.lastSeen);
  const here = sessions.filter((x) => !gone.includes(x));
  if (people.length > 0) lines.push(fit(`  people    ${people.map((x) => `${safe(x.label)} (last sent ${duration(now - x.lastSeen)} ago)`).join(", ")}`, cols));
  if (gone.length > 0) {
    lines.push(fit(`  gone      ${gone.length} session(s) away over ${duration(GONE_AFTER_MS)}: ${gone.map((x) => `${safe(x.label)} (${duration(now - x.lastSeen)} ago)`).join(", ")}`, cols));
  }
  lines.push("");
  if (here.length === 0) {
    lines.push(gone.length > 0 ? "No session is here now." : "No sessions yet.");
  } else {
    const editing = here.some((x) => x.editing);
    const rows = [...here].sort((a, b) => Number(b.connected) - Number(a.connected) || b.lastSeen - a.lastSeen).map((x) => [
      x.label,
      x.connected ? "connected" : "away",
      String(x.queueDepth),
      `${duration(now - x.lastSeen)} ago`,
      x.lastReached ? `${x.lastReached.via} ${duration(now - x.lastReached.at)} ago` : "-",
      worktree(x.cwd, root),
      ...editing ? [x.editing ? `${x.editing.count}: ${x.editing.paths.map(safe).join(", ")}${x.editing.count > x.editing.paths.length ? " \u2026" : ""}` : "-"] : []
    ]);
    lines.push(table(["SESSION", "STATE", "UNREAD", "LAST SEEN", "LAST REACHED", "WORKTREE", ...editing ? ["EDITING"] : []], rows, cols));
    if (s.sessionsOmitted) lines.push(fit(`(${s.sessionsOmitted} more session${s.sessionsOmitted === 1 ? "" : "s"} seen longer ago, not listed)`, cols));
  }
  if (s.claims.length > 0) lines.push("", formatClaims(s.claims, now, layout));
  return lines.join("\n");
}
function formatSettings(settings) {
  const set = settings.filter((r) => r.source !== "default");
  return set.length === 0 ? "all default (session-bus config)" : set.map((r) => `${r.key}=${safe(r.value) || "-"} (${r.source === "env" ? r.env : "file"})`).join(", ");
}
function formatFederation(f, now = Date.now()) {
  if (!f || f.state === "off") return ["  federation off (SESSION_BUS_NATS_URL not set)"];
  if (f.state === "refused") return [`  federation refused: ${inert(f.reason ?? "unknown reason")}`];
  const head = `  federation ${f.state}${f.since ? ` for ${duration(now - f.since)}` : ""} to ${f.url ?? "?"} as ${f.host?.name ?? "?"} (${f.host?.id ?? "?"}), project ${f.project ?? "?"}`;
  const lag = `  lag       outbox ${f.outbox} to publish, ${f.inboundPending} to take in; ${f.received} received${f.lastReceivedAt ? `, last ${duration(now - f.lastReceivedAt)} ago` : ""}`;
  const hosts = f.hosts.length === 0 ? ["  hosts     no other host seen"] : f.hosts.map((h, i) => `${i === 0 ? "  hosts     " : "            "}${safe(h.name)} (${safe(h.id)}): ${h.sessions.length} session(s)${h.sessions.length ? ` ${h.sessions.map((x) => safe(x.label)).join(", ")}` : ""}, seen ${duration(now - h.lastSeen)} ago`);
  return [safe(head), lag, ...hosts, ...f.warnings.map((w) => `  warning   ${safe(w)}`)];
}
function formatPeers(peers, now = Date.now(), layout = {}) {
  if (peers.length === 0) return "No session is here now.";
  return table(
    ["SESSION", "SINCE", "ACTIVE", "WORKTREE"],
    // Another host's session is labelled `label@host` already (remotePeers).
    peers.map((p) => [p.label, `${duration(now - p.since)} ago`, `${duration(now - p.lastActivity)} ago`, worktree(p.cwd, layout.root)]),
    layout.columns
  );
}
function formatClaims(claims, now = Date.now(), layout = {}) {
  if (claims.length === 0) return "Nothing is claimed.";
  return table(
    ["RESOURCE", "HOLDER", "SINCE", "EXPIRES", "NOTE"],
    claims.map((c) => [c.resource, c.host ? `${c.label}@${c.host}` : c.label, `${duration(now - c.since)} ago`, c.expiresAt ? `in ${duration(c.expiresAt - now)}` : "-", c.note ?? ""]),
    layout.columns
  );
}
var KIND_STYLE = { note: void 0, lock: "yellow", unlock: "green", handoff: "magenta" };
var clock = localClock;
function formatMessage(m, options = {}) {
  const paint = painter(options.color ?? false);
  const label = safe(m.from);
  const kindStyle = KIND_STYLE[m.kind];
  const kind = `[${m.kind}]`;
  const to = m.to && m.to.length > 0 ? ` ${paint("dim", `(to ${m.to.map(shortId).map(safe).join(", ")})`)}` : "";
  const text = inert(cleanText(m.text).replace(/\n/g, " \u21B5 ").replace(/\t/g, " "));
  const pad = " ".repeat(Math.max(0, (options.labelWidth ?? 0) - displayWidth(label)));
  return [
    paint("dim", clock(m.ts, options.date)),
    paint(labelStyle(label), label.startsWith("human:") ? paint("bold", label) : label) + pad,
    kindStyle ? paint(kindStyle, kind) : paint("dim", kind)
  ].join("  ") + `${to}  ${text}`;
}

export {
  MAX_TEXT_BYTES,
  MAX_SEQ,
  MAX_TS,
  MAX_HISTORY_LIMIT,
  MAX_HISTORY_REPLY_BYTES,
  ONE_LINE,
  inert,
  describeError,
  BusError,
  VERSION,
  PROTOCOL_VERSION,
  isOlderThan,
  sha256Hex,
  EndpointError,
  endpointFor,
  isAlive,
  isRunning,
  isBusDaemon,
  sleep,
  privateDirProblem,
  locateProject,
  RpcError,
  ConnectionError,
  RpcClient,
  readConfig,
  SETTINGS,
  settingsPath,
  settingsFor,
  startSettingsProblem,
  settingDef,
  readSettingsFile,
  writeSetting,
  resolveSettings,
  lockHolder,
  isStaleLock,
  isNotRunning,
  connectOrSpawn,
  connectExisting,
  MESSAGE_KINDS,
  MESSAGE_NOTIFICATION,
  colorEnabled,
  painter,
  displayWidth,
  truncate,
  terminalColumns,
  safe,
  jsonLine,
  table,
  formatStatus,
  formatSettings,
  formatPeers,
  formatClaims,
  formatMessage
};
