/** What `session-bus --help`, `session-bus help CMD` and `session-bus CMD --help` print, and shell completion. */
import { MESSAGE_KINDS } from '../protocol/messages.ts';
import { VERSION } from '../protocol/version.ts';

export interface CommandDoc {
  name: string;
  usage: string;
  summary: string;
  /** Long options this command takes besides --project, --json and --help. */
  options: string[];
  details: string[];
  examples: string[];
}

const KINDS = MESSAGE_KINDS.join('|');

export const COMMANDS: CommandDoc[] = [
  {
    name: 'status',
    usage: 'session-bus status [--wide] [--json]',
    summary: "is the project's daemon running; who is here",
    options: ['--wide'],
    details: [
      'The daemon (pid, version, uptime), its socket, log and mailbox, every session with its unread count, and the claims.',
      'People at a terminal and sessions away over 12 hours get one short line each. Tables fit $COLUMNS (cut with …); --wide prints them whole.', 'Never starts a daemon. Exit 0 running, 3 not running.'],
    examples: ['session-bus status', 'session-bus status --json | jq .sessions'],
  },
  {
    name: 'peers',
    usage: 'session-bus peers [--wide] [--json]',
    summary: 'the sessions working here now (a table)',
    options: ['--wide'],
    details: ['Sessions with a live connection: label, short id, since, last active, worktree.', 'Never starts a daemon. Exit 0 running, 3 not running.'],
    examples: ['session-bus peers', 'session-bus peers --json'],
  },
  {
    name: 'claims',
    usage: 'session-bus claims [--wide] [--json]',
    summary: 'what is claimed, by whom, until when (a table)',
    options: ['--wide'],
    details: ['Never starts a daemon. Exit 0 running, 3 not running.'],
    examples: ['session-bus claims'],
  },
  {
    name: 'tail',
    usage: 'session-bus tail [-f] [-n N] [--json]',
    summary: 'the feed: the last messages, one line each; -f follows live',
    options: ['--follow', '--lines'],
    details: [
      '-f, --follow     keep printing messages as they are sent (Ctrl-C stops); waits for a daemon',
      '                 when none runs and picks up again after a daemon restart',
      '-n, --lines N    how many earlier messages to show first (default 10; 0 = only new ones)',
      'Each line: time, sender, [kind], text. Colored on a terminal; plain when piped or NO_COLOR is set',
      '(FORCE_COLOR=1 keeps colors in a pipe). --json prints one message object per line.',
      'Never starts a daemon: with none running it reads the mailbox file. Exit 0.',
    ],
    examples: ['session-bus tail', 'session-bus tail -f', 'session-bus tail -f -n 0 --json | jq -r .text'],
  },
  {
    name: 'log',
    usage: 'session-bus log [--since 2h] [--from LABEL] [--kind K] [--grep TEXT] [-n N] [--json]',
    summary: 'search the history',
    options: ['--since', '--from', '--kind', '--grep', '--lines'],
    details: [
      '--since SPAN|DATE  only messages since then: 30m, 2h, 1h30m, 3d, 1w, or 2026-11-25T08:00 (local time)',
      '--from WHO         only from WHO: a label (main#3f2a1c), its branch (main), its short id (3f2a1c),',
      '                   or "human" for people at a terminal. Repeat it for several senders',
      `--kind K           only kind K (${KINDS}); repeat it or use commas for several`,
      '--grep TEXT        only messages whose text contains TEXT (case-insensitive, plain text)',
      '-n, --lines N      only the last N matches (default: all)',
      'Lines carry the date. --json prints {"source":"daemon"|"mailbox","messages":[...]}.',
      'Reads the running daemon, or the mailbox file when none runs (never starts one). Exit 0.',
    ],
    examples: ['session-bus log --since 2h', 'session-bus log --from human --kind handoff', 'session-bus log --grep rebase -n 5'],
  },
  {
    name: 'send',
    usage: 'session-bus send TEXT [--kind K] [--json]',
    summary: 'broadcast TEXT to every session, as you (human:<user>)',
    options: ['--kind'],
    details: [`--kind K   ${KINDS} (default note). Starts the daemon if none runs. Exit 0 sent, 1 refused.`],
    examples: ['session-bus send "main is green again, safe to rebase" --kind handoff'],
  },
  {
    name: 'stop',
    usage: 'session-bus stop [--json]',
    summary: "stop the project's daemon (a connected session starts it again within seconds)",
    options: [],
    details: ['Says how many connected sessions will start it again. To apply new settings use `session-bus restart`.', 'Exit 0 stopped, 3 none was running.'],
    examples: ['session-bus stop'],
  },
  {
    name: 'restart',
    usage: 'session-bus restart [--json]',
    summary: 'stop the daemon and start a fresh one now: applies new settings',
    options: [],
    details: ['The new daemon reads the settings file (session-bus config) and this shell\'s SESSION_BUS_* variables. Prints the settings in force.'],
    examples: ['session-bus config set fsync always && session-bus restart'],
  },
  {
    name: 'config',
    usage: 'session-bus config [get [KEY]] | set KEY VALUE | unset KEY',
    summary: "the bus's settings file, read by every daemon of this project",
    options: [],
    details: [
      'Keys: idle-ms, fsync, retain-count, retain-days, grace-ms, nats-url, project, host, fed-lease-ms (or their SESSION_BUS_* names).',
      'The file is settings.json beside the mailbox. A SESSION_BUS_* variable set in the environment wins over it.',
      'A running daemon keeps its settings until `session-bus restart`; `status` shows those in force and where each came from.',
    ],
    examples: ['session-bus config', 'session-bus config set nats-url nats://nats.internal:4222', 'session-bus config unset fsync'],
  },
  {
    name: 'guard',
    usage: 'session-bus guard install | uninstall | check',
    summary: 'a git pre-commit hook that warns when a commit includes files other sessions are working on',
    options: [],
    details: [
      'install puts a pre-commit hook in this repository (a hook already there is kept and runs first); uninstall removes it and puts the old one back.',
      'check (what the hook runs) lists staged files that a live session changed and has not committed, or has claimed. It only warns: the commit goes ahead.',
      'Sessions in Claude Code have their own guard (edits and git commands are checked before they run; SESSION_BUS_GUARD).',
    ],
    examples: ['session-bus guard install', 'session-bus guard uninstall'],
  },
  {
    name: 'statusline',
    usage: 'session-bus statusline',
    summary: "one short line for Claude Code's statusLine setting: peers, unread, claims held by others",
    options: [],
    details: [
      'Reads the JSON Claude Code passes on stdin (session_id, workspace.project_dir) and prints one line, e.g.',
      '  bus: 2 peers · 3 unread · port:1420 held by feat#3f2a1c',
      'Never starts a daemon ("bus: not running"); gives up after 1 s. In ~/.claude/settings.json:',
      '  "statusLine": { "type": "command", "command": "session-bus statusline" }',
      'Its project: --project DIR, else CLAUDE_PROJECT_DIR, else the JSON\'s project_dir, else the current directory. It takes no other option.',
    ],
    examples: ['echo \'{"session_id":"…"}\' | session-bus statusline', 'session-bus statusline --project ~/src/app'],
  },
  {
    name: 'doctor',
    usage: 'session-bus doctor [--json]',
    summary: 'check the setup; say what is wrong and how to fix it',
    options: [],
    details: [
      'Checks the node version, the socket directory (owner, mode), a stale socket or lock, the daemon',
      "(answers, version skew, recent errors in its log), the mailbox (size, access), the plugin",
      '(`claude plugin validate`, when a claude binary is on PATH or in node_modules/.bin), and whether',
      "the host offers its inbox socket (CLAUDE_CODE_MESSAGING_SOCKET, set only inside a Claude Code session).",
      'Never starts a daemon and changes nothing. Exit 0 when every check passed (warnings included), 1 when one failed.',
      '--json prints {"ok":bool,"checks":[{"name","status":"ok"|"warn"|"fail"|"skip","message","fix"?}]}.',
    ],
    examples: ['session-bus doctor', 'session-bus doctor --json | jq ".checks[] | select(.status != \\"ok\\")"'],
  },
  {
    name: 'help',
    usage: 'session-bus help [COMMAND]',
    summary: 'this help, or one command’s',
    options: [],
    details: [],
    examples: ['session-bus help tail'],
  },
  {
    name: 'completion',
    usage: 'session-bus completion [bash|zsh]',
    summary: 'print a shell completion script',
    options: [],
    details: ['bash: add `source <(session-bus completion bash)` to ~/.bashrc.', 'zsh: add `source <(session-bus completion zsh)` to ~/.zshrc.'],
    examples: ['source <(session-bus completion bash)'],
  },
];

export function commandDoc(name: string): CommandDoc | undefined {
  return COMMANDS.find((c) => c.name === name);
}

const EXIT_CODES = 'Exit codes: 0 ok, 1 error (doctor: a check failed), 2 usage, 3 daemon not running (status, peers, claims, stop).';

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `session-bus ${VERSION}: a coordination channel for the Claude Code sessions of one project

Usage: session-bus COMMAND [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

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

export function commandHelp(doc: CommandDoc): string {
  const lines = [`Usage: ${doc.usage} [--project DIR]`, '', `${doc.summary[0]!.toUpperCase()}${doc.summary.slice(1)}.`];
  if (doc.details.length > 0) lines.push('', ...doc.details.map((d) => `  ${d}`));
  lines.push('', '  --project DIR   the project (default: the current directory)', '', EXIT_CODES);
  if (doc.examples.length > 0) lines.push('', 'Examples:', ...doc.examples.map((e) => `  ${e}`));
  return lines.join('\n') + '\n';
}

/** A bash completion script (zsh runs it through bashcompinit). */
export function completionScript(shell: string): string {
  const cases = COMMANDS.map((c) => {
    const opts = ['--project', '--json', '--help', ...c.options].join(' ');
    return `    ${c.name}) opts="${opts}" ;;`;
  }).join('\n');
  const bash = `# session-bus completion (bash): source <(session-bus completion bash)
_session_bus() {
  local cur prev cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${COMMANDS.map((c) => c.name).join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "$prev" in
    --project) COMPREPLY=( $(compgen -d -- "$cur") ); return ;;
    --kind) COMPREPLY=( $(compgen -W "${MESSAGE_KINDS.join(' ')}" -- "$cur") ); return ;;
    help) COMPREPLY=( $(compgen -W "${COMMANDS.map((c) => c.name).join(' ')}" -- "$cur") ); return ;;
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
  if (shell === 'zsh') return `# session-bus completion (zsh): source <(session-bus completion zsh)\nautoload -U +X bashcompinit && bashcompinit\n${bash}`;
  return bash;
}
