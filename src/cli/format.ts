/** Words and tables for the terminal. Pure: every function takes the time and the colors it uses. */
import type { ClaimInfo, FederationStatus, MessageKind, MessageRecord, PeerInfo, StatusResult } from '../protocol/messages.ts';
import { shortId } from '../protocol/messages.ts';
import * as path from 'node:path';
import { duration, localClock } from '../display/time.ts';
import { cleanText, inert, oneLine } from '../protocol/sanitize.ts';
import { labelStyle, painter, type Paint, type Style } from './color.ts';
import { displayWidth, padEnd, truncate } from './width.ts';

/** How a table is laid out: the terminal's width (undefined: no limit, e.g. a pipe or --wide), and the bus root for worktree paths. */
export interface Layout {
  columns?: number;
  /** The bus root (a git common dir, or the folder): worktrees are shown relative to the repository. */
  root?: string;
}

/** Away this long and a session is gone (closed, not coming back): a working day, so last night's sessions stop filling the table. */
export const GONE_AFTER_MS = 12 * 3_600_000;

/**
 * One table cell or feed field: what a peer wrote (labels, notes, resources, paths, text) may
 * hold escapes a terminal would obey, newlines that would break a table, or tags a model reading
 * the output would take for its host's: escapes are dropped, newlines become spaces, and the
 * rest passes `inert` like everything shown.
 */
export function safe(text: string): string {
  return inert(oneLine(text));
}

/**
 * A value as one line of --json output: what JSON.stringify leaves as it is (DEL, C1 controls,
 * bidi and invisible characters, a tag's `<`) written as \uXXXX escapes, so it parses to the same
 * value and shows inert on a terminal.
 */
export function jsonLine(value: unknown): string {
  return inert(JSON.stringify(value));
}


/** Columns are two spaces apart. */
const GAP = 2;

/**
 * A table of cleaned cells, measured in display cells. Wider than `columns`, the widest column
 * gives a cell at a time (cut with `…`) until the table fits or every column is down to its header.
 */
export function table(headers: string[], rawRows: string[][], columns?: number): string {
  const rows = rawRows.map((r) => r.map(safe));
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  if (columns !== undefined) {
    const floor = headers.map((h) => Math.max(displayWidth(h), 3));
    let total = widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
    while (total > columns) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      if (widest < 0) break;
      widths[widest]! -= 1;
      total -= 1;
    }
  }
  const line = (cells: string[]) =>
    cells
      .map((c, i) => padEnd(truncate(c, widths[i]!), widths[i]!))
      .join(' '.repeat(GAP))
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** One line of free text cut to the terminal's width. */
function fit(line: string, columns?: number): string {
  return columns === undefined ? line : truncate(line, columns);
}

/**
 * A worktree as a person finds it: relative to the repository's main folder (`.` for the main
 * worktree, `../app-feat` for a sibling), or as it is when no root is known.
 */
export function worktree(cwd: string | undefined, root: string | undefined): string {
  if (!cwd) return '';
  if (!root) return cwd;
  const base = path.basename(root) === '.git' ? path.dirname(root) : root;
  return path.relative(base, cwd) || '.';
}

export function formatStatus(s: StatusResult, now = Date.now(), layout: Layout = {}): string {
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
    ...(s.settings ? [fit(`  settings  ${formatSettings(s.settings)}`, cols)] : []),
  ];
  // A person is not a peer, and a session closed long ago is not working here: each gets a
  // short line, so the table is the sessions that are (or were just now).
  const people = s.sessions.filter((x) => x.label.startsWith('human:'));
  const sessions = s.sessions.filter((x) => !x.label.startsWith('human:'));
  const gone = sessions.filter((x) => !x.connected && now - x.lastSeen > GONE_AFTER_MS).sort((a, b) => b.lastSeen - a.lastSeen);
  const here = sessions.filter((x) => !gone.includes(x));
  if (people.length > 0) lines.push(fit(`  people    ${people.map((x) => `${safe(x.label)} (last sent ${duration(now - x.lastSeen)} ago)`).join(', ')}`, cols));
  if (gone.length > 0) {
    lines.push(fit(`  gone      ${gone.length} session(s) away over ${duration(GONE_AFTER_MS)}: ${gone.map((x) => `${safe(x.label)} (${duration(now - x.lastSeen)} ago)`).join(', ')}`, cols));
  }
  lines.push('');
  if (here.length === 0) {
    lines.push(gone.length > 0 ? 'No session is here now.' : 'No sessions yet.');
  } else {
    const editing = here.some((x) => x.editing);
    const rows = [...here]
      .sort((a, b) => Number(b.connected) - Number(a.connected) || b.lastSeen - a.lastSeen)
      .map((x) => [
        x.label,
        x.connected ? 'connected' : 'away',
        String(x.queueDepth),
        `${duration(now - x.lastSeen)} ago`,
        x.lastReached ? `${x.lastReached.via} ${duration(now - x.lastReached.at)} ago` : '-',
        worktree(x.cwd, root),
        ...(editing ? [x.editing ? `${x.editing.count}: ${x.editing.paths.map(safe).join(', ')}${x.editing.count > x.editing.paths.length ? ' …' : ''}` : '-'] : []),
      ]);
    // The working sets (the collision guard's), as a column only when some session has one.
    lines.push(table(['SESSION', 'STATE', 'UNREAD', 'LAST SEEN', 'LAST REACHED', 'WORKTREE', ...(editing ? ['EDITING'] : [])], rows, cols));
    if (s.sessionsOmitted) lines.push(fit(`(${s.sessionsOmitted} more session${s.sessionsOmitted === 1 ? '' : 's'} seen longer ago, not listed)`, cols));
  }
  if (s.claims.length > 0) lines.push('', formatClaims(s.claims, now, layout));
  return lines.join('\n');
}

/** The settings that are not default, with where each came from (`session-bus config` lists all). */
export function formatSettings(settings: NonNullable<StatusResult['settings']>): string {
  const set = settings.filter((r) => r.source !== 'default');
  return set.length === 0 ? 'all default (session-bus config)' : set.map((r) => `${r.key}=${safe(r.value) || '-'} (${r.source === 'env' ? r.env : 'file'})`).join(', ');
}

/** The federation lines of status: state, lag, the other hosts and their sessions, warnings. */
export function formatFederation(f: FederationStatus | undefined, now = Date.now()): string[] {
  if (!f || f.state === 'off') return ['  federation off (SESSION_BUS_NATS_URL not set)'];
  if (f.state === 'refused') return [`  federation refused: ${inert(f.reason ?? 'unknown reason')}`];
  const head = `  federation ${f.state}${f.since ? ` for ${duration(now - f.since)}` : ''} to ${f.url ?? '?'} as ${f.host?.name ?? '?'} (${f.host?.id ?? '?'}), project ${f.project ?? '?'}`;
  const lag = `  lag       outbox ${f.outbox} to publish, ${f.inboundPending} to take in; ${f.received} received${f.lastReceivedAt ? `, last ${duration(now - f.lastReceivedAt)} ago` : ''}`;
  const hosts =
    f.hosts.length === 0
      ? ['  hosts     no other host seen']
      : f.hosts.map((h, i) => `${i === 0 ? '  hosts     ' : '            '}${safe(h.name)} (${safe(h.id)}): ${h.sessions.length} session(s)${h.sessions.length ? ` ${h.sessions.map((x) => safe(x.label)).join(', ')}` : ''}, seen ${duration(now - h.lastSeen)} ago`);
  // Names and labels come from other hosts: cleaned like everything a peer wrote.
  return [safe(head), lag, ...hosts, ...f.warnings.map((w) => `  warning   ${safe(w)}`)];
}

export function formatPeers(peers: PeerInfo[], now = Date.now(), layout: Layout = {}): string {
  if (peers.length === 0) return 'No session is here now.';
  return table(
    ['SESSION', 'SINCE', 'ACTIVE', 'WORKTREE'],
    // Another host's session is labelled `label@host` already (remotePeers).
    peers.map((p) => [p.label, `${duration(now - p.since)} ago`, `${duration(now - p.lastActivity)} ago`, worktree(p.cwd, layout.root)]),
    layout.columns,
  );
}

export function formatClaims(claims: ClaimInfo[], now = Date.now(), layout: Layout = {}): string {
  if (claims.length === 0) return 'Nothing is claimed.';
  return table(
    ['RESOURCE', 'HOLDER', 'SINCE', 'EXPIRES', 'NOTE'],
    claims.map((c) => [c.resource, c.host ? `${c.label}@${c.host}` : c.label, `${duration(now - c.since)} ago`, c.expiresAt ? `in ${duration(c.expiresAt - now)}` : '-', c.note ?? '']),
    layout.columns,
  );
}

/** Kinds take colors no label takes (see LABEL_COLORS), so a sender never reads as a kind. */
export const KIND_STYLE: Record<MessageKind, Style | undefined> = { note: undefined, lock: 'yellow', unlock: 'green', handoff: 'magenta' };


/** Local wall-clock time: `08:32:04`, or `2026-11-25 08:32:04` with the date. */
export const clock = localClock;

export interface LineOptions {
  color?: boolean;
  /** Show the date too (log spans days; the live feed does not). */
  date?: boolean;
  /** Pad the sender to this many cells, so kinds and texts line up. */
  labelWidth?: number;
}

/**
 * One message, one line: time, sender, kind, text. A direct message names its recipients' short
 * ids; newlines in the text show as `↵`, so every message stays one line.
 */
export function formatMessage(m: MessageRecord, options: LineOptions = {}): string {
  const paint: Paint = painter(options.color ?? false);
  const label = safe(m.from);
  const kindStyle = KIND_STYLE[m.kind];
  const kind = `[${m.kind}]`;
  const to = m.to && m.to.length > 0 ? ` ${paint('dim', `(to ${m.to.map(shortId).map(safe).join(', ')})`)}` : '';
  const text = inert(cleanText(m.text).replace(/\n/g, ' \u21b5 ').replace(/\t/g, ' '));
  const pad = ' '.repeat(Math.max(0, (options.labelWidth ?? 0) - displayWidth(label)));
  return [
    paint('dim', clock(m.ts, options.date)),
    paint(labelStyle(label), label.startsWith('human:') ? paint('bold', label) : label) + pad,
    kindStyle ? paint(kindStyle, kind) : paint('dim', kind),
  ].join('  ') + `${to}  ${text}`;
}
