#!/usr/bin/env node
import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);
import {
  OPTIONS
} from "./chunk-OOGE3GE6.mjs";
import {
  BusError,
  ConnectionError,
  EndpointError,
  MAX_HISTORY_LIMIT,
  MAX_HISTORY_REPLY_BYTES,
  MAX_SEQ,
  MAX_TEXT_BYTES,
  MAX_TS,
  MESSAGE_KINDS,
  MESSAGE_NOTIFICATION,
  ONE_LINE,
  PROTOCOL_VERSION,
  RpcClient,
  RpcError,
  SETTINGS,
  VERSION,
  colorEnabled,
  connectExisting,
  connectOrSpawn,
  describeError,
  displayWidth,
  endpointFor,
  formatClaims,
  formatMessage,
  formatPeers,
  formatSettings,
  formatStatus,
  inert,
  isAlive,
  isBusDaemon,
  isNotRunning,
  isOlderThan,
  isRunning,
  isStaleLock,
  jsonLine,
  locateProject,
  lockHolder,
  painter,
  privateDirProblem,
  readConfig,
  readSettingsFile,
  resolveSettings,
  safe,
  settingDef,
  settingsFor,
  settingsPath,
  sha256Hex,
  sleep,
  startSettingsProblem,
  table,
  terminalColumns,
  writeSetting
} from "./chunk-MTWGDKDP.mjs";

// src/cli/commands.ts
import * as fs7 from "node:fs";
import * as path5 from "node:path";

// src/cli/args.ts
import { parseArgs } from "node:util";

// src/cli/help.ts
var KINDS = MESSAGE_KINDS.join("|");
var COMMANDS = [
  {
    name: "status",
    usage: "session-bus status [--wide] [--json]",
    summary: "is the project's daemon running; who is here",
    options: ["--wide"],
    details: [
      "The daemon (pid, version, uptime), its socket, log and mailbox, every session with its unread count, and the claims.",
      "People at a terminal and sessions away over 12 hours get one short line each. Tables fit $COLUMNS (cut with \u2026); --wide prints them whole.",
      "Never starts a daemon. Exit 0 running, 3 not running."
    ],
    examples: ["session-bus status", "session-bus status --json | jq .sessions"]
  },
  {
    name: "peers",
    usage: "session-bus peers [--wide] [--json]",
    summary: "the sessions working here now (a table)",
    options: ["--wide"],
    details: ["Sessions with a live connection: label, short id, since, last active, worktree.", "Never starts a daemon. Exit 0 running, 3 not running."],
    examples: ["session-bus peers", "session-bus peers --json"]
  },
  {
    name: "claims",
    usage: "session-bus claims [--wide] [--json]",
    summary: "what is claimed, by whom, until when (a table)",
    options: ["--wide"],
    details: ["Never starts a daemon. Exit 0 running, 3 not running."],
    examples: ["session-bus claims"]
  },
  {
    name: "tail",
    usage: "session-bus tail [-f] [-n N] [--json]",
    summary: "the feed: the last messages, one line each; -f follows live",
    options: ["--follow", "--lines"],
    details: [
      "-f, --follow     keep printing messages as they are sent (Ctrl-C stops); waits for a daemon",
      "                 when none runs and picks up again after a daemon restart",
      "-n, --lines N    how many earlier messages to show first (default 10; 0 = only new ones)",
      "Each line: time, sender, [kind], text. Colored on a terminal; plain when piped or NO_COLOR is set",
      "(FORCE_COLOR=1 keeps colors in a pipe). --json prints one message object per line.",
      "Never starts a daemon: with none running it reads the mailbox file. Exit 0."
    ],
    examples: ["session-bus tail", "session-bus tail -f", "session-bus tail -f -n 0 --json | jq -r .text"]
  },
  {
    name: "log",
    usage: "session-bus log [--since 2h] [--from LABEL] [--kind K] [--grep TEXT] [-n N] [--json]",
    summary: "search the history",
    options: ["--since", "--from", "--kind", "--grep", "--lines"],
    details: [
      "--since SPAN|DATE  only messages since then: 30m, 2h, 1h30m, 3d, 1w, or 2026-11-25T08:00 (local time)",
      "--from WHO         only from WHO: a label (main#3f2a1c), its branch (main), its short id (3f2a1c),",
      '                   or "human" for people at a terminal. Repeat it for several senders',
      `--kind K           only kind K (${KINDS}); repeat it or use commas for several`,
      "--grep TEXT        only messages whose text contains TEXT (case-insensitive, plain text)",
      "-n, --lines N      only the last N matches (default: all)",
      'Lines carry the date. --json prints {"source":"daemon"|"mailbox","messages":[...]}.',
      "Reads the running daemon, or the mailbox file when none runs (never starts one). Exit 0."
    ],
    examples: ["session-bus log --since 2h", "session-bus log --from human --kind handoff", "session-bus log --grep rebase -n 5"]
  },
  {
    name: "send",
    usage: "session-bus send TEXT [--kind K] [--json]",
    summary: "broadcast TEXT to every session, as you (human:<user>)",
    options: ["--kind"],
    details: [`--kind K   ${KINDS} (default note). Starts the daemon if none runs. Exit 0 sent, 1 refused.`],
    examples: ['session-bus send "main is green again, safe to rebase" --kind handoff']
  },
  {
    name: "stop",
    usage: "session-bus stop [--json]",
    summary: "stop the project's daemon (a connected session starts it again within seconds)",
    options: [],
    details: ["Says how many connected sessions will start it again. To apply new settings use `session-bus restart`.", "Exit 0 stopped, 3 none was running."],
    examples: ["session-bus stop"]
  },
  {
    name: "restart",
    usage: "session-bus restart [--json]",
    summary: "stop the daemon and start a fresh one now: applies new settings",
    options: [],
    details: ["The new daemon reads the settings file (session-bus config) and this shell's SESSION_BUS_* variables. Prints the settings in force."],
    examples: ["session-bus config set fsync always && session-bus restart"]
  },
  {
    name: "config",
    usage: "session-bus config [get [KEY]] | set KEY VALUE | unset KEY",
    summary: "the bus's settings file, read by every daemon of this project",
    options: [],
    details: [
      "Keys: idle-ms, fsync, retain-count, retain-days, grace-ms, nats-url, project, host, fed-lease-ms (or their SESSION_BUS_* names).",
      "The file is settings.json beside the mailbox. A SESSION_BUS_* variable set in the environment wins over it.",
      "A running daemon keeps its settings until `session-bus restart`; `status` shows those in force and where each came from."
    ],
    examples: ["session-bus config", "session-bus config set nats-url nats://nats.internal:4222", "session-bus config unset fsync"]
  },
  {
    name: "guard",
    usage: "session-bus guard install | uninstall | check",
    summary: "a git pre-commit hook that warns when a commit includes files other sessions are working on",
    options: [],
    details: [
      "install puts a pre-commit hook in this repository (a hook already there is kept and runs first); uninstall removes it and puts the old one back.",
      "check (what the hook runs) lists staged files that a live session changed and has not committed, or has claimed. It only warns: the commit goes ahead.",
      "Sessions in Claude Code have their own guard (edits and git commands are checked before they run; SESSION_BUS_GUARD)."
    ],
    examples: ["session-bus guard install", "session-bus guard uninstall"]
  },
  {
    name: "statusline",
    usage: "session-bus statusline",
    summary: "one short line for Claude Code's statusLine setting: peers, unread, claims held by others",
    options: [],
    details: [
      "Reads the JSON Claude Code passes on stdin (session_id, workspace.project_dir) and prints one line, e.g.",
      "  bus: 2 peers \xB7 3 unread \xB7 port:1420 held by feat#3f2a1c",
      'Never starts a daemon ("bus: not running"); gives up after 1 s. In ~/.claude/settings.json:',
      '  "statusLine": { "type": "command", "command": "session-bus statusline" }',
      "Its project: --project DIR, else CLAUDE_PROJECT_DIR, else the JSON's project_dir, else the current directory. It takes no other option."
    ],
    examples: [`echo '{"session_id":"\u2026"}' | session-bus statusline`, "session-bus statusline --project ~/src/app"]
  },
  {
    name: "doctor",
    usage: "session-bus doctor [--json]",
    summary: "check the setup; say what is wrong and how to fix it",
    options: [],
    details: [
      "Checks the node version, the socket directory (owner, mode), a stale socket or lock, the daemon",
      "(answers, version skew, recent errors in its log), the mailbox (size, access), the plugin",
      "(`claude plugin validate`, when a claude binary is on PATH or in node_modules/.bin), and whether",
      "the host offers its inbox socket (CLAUDE_CODE_MESSAGING_SOCKET, set only inside a Claude Code session).",
      "Never starts a daemon and changes nothing. Exit 0 when every check passed (warnings included), 1 when one failed.",
      '--json prints {"ok":bool,"checks":[{"name","status":"ok"|"warn"|"fail"|"skip","message","fix"?}]}.'
    ],
    examples: ["session-bus doctor", 'session-bus doctor --json | jq ".checks[] | select(.status != \\"ok\\")"']
  },
  {
    name: "help",
    usage: "session-bus help [COMMAND]",
    summary: "this help, or one command\u2019s",
    options: [],
    details: [],
    examples: ["session-bus help tail"]
  },
  {
    name: "completion",
    usage: "session-bus completion [bash|zsh]",
    summary: "print a shell completion script",
    options: [],
    details: ["bash: add `source <(session-bus completion bash)` to ~/.bashrc.", "zsh: add `source <(session-bus completion zsh)` to ~/.zshrc."],
    examples: ["source <(session-bus completion bash)"]
  }
];
function commandDoc(name) {
  return COMMANDS.find((c) => c.name === name);
}
var EXIT_CODES = "Exit codes: 0 ok, 1 error (doctor: a check failed), 2 usage, 3 daemon not running (status, peers, claims, stop).";
function generalHelp() {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `session-bus ${VERSION}: a coordination channel for the Claude Code sessions of one project

Usage: session-bus COMMAND [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Options for every command:
  --project DIR   the project (default: the current directory)
  --json          machine-readable output
  -h, --help      help (\`session-bus CMD --help\` for one command)
  -v, --version   the version

${EXIT_CODES}

Examples:
  session-bus status
  session-bus tail -f
  session-bus log --since 2h --from human
  session-bus send "main is green again, safe to rebase" --kind handoff
  session-bus doctor
`;
}
function commandHelp(doc) {
  const lines = [`Usage: ${doc.usage} [--project DIR]`, "", `${doc.summary[0].toUpperCase()}${doc.summary.slice(1)}.`];
  if (doc.details.length > 0) lines.push("", ...doc.details.map((d) => `  ${d}`));
  lines.push("", "  --project DIR   the project (default: the current directory)", "", EXIT_CODES);
  if (doc.examples.length > 0) lines.push("", "Examples:", ...doc.examples.map((e) => `  ${e}`));
  return lines.join("\n") + "\n";
}
function completionScript(shell) {
  const cases = COMMANDS.map((c) => {
    const opts = ["--project", "--json", "--help", ...c.options].join(" ");
    return `    ${c.name}) opts="${opts}" ;;`;
  }).join("\n");
  const bash = `# session-bus completion (bash): source <(session-bus completion bash)
_session_bus() {
  local cur prev cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${COMMANDS.map((c) => c.name).join(" ")} --help --version" -- "$cur") )
    return
  fi
  case "$prev" in
    --project) COMPREPLY=( $(compgen -d -- "$cur") ); return ;;
    --kind) COMPREPLY=( $(compgen -W "${MESSAGE_KINDS.join(" ")}" -- "$cur") ); return ;;
    help) COMPREPLY=( $(compgen -W "${COMMANDS.map((c) => c.name).join(" ")}" -- "$cur") ); return ;;
    completion) COMPREPLY=( $(compgen -W "bash zsh" -- "$cur") ); return ;;
  esac
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
}
complete -F _session_bus session-bus
`;
  if (shell === "zsh") return `# session-bus completion (zsh): source <(session-bus completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash}`;
  return bash;
}

// src/cli/parse.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var UNIT_MS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 7 * 864e5 };
function parseSince(text, now) {
  const t = text.trim();
  if (/^(\d+(\.\d+)?[smhdw])+$/i.test(t)) {
    let ms = 0;
    for (const [, n, unit] of t.toLowerCase().matchAll(/(\d+(?:\.\d+)?)([smhdw])/g)) ms += Number(n) * UNIT_MS[unit];
    return now - ms;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) {
    const ts = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00` : t);
    if (Number.isFinite(ts)) return ts;
  }
  throw new UsageError(`--since takes a span like 30m, 2h, 1h30m, 3d, or a date like 2026-11-25T08:00, not ${JSON.stringify(text)}`);
}
function parseCount(text, option) {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${option} takes a whole number (0 or more), not ${JSON.stringify(text)}`);
  return Number(text.trim());
}
function parseKinds(values) {
  const kinds = values.flatMap((v) => v.split(",")).map((k) => k.trim()).filter(Boolean);
  for (const k of kinds) {
    if (!MESSAGE_KINDS.includes(k)) throw new UsageError(`--kind must be one of ${MESSAGE_KINDS.join(", ")}`);
  }
  return [...new Set(kinds)];
}

// src/cli/args.ts
function parseCommandLine(argv) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    const e = err;
    if (!e.code?.startsWith("ERR_PARSE_ARGS")) throw err;
    throw new UsageError(reword(e, argv));
  }
}
function reword(e, argv) {
  const command = argv.find((a) => !a.startsWith("-"));
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const option = /Unknown option '([^']+)'/.exec(e.message)?.[1] ?? "?";
    if (command === "send") {
      const { tokens } = parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
      const words = tokens.flatMap((t) => t.kind === "positional" ? [t.value] : t.kind === "option" && !OPTION_NAMES.has(t.name) ? [t.rawName] : []).filter((w, i) => i > 0 || w !== "send");
      return `unknown option ${option}; a text starting with "-" goes after --: session-bus send -- ${JSON.stringify(words.join(" "))}`;
    }
    const doc = command ? commandDoc(command) : void 0;
    const takes = ["--project DIR", "--json", ...doc?.options ?? []].join(", ");
    return doc ? `unknown option ${option}; ${command} takes ${takes}` : `unknown option ${option}`;
  }
  return e.message.replace(/'/g, "").split(". ")[0];
}
var OPTION_NAMES = new Set(Object.keys(OPTIONS));

// src/daemon/federation/config.ts
import { execFileSync } from "node:child_process";
import * as os from "node:os";

// src/place/test-timing.ts
function testOnlyMs(env, name) {
  const raw = env[name];
  const ms = Number(raw);
  return raw && Number.isFinite(ms) && ms > 0 ? ms : void 0;
}

// src/daemon/federation/config.ts
var DEFAULT_LEASE_MS = 15e3;
var FIX = {
  url: "Set SESSION_BUS_NATS_URL (session-bus config set nats-url nats://host:4222; tls://\u2026 for TLS; several comma-separated), or unset it to turn federation off; then session-bus restart",
  project: "Set SESSION_BUS_PROJECT, or give the repository an origin remote; see the README, Federation",
  lease: "Set SESSION_BUS_FED_LEASE_MS to a number of milliseconds \u2265 1000 (session-bus config set fed-lease-ms 15000), or unset it for the default 15000; then session-bus restart"
};
var PROJECT_KEY = /^[A-Za-z0-9_-]{1,64}$/;
function readFederationConfig(env, gitDir, origin = () => originUrl(gitDir)) {
  const raw = env.SESSION_BUS_NATS_URL?.trim();
  if (!raw) return { mode: "off" };
  const listed = raw.split(",").map((s) => s.trim()).filter(Boolean);
  const servers = listed.map(redactUrl);
  const displayUrl = servers.join(",");
  const badUrl = servers.map(serverUrlProblem).find((p) => p !== void 0);
  if (badUrl) return { mode: "refused", displayUrl, reason: `SESSION_BUS_NATS_URL ${badUrl}`, fix: FIX.url };
  const override = env.SESSION_BUS_PROJECT?.trim();
  let project;
  let remoteUrl;
  if (override) {
    if (!PROJECT_KEY.test(override)) {
      return { mode: "refused", displayUrl, reason: `SESSION_BUS_PROJECT must be 1-64 letters, digits, "-" or "_", not ${JSON.stringify(override)}`, fix: FIX.project };
    }
    project = override;
  } else if (remoteUrl = typeof origin === "function" ? origin() : origin) {
    project = projectKeyOf(remoteUrl);
  } else {
    return {
      mode: "refused",
      displayUrl,
      reason: 'no project key: this repository has no "origin" remote. Add one (git remote add origin URL), or set SESSION_BUS_PROJECT to the same key on every host',
      fix: FIX.project
    };
  }
  const auth = { ...listed.map(urlAuth).find((a) => a !== void 0) };
  if (env.SESSION_BUS_NATS_USER) auth.user = env.SESSION_BUS_NATS_USER;
  if (env.SESSION_BUS_NATS_PASSWORD) auth.pass = env.SESSION_BUS_NATS_PASSWORD;
  if (env.SESSION_BUS_NATS_TOKEN) auth.token = env.SESSION_BUS_NATS_TOKEN;
  if (env.SESSION_BUS_NATS_CREDS) auth.credsFile = env.SESSION_BUS_NATS_CREDS;
  const tlsFiles = {};
  if (env.SESSION_BUS_NATS_CA) tlsFiles.caFile = env.SESSION_BUS_NATS_CA;
  if (env.SESSION_BUS_NATS_CERT) tlsFiles.certFile = env.SESSION_BUS_NATS_CERT;
  if (env.SESSION_BUS_NATS_KEY) tlsFiles.keyFile = env.SESSION_BUS_NATS_KEY;
  const wantsTls = servers.some((s) => /^tls:\/\//i.test(s)) || Object.keys(tlsFiles).length > 0;
  const leaseRaw = env.SESSION_BUS_FED_LEASE_MS;
  const leaseMs = leaseRaw ? Number(leaseRaw) : DEFAULT_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs < 1e3) {
    return { mode: "refused", displayUrl, reason: `SESSION_BUS_FED_LEASE_MS must be a number of milliseconds \u2265 1000, not ${JSON.stringify(leaseRaw)}`, fix: FIX.lease };
  }
  return {
    mode: "on",
    settings: {
      servers,
      displayUrl,
      auth,
      ...wantsTls ? { tls: tlsFiles } : {},
      project,
      hostName: env.SESSION_BUS_HOST?.trim() || os.hostname(),
      leaseMs,
      ...optionalMs(env, "SESSION_BUS_FED_PUBLISH_TIMEOUT_MS", "publishTimeoutMs"),
      ...optionalMs(env, "SESSION_BUS_FED_ACK_WAIT_MS", "ackWaitMs")
    }
  };
}
function optionalMs(env, name, key) {
  const ms = testOnlyMs(env, name);
  return ms === void 0 ? {} : { [key]: ms };
}
function originUrl(gitDir) {
  if (!gitDir) return void 0;
  try {
    const out = execFileSync("git", ["--git-dir", gitDir, "remote", "get-url", "origin"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 5e3 });
    return out.trim() || void 0;
  } catch {
    return void 0;
  }
}
function normalizeRemoteUrl(url) {
  let u = url.trim();
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.*)$/.exec(u);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) {
    u = `${scp[1].toLowerCase()}/${scp[2]}`;
  } else {
    const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:]+)(?::\d+)?(\/.*)?$/i.exec(u);
    if (m) u = `${m[1].toLowerCase()}${m[2] ?? ""}`;
    else u = u.replace(/^file:\/\//i, "");
  }
  return u.replace(/\/+$/, "").replace(/\.git$/i, "").replace(/\/+$/, "");
}
function projectKeyOf(remoteUrl) {
  return sha256Hex(normalizeRemoteUrl(remoteUrl)).slice(0, 16);
}
function urlAuth(url) {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^@/]*)@/i.exec(url);
  if (!m || !m[1]) return void 0;
  const [user, pass] = m[1].split(":", 2).map((x) => decodeURIComponent(x));
  return pass !== void 0 ? { user, pass } : { token: user };
}
var SCHEMES = /* @__PURE__ */ new Set(["nats", "tls"]);
function serverUrlProblem(url) {
  const shown2 = JSON.stringify(url);
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^:/?#]*)(?::([^/?#]*))?([/?#].*)?$/i.exec(url);
  if (!m) return `${shown2} is not a NATS URL: write nats://host:4222`;
  const [, scheme, host, port] = m;
  if (scheme !== void 0 && !SCHEMES.has(scheme.toLowerCase())) return `${shown2}: the scheme must be nats:// or tls://, not ${scheme}://`;
  if (!host) return `${shown2} names no host: write nats://host:4222`;
  if (port !== void 0 && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    return `${shown2}: the port must be a number from 1 to 65535, not ${JSON.stringify(port)}`;
  }
  try {
    new URL(`nats://${host}`);
  } catch {
    return `${shown2} is not a NATS URL: ${JSON.stringify(host)} is not a host name or address`;
  }
  return void 0;
}
function redactUrl(url) {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, "$1");
}

// src/cli/feed.ts
import * as fs3 from "node:fs";

// src/place/mailbox-replay.ts
import * as fs2 from "node:fs";

// src/place/mailbox-line.ts
var str = (v) => typeof v === "string" ? { ok: v } : "expected a string";
var int = (min, max) => (v) => Number.isSafeInteger(v) && v >= min && v <= max ? { ok: v } : `expected an integer from ${min} to ${max}`;
var time = (v) => typeof v === "number" && v >= 0 && v <= MAX_TS ? { ok: v } : "time out of range";
var kind = (v) => MESSAGE_KINDS.includes(v) ? { ok: v } : `expected one of ${MESSAGE_KINDS.join(", ")}`;
var list = (item) => (v) => {
  if (!Array.isArray(v)) return "expected a list";
  const out = [];
  for (const x of v) {
    const r = item(x);
    if (typeof r === "string") return r;
    out.push(r.ok);
  }
  return { ok: out };
};
var counts = (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return "expected an object";
  const out = {};
  for (const [k, n] of Object.entries(v)) {
    if (!Number.isSafeInteger(n) || n < 0) return "expected counts";
    out[k] = n;
  }
  return { ok: out };
};
var object = (shape, optional = {}) => (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return "expected an object";
  const out = {};
  for (const [key, check3] of Object.entries(shape)) {
    const r = check3(v[key]);
    if (typeof r === "string") return `${key}: ${r}`;
    out[key] = r.ok;
  }
  for (const [key, check3] of Object.entries(optional)) {
    const value = v[key];
    if (value === void 0) continue;
    const r = check3(value);
    if (typeof r === "string") return `${key}: ${r}`;
    out[key] = r.ok;
  }
  return { ok: out };
};
var seq = int(1, MAX_SEQ);
var position = int(0, MAX_SEQ);
var ENTRIES = {
  msg: object({ seq, ts: time, origin: object({ sessionId: str, pid: int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) }), from: str, kind, text: str }, { to: list(str), host: str, remoteId: str }),
  session: object({ id: str, ids: list(str), pids: list(int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)), label: str, firstSeen: time }, { cwd: str }),
  cursor: object({ id: str, seq: position, ts: time }),
  meta: object({ lastSeq: position, compactedAt: time }),
  claim: object({ resource: str, holder: str, label: str, since: time }, { expiresAt: time, note: str }),
  release: object({ resource: str, holder: str, ts: time }),
  fed: object({ published: int(0, Number.MAX_SAFE_INTEGER) }, { received: counts }),
  touch: object({ id: str, tree: str, paths: list(str), ts: time }),
  settle: object({ id: str, ts: time }, { tree: str, paths: list(str) })
};
function readEntry(value) {
  const fast = messageFastPath(value);
  if (fast) return fast;
  const type = typeof value === "object" && value !== null ? value.type : void 0;
  const check3 = typeof type === "string" && Object.hasOwn(ENTRIES, type) ? ENTRIES[type] : void 0;
  if (!check3) return "not a mailbox entry (unknown type); skipped";
  const r = check3(value);
  if (typeof r === "string") return `not a mailbox entry (${r}); skipped`;
  return { type, ...r.ok };
}
function messageFastPath(v) {
  if (typeof v !== "object" || v === null) return void 0;
  const m = v;
  if (m.type !== "msg") return void 0;
  const { seq: seq2, ts, origin, from, kind: kind2, text, to } = m;
  if (Object.keys(m).length !== (to === void 0 ? 7 : 8)) return void 0;
  if (!Number.isSafeInteger(seq2) || seq2 <= 0 || seq2 > MAX_SEQ || typeof ts !== "number" || !(ts >= 0 && ts <= MAX_TS)) return void 0;
  if (typeof from !== "string" || typeof text !== "string" || !MESSAGE_KINDS.includes(kind2)) return void 0;
  if (typeof origin !== "object" || origin === null || Array.isArray(origin) || Object.keys(origin).length !== 2) return void 0;
  const { sessionId, pid } = origin;
  if (typeof sessionId !== "string" || !Number.isSafeInteger(pid)) return void 0;
  if (to !== void 0 && !(Array.isArray(to) && to.every((t) => typeof t === "string"))) return void 0;
  const record = { type: "msg", seq: seq2, ts, origin: { sessionId, pid }, from, kind: kind2, text };
  if (to !== void 0) record.to = to;
  return record;
}

// src/place/apply-entry.ts
function applyEntry(state, entry) {
  switch (entry.type) {
    case "msg": {
      const { type: _type, ...record } = entry;
      state.addMessage(record);
      return;
    }
    case "session":
      state.putSession(entry);
      return;
    case "cursor":
      state.setCursor(entry);
      return;
    case "meta":
      state.raiseSeq(entry.lastSeq);
      return;
    case "claim":
    case "release":
      applyClaimEntry(state.claims, entry);
      return;
    case "fed":
      state.setFederation(entry);
      return;
    case "touch":
      applyTouch(state.workingSets, entry);
      return;
    case "settle":
      applySettle(state.workingSets, entry);
      return;
  }
}
function applyClaimEntry(claims2, entry) {
  if (entry.type === "claim") {
    const { type: _type, ...claim } = entry;
    claims2.put(claim);
  } else if (claims2.get(entry.resource)?.holder === entry.holder) {
    claims2.remove(entry.resource);
  }
}
function claimMap(map) {
  return { get: (r) => map.get(r), put: (c) => void map.set(c.resource, c), remove: (r) => void map.delete(r) };
}
function foldFederation(position2, entry) {
  const fed = position2 ?? { received: /* @__PURE__ */ new Map() };
  fed.published = Math.max(fed.published ?? 0, entry.published);
  for (const [host, seq2] of Object.entries(entry.received ?? {})) fed.received.set(host, Math.max(fed.received.get(host) ?? 0, seq2));
  return fed;
}
function applyTouch(sets, e) {
  const trees = sets.get(e.id) ?? /* @__PURE__ */ new Map();
  const files = trees.get(e.tree) ?? /* @__PURE__ */ new Map();
  for (const p of e.paths) files.set(p, Math.max(files.get(p) ?? 0, e.ts));
  trees.set(e.tree, files);
  sets.set(e.id, trees);
}
function applySettle(sets, e) {
  const trees = sets.get(e.id);
  if (!trees) return;
  if (e.paths === void 0) {
    if (e.tree === void 0) sets.delete(e.id);
    else trees.delete(e.tree);
  } else {
    for (const [tree, files] of trees) {
      if (e.tree !== void 0 && tree !== e.tree) continue;
      for (const p of e.paths) files.delete(p);
      if (files.size === 0) trees.delete(tree);
    }
  }
  if (trees.size === 0) sets.delete(e.id);
}

// src/place/restored-state.ts
var RestoredStateBuilder = class {
  state = { lastSeq: 0, messages: [], sessions: [], cursors: /* @__PURE__ */ new Map(), claims: /* @__PURE__ */ new Map(), workingSets: /* @__PURE__ */ new Map() };
  sessions = /* @__PURE__ */ new Map();
  claims = claimMap(this.state.claims);
  workingSets = this.state.workingSets;
  addMessage(record) {
    this.state.messages.push(record);
    this.raiseSeq(record.seq);
  }
  putSession(entry) {
    this.sessions.set(entry.id, entry);
  }
  setCursor(entry) {
    this.state.cursors.set(entry.id, entry);
  }
  raiseSeq(lastSeq) {
    this.state.lastSeq = Math.max(this.state.lastSeq, lastSeq);
  }
  setFederation(entry) {
    this.state.federation = foldFederation(this.state.federation, entry);
  }
  /** The state, messages ascending by seq. */
  finish() {
    this.state.sessions = [...this.sessions.values()];
    this.state.messages.sort((a, b) => a.seq - b.seq);
    return this.state;
  }
};

// src/place/mailbox-file.ts
import * as fs from "node:fs";
var MailboxFileError = class extends Error {
  /** The problem and its fix apart (doctor shows them on two lines); the message is both. */
  constructor(problem, fix) {
    super(`${problem}. ${fix}`);
    this.problem = problem;
    this.fix = fix;
  }
  problem;
  fix;
  name = "MailboxFileError";
};
function assertRegularFile(file) {
  let st;
  try {
    st = fs.lstatSync(file);
  } catch {
    return;
  }
  if (st.isFile()) return;
  const what = st.isFIFO() ? "a FIFO" : st.isDirectory() ? "a directory" : st.isSymbolicLink() ? "a symlink" : st.isSocket() ? "a socket" : "a special file";
  throw new MailboxFileError(`the mailbox ${file} is ${what}, not a regular file`, `Move it away (mv "${file}" "${file}.bad"); the bus starts a new one`);
}

// src/place/mailbox-replay.ts
var SEQ_CEILING = MAX_SEQ - 2 ** 32;
var MAX_LOG_LINE_BYTES = 256 * 1024;
function replayMailbox(file, readFile = (f) => fs2.readFileSync(f)) {
  const into = new RestoredStateBuilder();
  const { warnings, lines } = replayInto(into, file, readFile);
  return { state: into.finish(), warnings, lines };
}
function replayInto(state, file, readFile = (f) => fs2.readFileSync(f)) {
  const warnings = [];
  assertRegularFile(file);
  let raw;
  try {
    raw = readFile(file);
  } catch (err) {
    if (err.code === "ENOENT") return { warnings, lines: 0 };
    throw err;
  }
  const check3 = new EntryCheck(warnings);
  let lineNo = 0;
  let start = 0;
  while (start < raw.length) {
    const end = raw.indexOf(10, start);
    lineNo += 1;
    if (end === -1) {
      warnings.push({ line: lineNo, reason: `last line (${raw.length - start} bytes) is torn by an interrupted write; cut` });
      break;
    }
    const bytes = end - start;
    if (bytes > MAX_LOG_LINE_BYTES) {
      warnings.push({ line: lineNo, reason: `line of ${bytes} bytes is too long; skipped` });
    } else if (bytes > 0) {
      const entry = parseLine(raw.toString("utf8", start, end));
      if (typeof entry === "string") warnings.push({ line: lineNo, reason: entry });
      else if (check3.accepts(entry, lineNo)) applyEntry(state, entry);
    }
    start = end + 1;
  }
  for (const entry of check3.repairs()) applyEntry(state, entry);
  return { warnings, lines: lineNo };
}
var EntryCheck = class {
  constructor(warnings) {
    this.warnings = warnings;
  }
  warnings;
  lastSeq = 0;
  seen = /* @__PURE__ */ new Map();
  sessions = /* @__PURE__ */ new Set();
  cursors = /* @__PURE__ */ new Map();
  displaced = [];
  accepts(entry, line) {
    switch (entry.type) {
      case "msg":
        return this.message(entry, line);
      case "meta":
        if (entry.lastSeq > SEQ_CEILING) return this.skip(line, `last seq ${entry.lastSeq} leaves no room for new messages (not written by a daemon); skipped`);
        this.lastSeq = Math.max(this.lastSeq, entry.lastSeq);
        return true;
      case "session":
        this.sessions.add(entry.id);
        return true;
      case "cursor":
        this.cursors.set(entry.id, { entry, line });
        return true;
      case "claim":
        if (!this.sessions.has(entry.holder)) return this.skip(line, `claim on ${JSON.stringify(entry.resource)} is held by a session the mailbox does not know (${JSON.stringify(entry.holder)}); dropped`);
        return true;
      default:
        return true;
    }
  }
  /** Entries that end the replay: displaced messages under new seqs, positions moved back. */
  repairs() {
    const out = [];
    for (const { record, line } of this.displaced) {
      const seq2 = ++this.lastSeq;
      this.warnings.push({ line, reason: `seq ${record.seq} was given to two different messages; this one is kept as seq ${seq2}` });
      out.push({ type: "msg", ...record, seq: seq2 });
    }
    for (const [id, { entry, line }] of this.cursors) {
      if (entry.seq <= this.lastSeq) continue;
      this.warnings.push({ line, reason: `position ${entry.seq} of session ${id} is past the last seq ${this.lastSeq}; moved back to it` });
      out.push({ ...entry, seq: this.lastSeq });
    }
    return out;
  }
  message(entry, line) {
    if (entry.seq > SEQ_CEILING) return this.skip(line, `seq ${entry.seq} leaves no room for new messages (not written by a daemon); skipped`);
    const first = this.seen.get(entry.seq);
    if (first) {
      if (sameMessage(first, entry)) return this.skip(line, `message ${entry.seq} is in the log twice; kept once`);
      const { type: _type, ...record } = entry;
      this.displaced.push({ record, line });
      return false;
    }
    this.seen.set(entry.seq, entry);
    this.lastSeq = Math.max(this.lastSeq, entry.seq);
    return true;
  }
  skip(line, reason) {
    this.warnings.push({ line, reason });
    return false;
  }
};
function parseLine(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return "not JSON (truncated or corrupt); skipped";
  }
  return readEntry(value);
}
function sameMessage(a, b) {
  return a.ts === b.ts && a.text === b.text && a.kind === b.kind && a.from === b.from && a.origin.sessionId === b.origin.sessionId && a.remoteId === b.remoteId;
}

// src/protocol/history.ts
function matchesSender(m, token) {
  const t = token.trim().toLowerCase();
  if (t === "") return false;
  const from = m.from.toLowerCase();
  if (from === t || m.origin.sessionId.toLowerCase() === t) return true;
  if (t === "human" && from.startsWith("human:")) return true;
  const hash = from.lastIndexOf("#");
  if (hash < 0) return false;
  return from.slice(0, hash) === t || from.slice(hash + 1) === t.replace(/^#/, "");
}
function matchesFilter(m, q) {
  if (q.sinceTs !== void 0 && m.ts < q.sinceTs) return false;
  if (q.from && q.from.length > 0 && !q.from.some((t) => matchesSender(m, t))) return false;
  if (q.kinds && q.kinds.length > 0 && !q.kinds.includes(m.kind)) return false;
  if (q.grep !== void 0 && !m.text.toLowerCase().includes(q.grep.toLowerCase())) return false;
  return true;
}
function selectHistory(messages, q, maxBytes = MAX_HISTORY_REPLY_BYTES) {
  const limit = Math.min(q.limit ?? MAX_HISTORY_LIMIT, MAX_HISTORY_LIMIT);
  const out = [];
  let bytes = 0;
  let more = false;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (q.beforeSeq !== void 0 && m.seq >= q.beforeSeq) continue;
    if (q.afterSeq !== void 0 && m.seq <= q.afterSeq) break;
    if (!matchesFilter(m, q)) continue;
    const size = Buffer.byteLength(JSON.stringify(m));
    if (out.length >= limit || out.length > 0 && bytes + size > maxBytes) {
      more = true;
      break;
    }
    out.push(m);
    bytes += size;
  }
  return { messages: out.reverse(), more };
}

// src/cli/feed.ts
var FOLLOW_RETRY_MS = 1e3;
function followRetryMs(env) {
  return testOnlyMs(env, "SESSION_BUS_FOLLOW_RETRY_MS") ?? FOLLOW_RETRY_MS;
}
async function daemonIfRunning(project, env) {
  try {
    return await connectExisting(project, { env });
  } catch (err) {
    if (isNotRunning(err)) return void 0;
    throw err;
  }
}
function mailboxSource(project) {
  const path6 = locateProject(project).mailboxPath;
  let state;
  try {
    state = replayMailbox(path6).state;
  } catch (err) {
    const e = err;
    throw new Error(`cannot read the mailbox ${path6}: ${e.code ?? e.message}`);
  }
  const messages = state.messages;
  return { path: path6, lastSeq: state.lastSeq, fetch: async (q) => ({ ...selectHistory(messages, q, Number.POSITIVE_INFINITY), lastSeq: state.lastSeq }) };
}
function daemonSource(conn, project) {
  let fallback;
  return {
    get name() {
      return fallback ? "mailbox" : "daemon";
    },
    async fetch(q) {
      if (fallback) return fallback(q);
      try {
        return await conn.client.request("history", q);
      } catch (err) {
        if (!(err instanceof RpcError) || err.code !== -32601 /* MethodNotFound */) throw err;
        fallback = mailboxSource(project).fetch;
        return fallback(q);
      }
    }
  };
}
function historySource(conn, project) {
  return conn ? daemonSource(conn, project) : { name: "mailbox", fetch: mailboxSource(project).fetch };
}
async function readAll(fetch, q, want) {
  const pages = [];
  let count = 0;
  let beforeSeq = q.beforeSeq;
  for (; ; ) {
    const limit = want === void 0 ? MAX_HISTORY_LIMIT : Math.min(MAX_HISTORY_LIMIT, want - count);
    if (limit <= 0) break;
    const r = await fetch({ ...q, beforeSeq, limit });
    pages.unshift(r.messages);
    count += r.messages.length;
    if (!r.more || r.messages.length === 0) break;
    beforeSeq = r.messages[0].seq;
  }
  return pages.flat();
}
var FOLLOW_LABEL_WIDTH = 14;
function printer(o, withDate, minLabelWidth = 0) {
  let labelWidth = minLabelWidth;
  const print = (m) => {
    if (o.json) return o.out(jsonLine(m));
    labelWidth = Math.max(labelWidth, displayWidth(safe(m.from)));
    o.out(formatMessage(m, { color: o.color, date: withDate, labelWidth }));
  };
  const batch = (ms) => {
    for (const m of ms) labelWidth = Math.max(labelWidth, displayWidth(safe(m.from)));
    ms.forEach(print);
  };
  return { print, batch };
}
async function tail(o, lines) {
  const { project } = o;
  const conn = await daemonIfRunning(project, o.env);
  try {
    const messages = await readAll(historySource(conn, project).fetch, {}, lines);
    printer(o, false).batch(messages);
    if (messages.length === 0 && !o.json && lines > 0) o.note("No messages yet.");
    return 0;
  } finally {
    conn?.client.close();
  }
}
async function log(o, query) {
  const { project } = o;
  const conn = await daemonIfRunning(project, o.env);
  try {
    const q = {};
    if (query.sinceTs !== void 0) q.sinceTs = query.sinceTs;
    if (query.from && query.from.length > 0) q.from = query.from;
    if (query.kinds && query.kinds.length > 0) q.kinds = query.kinds;
    if (query.grep) q.grep = query.grep;
    const source = historySource(conn, project);
    const messages = await readAll(source.fetch, q, query.lines);
    if (o.json) {
      o.out(jsonLine({ source: source.name, messages }));
    } else {
      printer(o, true).batch(messages);
      if (messages.length === 0) o.note("No messages match.");
    }
    return 0;
  } finally {
    conn?.client.close();
  }
}
async function follow(o, lines, signal) {
  const { project } = o;
  const retryMs = followRetryMs(o.env);
  const { print, batch } = printer(o, false, FOLLOW_LABEL_WIDTH);
  let last;
  let waitingSaid = false;
  let lastStamp;
  const show = (m) => {
    if (last !== void 0 && m.seq <= last) return;
    print(m);
    last = Math.max(last ?? 0, m.seq);
  };
  const showAll = (ms) => {
    batch(ms);
    for (const m of ms) last = Math.max(last ?? 0, m.seq);
  };
  while (!signal?.aborted) {
    let conn;
    try {
      conn = await daemonIfRunning(project, o.env);
    } catch (err) {
      if (!(err instanceof ConnectionError)) throw err;
    }
    if (!conn) {
      const stamp = mailboxStamp(project);
      if (stamp !== lastStamp) {
        lastStamp = stamp;
        const source = mailboxSource(project);
        if (last !== void 0 && source.lastSeq < last) last = source.lastSeq;
        showAll(await readAll(source.fetch, last === void 0 ? {} : { afterSeq: last }, last === void 0 ? lines : void 0));
        last = Math.max(last ?? 0, source.lastSeq);
      }
      if (!waitingSaid) o.note("session-bus: no daemon runs for this project; waiting for one (it starts with the first session). Ctrl-C stops.");
      waitingSaid = true;
      await sleep(retryMs, { signal });
      continue;
    }
    lastStamp = void 0;
    waitingSaid = false;
    const held = [];
    let ready = false;
    conn.client.onNotification = (method, params) => {
      if (method !== MESSAGE_NOTIFICATION) return;
      if (ready) show(params);
      else held.push(params);
    };
    const closed = untilAborted(signal, (done) => {
      conn.client.onClose = () => done();
      if (conn.client.closed) done();
      return () => {
        conn.client.onClose = void 0;
      };
    });
    try {
      const r = await conn.client.request("subscribe", last === void 0 ? { limit: Math.min(lines, MAX_HISTORY_LIMIT) } : { afterSeq: last });
      if (last !== void 0 && r.lastSeq < last) {
        o.note(`session-bus: the bus starts over (its last seq is ${r.lastSeq}, ${last} was shown): its mailbox was replaced`);
        last = r.lastSeq;
      } else if (last !== void 0 && r.more) {
        o.note("session-bus: (earlier messages missed while away are left out; see `session-bus log`)");
      }
      showAll(r.messages);
      last = Math.max(last ?? 0, r.lastSeq);
      ready = true;
      held.forEach(show);
    } catch (err) {
      conn.client.close();
      if (err instanceof RpcError && err.code === -32601 /* MethodNotFound */) {
        throw new BusError(-32031 /* DaemonTooOld */, { pid: conn.hello.pid, daemonVersion: conn.hello.version, feature: "`tail -f` (the subscribe method)" });
      }
      if (!(err instanceof ConnectionError)) throw err;
    }
    await closed;
    conn.client.close();
    if (!signal?.aborted) o.note("session-bus: the daemon went away; waiting for it to come back.");
    waitingSaid = true;
  }
  return 0;
}
function mailboxStamp(project) {
  try {
    const st = fs3.statSync(locateProject(project).mailboxPath);
    return `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    return "none";
  }
}
function untilAborted(signal, start) {
  return new Promise((resolve5) => {
    let cleanup = () => void 0;
    const finish = () => {
      signal?.removeEventListener("abort", finish);
      cleanup();
      resolve5();
    };
    if (signal?.aborted) return finish();
    signal?.addEventListener("abort", finish, { once: true });
    cleanup = start(finish);
  });
}

// src/cli/config-command.ts
var KEYS = SETTINGS.map((s) => s.key).join(", ");
async function config({ project, json, env, out }, words) {
  const [verb = "get", key, ...rest] = words;
  const location = locateProject(project);
  const path6 = settingsPath(location.mailboxDir);
  if (verb === "get") {
    const file = readSettingsFile(path6);
    const { report } = resolveSettings(env, file);
    const wanted = key ? report.filter((r) => r.key === requireKey(key)) : report;
    if (json) out(jsonLine({ path: path6, settings: wanted }));
    else if (key) out(inert(wanted[0].value));
    else out(`settings for a daemon started now (file: ${inert(path6)}; an environment variable wins over the file)
${table(["KEY", "VALUE", "SOURCE", "VARIABLE"], wanted.map((r) => [r.key, r.value || "-", r.source, r.env]))}`);
    return 0;
  }
  if (verb !== "set" && verb !== "unset") throw new UsageError(`config takes get, set or unset, not ${JSON.stringify(verb)}`);
  if (!key) throw new UsageError(`config ${verb} needs a key: one of ${KEYS}`);
  const def = settingDef(requireKey(key));
  const value = verb === "set" ? rest.join(" ") : void 0;
  if (verb === "set" && rest.length === 0) throw new UsageError(`config set ${def.key} needs a value (${def.about})`);
  if (value !== void 0) check(def.env, value);
  writeSetting(path6, location.mailboxDir, def.key, value);
  const envWins = env[def.env] !== void 0 && env[def.env] !== "";
  const conn = await daemonIfRunning(project, env);
  let running;
  if (conn) {
    const s = await conn.client.request("status", {});
    conn.client.close();
    const now = s.settings?.find((r) => r.key === def.key);
    running = `the running daemon (pid ${s.pid}) has ${def.key}=${now ? `${inert(now.value || "-")} (${now.source})` : "?"}; \`session-bus restart\` applies the file`;
  }
  if (json) out(jsonLine({ path: path6, key: def.key, value: value ?? null, envOverrides: envWins, daemonPid: conn?.hello.pid ?? null }));
  else {
    out(value === void 0 ? `removed ${def.key} from ${inert(path6)}` : `set ${def.key}=${inert(value)} in ${inert(path6)}`);
    if (envWins) out(`note: ${def.env} is set in this shell and wins over the file for daemons started from here`);
    if (running) out(running);
  }
  return 0;
}
function requireKey(key) {
  const def = settingDef(key);
  if (!def) throw new UsageError(`no setting ${JSON.stringify(key)}; the settings are ${KEYS}`);
  return def.key;
}
var FEDERATION_PROBE = { SESSION_BUS_NATS_URL: "nats://127.0.0.1:4222", SESSION_BUS_PROJECT: "probe" };
function check(envName, value) {
  if (!ONE_LINE.test(value)) throw new UsageError(`${envName} cannot hold control, line-separator or bidi characters: ${inert(JSON.stringify(value))}`);
  try {
    readConfig({ [envName]: value });
  } catch (err) {
    throw new UsageError(err.message);
  }
  if (value.trim() === "") return;
  const federation = readFederationConfig({ ...FEDERATION_PROBE, [envName]: value }, void 0, void 0);
  if (federation.mode === "refused") throw new UsageError(federation.reason);
}

// src/cli/guard-command.ts
import { execFileSync as execFileSync2 } from "node:child_process";
import * as fs4 from "node:fs";
import * as path from "node:path";

// src/place/identity.ts
import { userInfo } from "node:os";
import { basename, resolve } from "node:path";
function humanIdentity(dir) {
  let user = "human";
  try {
    user = userInfo().username || user;
  } catch {
  }
  return { sessionId: `human:${user}`, pid: 0, label: `human:${user}`, cwd: resolve(dir) };
}

// src/guard/shell-words.ts
var RESERVED = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "for", "in", "case", "esac", "function", "select", "time", "!", "{", "}", "[[", "]]", "coproc"]);
function quoteWord(word) {
  if (/^[A-Za-z0-9_/.,:@%+-]+$/.test(word) && !RESERVED.has(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

// src/cli/guard-command.ts
var MARK = "# session-bus guard: installed by `session-bus guard install`; `session-bus guard uninstall` removes it";
var CHAINED = "pre-commit.before-session-bus";
function hooksDir(project, env, verb) {
  let dir;
  try {
    dir = execFileSync2("git", ["-C", project, "rev-parse", "--path-format=absolute", "--git-path", "hooks"], { encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch (err) {
    const said = String(err.stderr ?? "").trim().split("\n")[0] || err.message;
    if (/not a git repository/i.test(said)) throw new UsageError(`guard ${verb} works on a git repository, and ${project} is not in one`);
    throw new Error(`git could not name the hooks folder of ${project}: ${said}`);
  }
  fs4.mkdirSync(dir, { recursive: true });
  return dir;
}
async function guard(c, words, cliScript) {
  const { project, out } = c;
  const [verb, ...extra] = words;
  if (extra.length > 0 || !verb || !["install", "uninstall", "check"].includes(verb)) throw new UsageError("guard takes install, uninstall or check");
  if (verb === "check") return check2(c);
  const dir = hooksDir(project, c.env, verb);
  const hook = path.join(dir, "pre-commit");
  const chained = path.join(dir, CHAINED);
  const ours = fs4.existsSync(hook) && fs4.readFileSync(hook, "utf8").includes(MARK);
  if (verb === "uninstall") {
    if (!ours) {
      out(`no session-bus pre-commit hook in ${inert(dir)}`);
      return 0;
    }
    fs4.rmSync(hook);
    if (fs4.existsSync(chained)) fs4.renameSync(chained, hook);
    out(`removed the session-bus pre-commit hook from ${inert(dir)}${fs4.existsSync(hook) ? " (the one it chained is back in place)" : ""}`);
    return 0;
  }
  if (ours) {
    out(`the session-bus pre-commit hook is already in ${inert(dir)}`);
    return 0;
  }
  if (fs4.existsSync(hook)) fs4.renameSync(hook, chained);
  const script = [
    "#!/bin/sh",
    MARK,
    `if [ -x "$(dirname "$0")/${CHAINED}" ]; then "$(dirname "$0")/${CHAINED}" "$@" || exit $?; fi`,
    // Quoted for sh whatever the paths hold (a `"`, a `$(`): they are the plugin's, wherever it was put.
    `${quoteWord(process.execPath)} ${quoteWord(cliScript)} guard check || true`,
    ""
  ].join("\n");
  fs4.writeFileSync(hook, script, { mode: 493 });
  out(`installed the session-bus pre-commit hook in ${inert(dir)}${fs4.existsSync(chained) ? ` (the one there runs first, as ${CHAINED})` : ""}`);
  return 0;
}
async function check2({ project, env, note }) {
  if (env.CLAUDE_CODE_SESSION_ID || env.CLAUDE_PID) return 0;
  try {
    const staged = execFileSync2("git", ["-C", project, "diff", "--cached", "--name-only", "-z"], { encoding: "utf8", env }).split("\0").filter(Boolean);
    if (staged.length === 0) return 0;
    const conn = await connectExisting(project, { env, timeoutMs: 2e3 });
    const who = humanIdentity(project);
    const found = await conn.client.request("checkEdit", { ...who, paths: staged, tool: "git commit", record: false }, 2e3);
    conn.client.close();
    const lines = [
      ...found.editing.map((e) => `  ${inert(e.path)}: changed and not committed by ${inert(e.label, "label")}`),
      ...found.conflicts.map(({ path: p, claim: c }) => `  ${inert(p)}: claimed by ${inert(c.host ? `${c.label}@${c.host}` : c.label, "label")}${c.note ? ` (${inert(c.note, "quoted")})` : ""}`)
    ];
    if (lines.length) note(`session-bus: this commit includes files other sessions are working on:
${lines.join("\n")}
(the commit goes ahead; \`git reset -- FILE\` takes a file out of it)`);
  } catch {
  }
  return 0;
}

// src/cli/daemon-commands.ts
var NOT_RUNNING = 3;
function notRunningLine(busRoot) {
  return `session-bus daemon: not running for ${inert(busRoot)} (the first Claude Code session here starts it; so does \`session-bus send\`)`;
}
async function existing(project, env) {
  try {
    return await connectExisting(project, { env });
  } catch (err) {
    if (isNotRunning(err)) return void 0;
    throw err;
  }
}
async function status({ project, json, env, out }, layout = {}) {
  const conn = await existing(project, env);
  if (!conn) {
    const location = locateProject(project);
    const endpoint = endpointFor(location.busRoot, env);
    if (json) out(jsonLine({ running: false, root: location.busRoot, socketPath: endpoint.socketPath, logPath: endpoint.logPath, mailboxPath: location.mailboxPath }));
    else out([notRunningLine(location.busRoot), `  socket    ${safe(endpoint.socketPath)}`, `  log       ${safe(endpoint.logPath)}`, `  mailbox   ${safe(location.mailboxPath)}`].join("\n"));
    return NOT_RUNNING;
  }
  try {
    const s = await conn.client.request("status", {});
    out(json ? jsonLine({ running: true, ...s }) : formatStatus(s, Date.now(), layout));
    return 0;
  } finally {
    conn.client.close();
  }
}
async function peers({ project, json, env, out }, layout = {}) {
  const conn = await existing(project, env);
  if (!conn) {
    out(json ? jsonLine({ running: false, peers: [] }) : notRunningLine(locateProject(project).busRoot));
    return NOT_RUNNING;
  }
  try {
    const { peers: peers2 } = await conn.client.request("peers", {});
    out(json ? jsonLine({ peers: peers2 }) : formatPeers(peers2, Date.now(), layout));
    return 0;
  } finally {
    conn.client.close();
  }
}
async function claims({ project, json, env, out }, layout = {}) {
  const conn = await existing(project, env);
  if (!conn) {
    const location = locateProject(project);
    const now = Date.now();
    const recorded = [...replayMailbox(location.mailboxPath).state.claims.values()].filter((c) => c.expiresAt === void 0 || c.expiresAt > now);
    if (json) out(jsonLine({ running: false, claims: recorded }));
    else out([notRunningLine(location.busRoot), ...recorded.length > 0 ? ["Claims recorded in the mailbox (kept if their sessions come back when it starts):", formatClaims(recorded, now, layout)] : []].join("\n"));
    return NOT_RUNNING;
  }
  try {
    const { claims: claims2 } = await conn.client.request("claims", {});
    out(json ? jsonLine({ claims: claims2 }) : formatClaims(claims2, Date.now(), layout));
    return 0;
  } finally {
    conn.client.close();
  }
}
async function stop({ project, json, env, out }) {
  const conn = await existing(project, env);
  if (!conn) {
    out(json ? jsonLine({ stopped: false, running: false }) : notRunningLine(locateProject(project).busRoot));
    return NOT_RUNNING;
  }
  const { sessions } = await conn.client.request("status", {});
  const connected = sessions.filter((x) => x.connected && !x.label.startsWith("human:")).length;
  await conn.client.request("shutdown", { reason: "session-bus stop" });
  conn.client.close();
  const gone = await untilGone(conn.hello.pid);
  if (json) out(jsonLine({ stopped: true, exited: gone, pid: conn.hello.pid, connectedSessions: connected }));
  else if (!gone) out(`session-bus daemon asked to stop (pid ${conn.hello.pid}); it is still exiting after ${EXIT_WAIT_MS / 1e3} s (its log: ${inert(conn.endpoint.logPath)})`);
  else if (connected === 0) out(`session-bus daemon stopped (pid ${conn.hello.pid})`);
  else out(`session-bus daemon stopped (pid ${conn.hello.pid}); ${connected} connected session${connected === 1 ? "" : "s"} will start it again within seconds. To apply new settings, use \`session-bus restart\`.`);
  return 0;
}
var EXIT_WAIT_MS = 1e4;
async function untilGone(pid) {
  const until = Date.now() + EXIT_WAIT_MS;
  const there = () => isRunning(pid) && isBusDaemon(pid);
  while (there() && Date.now() < until) await sleep(20);
  return !there();
}
async function restart({ project, json, env, out }) {
  const conn = await existing(project, env);
  const old = conn?.hello.pid;
  const problem = startSettingsProblem(locateProject(project).mailboxDir, env);
  if (problem) {
    conn?.client.close();
    throw new UsageError(`${problem.message}${old ? `; the running daemon (pid ${old}) is left as it is` : ""}`);
  }
  if (conn) {
    await conn.client.request("shutdown", { reason: "session-bus restart" });
    conn.client.close();
    await untilGone(old);
  }
  const fresh = await connectOrSpawn(project, { env });
  try {
    const s = await fresh.client.request("status", {});
    if (json) out(jsonLine({ restarted: true, oldPid: old ?? null, pid: s.pid, settings: s.settings ?? [] }));
    else {
      out(`session-bus daemon ${old ? `restarted (pid ${old} \u2192 ${s.pid})` : `started (pid ${s.pid})`}`);
      out(`  settings  ${formatSettings(s.settings ?? [])}`);
    }
    return 0;
  } finally {
    fresh.client.close();
  }
}
async function send({ project, json, env, out }, text, kind2) {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_TEXT_BYTES) throw new BusError(-32010 /* TextTooLong */, { bytes });
  const conn = await connectOrSpawn(project, { env });
  try {
    const result = await conn.client.request("broadcast", { ...humanIdentity(project), text, kind: kind2 });
    out(json ? jsonLine(result) : `sent #${result.seq} as ${inert(result.from, "label")}`);
    return 0;
  } finally {
    conn.client.close();
  }
}

// src/cli/doctor.ts
import * as fs6 from "node:fs";
import * as path3 from "node:path";

// src/place/markers.ts
var MARKER_NAME = /^(pending|live|guard)-(\d+)$/;

// src/cli/doctor-checks.ts
var MIN_NODE_MAJOR = 20;
function checkNode(version) {
  const major = Number.parseInt(version.replace(/^v/, ""), 10);
  if (major >= MIN_NODE_MAJOR) return { name: "node", status: "ok", message: `node ${version}` };
  return { name: "node", status: "fail", message: `node ${version} is too old: session-bus needs Node ${MIN_NODE_MAJOR} or newer`, fix: `Install Node ${MIN_NODE_MAJOR}+ (e.g. nvm install 20) and run Claude Code with it` };
}
function checkSocketDir(dir, st, uid) {
  if (!st) return { name: "socket dir", status: "ok", message: `${dir} does not exist yet (the first session creates it, mode 700)` };
  const found = privateDirProblem(dir, st, uid);
  if (found) return { name: "socket dir", status: "fail", message: found.problem, fix: found.fix };
  return { name: "socket dir", status: "ok", message: `${dir} (yours, mode ${(st.mode & 511).toString(8)})` };
}
function checkSocketFile(socketPath, st, uid) {
  if (!st) return void 0;
  if (!st.isSocket()) return { name: "socket", status: "fail", message: `${socketPath} is not a socket`, fix: `Remove it: rm ${socketPath}` };
  if (uid !== void 0 && st.uid !== uid) {
    return { name: "socket", status: "fail", message: `${socketPath} is owned by uid ${st.uid}, not by you (uid ${uid})`, fix: "Set SESSION_BUS_SOCKET_DIR to a directory of your own" };
  }
  if ((st.mode & 63) !== 0) {
    return { name: "socket", status: "fail", message: `${socketPath} has mode ${(st.mode & 511).toString(8)}: others may connect to the bus`, fix: `Run: chmod 600 ${socketPath} (a daemon started by this version creates it 600)` };
  }
  return void 0;
}
function checkVersions(hello) {
  const name = "version";
  if (hello.protocol > PROTOCOL_VERSION) {
    return {
      name,
      status: "fail",
      message: describeError(-32030 /* IncompatibleProtocol */, { daemonVersion: hello.version, daemonProtocol: hello.protocol, clientVersion: VERSION, clientProtocol: PROTOCOL_VERSION }),
      fix: "Update the session-bus CLI and plugin to the same version"
    };
  }
  if (hello.version === VERSION && hello.protocol === PROTOCOL_VERSION) return { name, status: "ok", message: `daemon and this CLI are both version ${VERSION}` };
  const older = isOlderThan(hello, PROTOCOL_VERSION, VERSION);
  if (older) {
    return { name, status: "warn", message: `the daemon is version ${hello.version}, older than this CLI (${VERSION}); the next session of this version replaces it`, fix: "Run: session-bus restart" };
  }
  return { name, status: "warn", message: `the daemon is version ${hello.version}, newer than this CLI (${VERSION}); they speak the same protocol`, fix: "Update the CLI (npm link in the plugin checkout) to match" };
}
function checkRegistrations(status2, alive) {
  const stale = status2.sessions.filter((s) => s.connected && s.pid > 0 && !alive(s.pid));
  if (stale.length === 0) {
    const n = status2.sessions.filter((s) => s.connected).length;
    const message = n === 0 ? "no session is connected" : `${n} connected session${n === 1 ? "" : "s"}, each with a live Claude Code process`;
    return { name: "sessions", status: "ok", message };
  }
  return {
    name: "sessions",
    status: "fail",
    message: `stale registration: ${stale.map((s) => `${safe(s.label)} (Claude Code pid ${s.pid} is gone)`).join(", ")} still shows as connected`,
    fix: "An MCP server outlived its session: find it with `ps aux | grep mcp.mjs` and kill it, or run: session-bus stop"
  };
}
var LOG_RECENT_MS = 24 * 36e5;
function checkLogErrors(logPath, tailText, now = Date.now()) {
  if (tailText === void 0) return { name: "daemon log", status: "ok", message: `${logPath} (empty or not written yet)` };
  const errors = [];
  for (const line of tailText.split("\n")) {
    try {
      const e = JSON.parse(line);
      if ((e.level ?? 0) >= 50 && (e.time === void 0 || now - e.time < LOG_RECENT_MS)) errors.push(e.msg ?? "error");
    } catch {
      if (/failed to start/.test(line)) errors.push(line.trim());
    }
  }
  if (errors.length === 0) return { name: "daemon log", status: "ok", message: `${logPath}: no recent errors` };
  return { name: "daemon log", status: "warn", message: `${logPath} has ${errors.length} recent error${errors.length === 1 ? "" : "s"}; the last: ${errors[errors.length - 1]}`, fix: `Read it: tail -n 50 ${logPath}` };
}
function checkSettings(problem, file) {
  const name = "settings";
  if (!problem) return { name, status: "ok", message: `a daemon started now accepts them (this environment over ${file})` };
  const fix = problem.file ? `Fix or remove ${file}` : "Fix the value (session-bus config set KEY VALUE, or config unset KEY; or the variable in this shell)";
  return { name, status: "fail", message: `no daemon can start with them: ${problem.message}`, fix: `${fix}, then session-bus restart` };
}
function federationRefused(reason, fix) {
  return { name: "federation", status: "fail", message: `refused: ${reason ?? "unknown reason"}`, fix: fix ?? "Set SESSION_BUS_PROJECT, or give the repository an origin remote; see the README, Federation" };
}
function checkFederation(f) {
  const name = "federation";
  if (!f || f.state === "off") return { name, status: "ok", message: "off (SESSION_BUS_NATS_URL not set): this host only" };
  if (f.state === "refused") return federationRefused(f.reason, f.fix);
  const where = `${f.url ?? "?"} as ${f.host?.name ?? "?"}`;
  if (f.state === "connected") {
    const message = `connected to ${where}; ${f.hosts.length} other host(s); outbox ${f.outbox}, ${f.inboundPending} to take in`;
    if (f.warnings.length === 0) return { name, status: "ok", message };
    return { name, status: "warn", message: `${message}; ${f.warnings.map(safe).join("; ")}`, fix: "See session-bus status for the claims involved" };
  }
  return {
    name,
    status: "warn",
    message: `${f.state} to ${where}${f.reason ? `: ${f.reason}` : ""}; claims are local only and ${f.outbox} message(s) wait to be forwarded`,
    fix: "Check that nats-server runs with JetStream (-js), is reachable from here, and the credentials (SESSION_BUS_NATS_*)"
  };
}
function checkHostInbox(env, stat2) {
  const name = "host inbox";
  const socket = env.CLAUDE_CODE_MESSAGING_SOCKET;
  if (!socket) {
    return {
      name,
      status: "skip",
      message: "CLAUDE_CODE_MESSAGING_SOCKET is not set here: only processes inside a Claude Code session (2.1.224+, cross-session messaging on) get it. Without it, messages reach a session at its next prompt or tool call"
    };
  }
  if (!env.CLAUDE_CODE_MESSAGING_TOKEN) {
    return { name, status: "fail", message: "CLAUDE_CODE_MESSAGING_SOCKET is set but CLAUDE_CODE_MESSAGING_TOKEN is not: pushing into the session cannot authenticate", fix: "Restart the Claude Code session; do not unset its environment" };
  }
  const st = stat2(socket);
  if (!st || !st.isSocket()) {
    return { name, status: "fail", message: `CLAUDE_CODE_MESSAGING_SOCKET points at ${socket}, which is ${st ? "not a socket" : "missing"}`, fix: "Restart the Claude Code session (its inbox socket is gone)" };
  }
  if (env.SESSION_BUS_WAKE === "none") return { name, status: "ok", message: `offered at ${socket}, but SESSION_BUS_WAKE=none turns pushing off` };
  return { name, status: "ok", message: `offered at ${socket}: idle sessions are woken for direct messages and handoffs` };
}

// src/cli/doctor-plugin.ts
import { spawn } from "node:child_process";
import * as fs5 from "node:fs";
import * as path2 from "node:path";
import { fileURLToPath } from "node:url";
var VALIDATE_TIMEOUT_MS = 6e4;
function pluginDir() {
  const here = path2.dirname(fileURLToPath(import.meta.url));
  for (const c of [path2.resolve(here, ".."), path2.resolve(here, "../.."), path2.resolve(here, "../../plugin")]) {
    if (fs5.existsSync(path2.join(c, ".claude-plugin", "plugin.json"))) return c;
  }
  return void 0;
}
function findClaude(env, plugin) {
  for (const dir of (env.PATH ?? "").split(path2.delimiter)) {
    if (!dir) continue;
    const candidate = path2.join(dir, "claude");
    try {
      fs5.accessSync(candidate, fs5.constants.X_OK);
      if (fs5.statSync(candidate).isFile()) return candidate;
    } catch {
    }
  }
  if (plugin) {
    const local = path2.resolve(plugin, "..", "node_modules", ".bin", "claude");
    if (fs5.existsSync(local)) return local;
  }
  return void 0;
}
function runValidate(claude, plugin, env) {
  return new Promise((resolve5) => {
    const child = spawn(claude, ["plugin", "validate", plugin], { env: { ...env, DISABLE_AUTOUPDATER: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let timedOut = false;
    child.stdout.on("data", (d) => output += d);
    child.stderr.on("data", (d) => output += d);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, VALIDATE_TIMEOUT_MS);
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve5({ code: -1, output: err.message, timedOut });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve5({ code, output, timedOut });
    });
  });
}
function validationErrors(output) {
  const errors = [];
  let inErrors = false;
  for (const line of output.split("\n")) {
    if (/^✘ Found \d+ errors?:/.test(line)) inErrors = true;
    else if (inErrors && /^\s*❯ /.test(line)) errors.push(line.replace(/^\s*❯ /, "").trim().slice(0, 200));
    else if (/^\S/.test(line)) inErrors = false;
  }
  return errors;
}
function judgeValidation(claude, plugin, r) {
  const name = "plugin";
  const cmd = `${claude} plugin validate ${plugin}`;
  if (r.timedOut) return { name, status: "fail", message: `\`${cmd}\` did not finish within ${VALIDATE_TIMEOUT_MS / 1e3} s`, fix: `Run it by hand: DISABLE_AUTOUPDATER=1 ${cmd}` };
  const passed = r.code === 0 && /Validation passed/.test(r.output);
  if (passed) return { name, status: "ok", message: `${plugin}: ${/passed with warnings/.test(r.output) ? "validation passed (with warnings about the plugin directory listing)" : "validation passed"}` };
  const errors = validationErrors(r.output);
  const why = (errors.length > 0 ? errors.slice(0, 3).join("; ") : r.output.trim().split("\n").slice(-1)[0] || `exit code ${r.code}`).slice(0, 600);
  return { name, status: "fail", message: `${plugin} does not validate: ${why}`, fix: `Run for details: DISABLE_AUTOUPDATER=1 ${cmd}` };
}

// src/cli/doctor.ts
var PROBE_TIMEOUT_MS = 2e3;
var MAILBOX_WARN_BYTES = 64 * 1024 * 1024;
var LOG_SCAN_BYTES = 64 * 1024;
function lstat(p) {
  try {
    return fs6.lstatSync(p);
  } catch {
    return void 0;
  }
}
function stat(p) {
  try {
    return fs6.statSync(p);
  } catch {
    return void 0;
  }
}
function readTail(file, bytes) {
  let fd;
  try {
    fd = fs6.openSync(file, "r");
    const size = fs6.fstatSync(fd).size;
    if (size === 0) return void 0;
    const len = Math.min(size, bytes);
    const buf = Buffer.alloc(len);
    fs6.readSync(fd, buf, 0, len, size - len);
    const text = buf.toString("utf8");
    return len < size ? text.slice(text.indexOf("\n") + 1) : text;
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) fs6.closeSync(fd);
  }
}
function mib(bytes) {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
async function probeDaemon(endpoint, root) {
  const name = "daemon";
  const socketPath = endpoint.socketPath;
  if (process.platform !== "win32" && !lstat(socketPath)) {
    return { check: { name, status: "ok", message: "not running (the first session starts it)" } };
  }
  let client;
  const started = Date.now();
  try {
    client = await RpcClient.connect(socketPath, PROBE_TIMEOUT_MS);
  } catch (err) {
    const code = err.code;
    if (code === "ECONNREFUSED") {
      return {
        stale: true,
        check: { name, status: "fail", message: `stale socket ${socketPath}: no daemon answers there (one was killed or crashed)`, fix: `Remove it: rm ${socketPath} (the next session would also replace it)` }
      };
    }
    if (code === "EACCES" || code === "EPERM") {
      return { check: { name, status: "fail", message: `connecting to ${socketPath} was refused (${code})`, fix: `A sandbox may block Unix sockets: allow ${endpoint.dir}, or set SESSION_BUS_SOCKET_DIR to a directory it allows` } };
    }
    return { check: { name, status: "fail", message: `cannot connect to ${socketPath}: ${err.message}`, fix: `Read its log: tail -n 50 ${endpoint.logPath}` } };
  }
  try {
    const hello = await client.request("hello", { protocol: PROTOCOL_VERSION, version: VERSION, root }, PROBE_TIMEOUT_MS);
    const status2 = hello.protocol === PROTOCOL_VERSION ? await client.request("status", {}, PROBE_TIMEOUT_MS) : void 0;
    const ms = Date.now() - started;
    if (hello.root !== root) {
      return { check: { name, status: "fail", message: `the daemon at ${socketPath} serves ${hello.root}, not ${root}`, fix: "Set SESSION_BUS_SOCKET_DIR to another directory (a hash collision)" } };
    }
    return { hello, status: status2, check: { name, status: "ok", message: `running, pid ${hello.pid}, answered in ${ms} ms` } };
  } catch (err) {
    const detail = err instanceof ConnectionError && err.code === "ETIMEDOUT" ? `does not answer within ${PROBE_TIMEOUT_MS} ms` : err.message;
    return { check: { name, status: "fail", message: `the daemon at ${socketPath} ${detail}`, fix: `Read its log (tail -n 50 ${endpoint.logPath}); stop it with session-bus stop, or kill its process` } };
  } finally {
    client.close();
  }
}
function checkStaleFiles(endpoint, daemonRuns) {
  const checks = [];
  const lock = lstat(endpoint.lockPath);
  if (lock) {
    const pid = lockHolder(endpoint.lockPath);
    if (isStaleLock(endpoint.lockPath, pid)) {
      checks.push({
        name: "start lock",
        status: daemonRuns ? "warn" : "fail",
        message: `stale start lock ${endpoint.lockPath}${pid ? ` (pid ${pid} is gone)` : " (empty)"}: a daemon died while starting`,
        fix: `Remove it: rm ${endpoint.lockPath} (a starting daemon also clears it after a few seconds)`
      });
    }
  }
  let markers = [];
  try {
    markers = fs6.readdirSync(endpoint.dir).filter((f) => MARKER_NAME.test(f) && !isAlive(Number(f.slice(f.indexOf("-") + 1))));
  } catch {
  }
  if (markers.length > 0) {
    checks.push({
      name: "pending markers",
      status: "warn",
      message: `${markers.length} session marker${markers.length === 1 ? "" : "s"} of Claude Code processes that are gone (harmless)`,
      fix: `Remove: rm ${markers.map((m) => path3.join(endpoint.dir, m)).join(" ")}`
    });
  }
  return checks;
}
function checkMailbox(location, status2) {
  const name = "mailbox";
  const file = location.mailboxPath;
  try {
    assertRegularFile(file);
  } catch (err) {
    if (!(err instanceof MailboxFileError)) throw err;
    return { name, status: "fail", message: err.problem, fix: err.fix };
  }
  const st = stat(file);
  if (!st) {
    let dir = location.mailboxDir;
    while (!fs6.existsSync(dir) && path3.dirname(dir) !== dir) dir = path3.dirname(dir);
    try {
      fs6.accessSync(dir, fs6.constants.W_OK);
    } catch {
      return { name, status: "fail", message: `${file} cannot be created: ${dir} is not writable`, fix: `Fix the permissions of ${dir}` };
    }
    return { name, status: "ok", message: `${file} not written yet (the first message creates it)` };
  }
  try {
    fs6.accessSync(file, fs6.constants.R_OK | fs6.constants.W_OK);
  } catch {
    return { name, status: "fail", message: `${file} is not readable and writable by you: messages cannot be kept`, fix: `Fix its permissions: chmod 600 ${file} (and its owner)` };
  }
  const counts2 = status2 ? `, ${status2.messageCount} messages retained` : "";
  if (st.size > MAILBOX_WARN_BYTES) {
    return { name, status: "warn", message: `${file} is ${mib(st.size)}${counts2}: compaction should keep it far smaller`, fix: "Restart the daemon (session-bus restart) to compact it; lower SESSION_BUS_RETAIN_COUNT / SESSION_BUS_RETAIN_DAYS" };
  }
  return { name, status: "ok", message: `${file}, ${mib(st.size)}${counts2}` };
}
async function runDoctor(project, env) {
  const checks = [checkNode(process.version)];
  let location;
  try {
    location = locateProject(project);
  } catch (err) {
    checks.push({ name: "project", status: "fail", message: `cannot read the project ${project}: ${err.code ?? err.message}`, fix: "Pass an existing folder with --project DIR" });
    return { ok: false, checks };
  }
  checks.push({ name: "project", status: "ok", message: `${location.projectDir}${location.inGit ? ` (the bus of the repository at ${location.busRoot})` : ""}` });
  const settingsProblem = startSettingsProblem(location.mailboxDir, env);
  checks.push(checkSettings(settingsProblem, settingsPath(location.mailboxDir)));
  let endpoint;
  try {
    endpoint = endpointFor(location.busRoot, env);
  } catch (err) {
    if (!(err instanceof EndpointError)) throw err;
    checks.push({ name: "socket path", status: "fail", message: err.problem, fix: err.fix });
  }
  let probe;
  if (endpoint && process.platform !== "win32") {
    const dirCheck = checkSocketDir(endpoint.dir, lstat(endpoint.dir));
    checks.push(dirCheck);
    if (dirCheck.status === "fail") endpoint = void 0;
  }
  if (endpoint) {
    probe = await probeDaemon(endpoint, location.busRoot);
    const socketCheck = process.platform === "win32" || probe.stale ? void 0 : checkSocketFile(endpoint.socketPath, lstat(endpoint.socketPath));
    if (socketCheck) checks.push(socketCheck);
    checks.push(probe.check);
    if (probe.hello) checks.push(checkVersions(probe.hello));
    if (probe.status) checks.push(checkRegistrations(probe.status, isAlive), checkFederation(probe.status.federation));
    else if (!settingsProblem) {
      const f = readFederationConfig(settingsFor(location.mailboxDir, env).env, location.inGit ? location.busRoot : void 0);
      if (f.mode === "refused") checks.push(federationRefused(f.reason, f.fix));
    }
    checks.push(...checkStaleFiles(endpoint, probe.hello !== void 0));
    checks.push(checkLogErrors(endpoint.logPath, readTail(endpoint.logPath, LOG_SCAN_BYTES)));
  }
  checks.push(checkMailbox(location, probe?.status));
  const plugin = pluginDir();
  const claude = findClaude(env, plugin);
  if (!plugin) checks.push({ name: "plugin", status: "skip", message: "no plugin folder beside this CLI to validate" });
  else if (!claude) checks.push({ name: "plugin", status: "skip", message: `no claude binary on PATH or in node_modules/.bin; ${plugin} not validated` });
  else checks.push(judgeValidation(claude, plugin, await runValidate(claude, plugin, env)));
  checks.push(checkHostInbox(env, stat));
  return { ok: checks.every((c) => c.status !== "fail"), root: location.busRoot, checks };
}
var LABELS = { ok: "ok", warn: "warn", fail: "FAIL", skip: "skip" };
function formatDoctor(report, color) {
  const paint = painter(color);
  const style = { ok: "green", warn: "yellow", fail: "red", skip: "dim" };
  const width = Math.max(...report.checks.map((c) => c.name.length));
  const lines = [`session-bus doctor${report.root ? ` for ${inert(report.root)}` : ""}`];
  for (const c of report.checks) {
    lines.push(`  ${paint(style[c.status], LABELS[c.status].padEnd(4))}  ${c.name.padEnd(width)}  ${inert(c.message)}`);
    if (c.fix && c.status !== "ok") lines.push(`  ${"".padEnd(4)}  ${"".padEnd(width)}  ${paint("bold", "fix:")} ${inert(c.fix)}`);
  }
  const failed = report.checks.filter((c) => c.status === "fail").length;
  lines.push("", failed === 0 ? "All checks passed." : `${failed} check${failed === 1 ? "" : "s"} failed.`);
  return lines.join("\n");
}

// src/cli/io.ts
import * as path4 from "node:path";
function processIo() {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
    cliScript: path4.resolve(process.argv[1]),
    untilStopped() {
      const stopped = new AbortController();
      process.once("SIGINT", () => stopped.abort(128 + 2));
      process.once("SIGTERM", () => stopped.abort(128 + 15));
      return stopped.signal;
    }
  };
}

// src/cli/commands.ts
var DEFAULT_TAIL_LINES = 10;
var COMMON_OPTIONS = /* @__PURE__ */ new Set(["project", "json", "help", "version"]);
var TAKES_WORDS = /* @__PURE__ */ new Set(["send", "help", "completion", "config", "guard"]);
async function run(argv, io) {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`session-bus: ${shown(err.message)}
Run \`session-bus --help\` for usage.
`);
      return 2;
    }
    const message = err instanceof RpcError ? err.message : err.message || String(err);
    io.stderr(`session-bus: ${shown(message)}
`);
    return 1;
  }
}
async function dispatch(argv, io) {
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (values.version) {
    io.stdout(`${VERSION}
`);
    return 0;
  }
  if (!command) {
    io.stdout(generalHelp());
    return values.help ? 0 : 2;
  }
  const doc = commandDoc(command);
  if (!doc) throw new UsageError(`unknown command ${JSON.stringify(command)}; the commands are ${COMMANDS.map((c) => c.name).join(", ")}`);
  if (values.help) {
    io.stdout(commandHelp(doc));
    return 0;
  }
  for (const key of Object.keys(values)) {
    if (!COMMON_OPTIONS.has(key) && !doc.options.includes(`--${key}`)) throw new UsageError(`${command} does not take --${key}`);
  }
  if (!TAKES_WORDS.has(command) && rest.length > 0) throw new UsageError(`${command} takes no arguments, got ${JSON.stringify(rest.join(" "))}`);
  const project = path5.resolve(io.cwd, values.project ?? ".");
  if (values.project !== void 0 && !isFolder(project)) throw new UsageError(`--project ${values.project}: ${fs7.existsSync(project) ? "a file, not a folder" : "no such folder"}`);
  const json = values.json ?? false;
  const ctx = { project, json, env: io.env, out: (line) => io.stdout(`${line}
`), note: (line) => io.stderr(`${line}
`) };
  const feed = { ...ctx, color: !json && colorEnabled(io, io.env) };
  const layout = () => ({ columns: values.wide ? void 0 : terminalColumns(io.env, io), root: locateProject(project).busRoot });
  switch (command) {
    case "help": {
      if (rest.length === 0) {
        io.stdout(generalHelp());
        return 0;
      }
      const topic = commandDoc(rest[0]);
      if (!topic) throw new UsageError(`no help for ${JSON.stringify(rest[0])}; the commands are ${COMMANDS.map((c) => c.name).join(", ")}`);
      io.stdout(commandHelp(topic));
      return 0;
    }
    case "completion": {
      const shell = rest[0] ?? "bash";
      if (shell !== "bash" && shell !== "zsh") throw new UsageError("completion takes bash or zsh");
      io.stdout(completionScript(shell));
      return 0;
    }
    case "status":
      return status(ctx, layout());
    case "stop":
      return stop(ctx);
    case "restart":
      return restart(ctx);
    case "config":
      return config(ctx, rest);
    case "guard":
      return guard(ctx, rest, io.cliScript);
    case "peers":
      return peers(ctx, layout());
    case "claims":
      return claims(ctx, layout());
    case "tail": {
      const lines = values.lines === void 0 ? DEFAULT_TAIL_LINES : parseCount(values.lines, "-n");
      if (!values.follow) return tail(feed, lines);
      const stopped = io.untilStopped();
      await follow(feed, lines, stopped);
      return typeof stopped.reason === "number" ? stopped.reason : 0;
    }
    case "log":
      return log(
        feed,
        {
          sinceTs: values.since === void 0 ? void 0 : parseSince(values.since, Date.now()),
          from: values.from,
          kinds: values.kind ? parseKinds(values.kind) : void 0,
          grep: values.grep,
          lines: values.lines === void 0 ? void 0 : parseCount(values.lines, "-n")
        }
      );
    case "send": {
      const text = rest.join(" ");
      if (!text) throw new UsageError('send needs the message text: session-bus send "text"');
      const kinds = parseKinds(values.kind ?? ["note"]);
      if (kinds.length !== 1) throw new UsageError("send takes one --kind");
      const problem = startSettingsProblem(locateProject(project).mailboxDir, io.env);
      if (problem) throw new UsageError(problem.message);
      return send(ctx, text, kinds[0]);
    }
    case "doctor": {
      const report = await runDoctor(project, io.env);
      ctx.out(json ? jsonLine(report) : formatDoctor(report, colorEnabled(io, io.env)));
      return report.ok ? 0 : 1;
    }
    case "statusline":
      throw new UsageError("statusline takes only --project DIR (Claude Code passes its JSON on stdin)");
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}
function shown(message) {
  return message.split("\n").map((line) => inert(line)).join("\n");
}
function isFolder(dir) {
  try {
    return fs7.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
function main() {
  process.stdout.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(0);
  });
  void run(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
export {
  main,
  run
};
