/** Words and tables for the terminal. Pure: every function takes the time and the colors it uses. */
import type { ClaimInfo, FederationStatus, MessageKind, MessageRecord, PeerInfo, StatusResult } from '../protocol/messages.ts';
import { shortId } from '../protocol/messages.ts';
import { cleanText, inert, oneLine } from '../protocol/sanitize.ts';
import { labelStyle, painter, type Paint, type Style } from './color.ts';

/**
 * One table cell or feed field: what a peer wrote (labels, notes, resources, paths, text) may
 * hold escapes a terminal would obey, newlines that would break a table, or tags a model reading
 * the output would take for its host's: escapes are dropped, newlines become spaces, and the
 * rest passes `inert` like everything shown.
 */
export function safe(text: string): string {
  return inert(oneLine(text));
}

export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

export function table(headers: string[], rawRows: string[][]): string {
  const rows = rawRows.map((r) => r.map(safe));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

export function formatStatus(s: StatusResult, now = Date.now()): string {
  const lines = [
    `session-bus daemon: running (pid ${s.pid}, version ${s.version}, up ${duration(s.uptimeMs)})`,
    `  project   ${safe(s.root)}`,
    `  socket    ${safe(s.socketPath)}`,
    `  log       ${safe(s.logPath)}`,
    `  mailbox   ${safe(s.mailboxPath)}`,
    `  messages  ${s.messageCount} retained, last seq ${s.lastSeq}`,
    ...formatFederation(s.federation, now),
    '',
  ];
  if (s.sessions.length === 0) {
    lines.push('No sessions yet.');
  } else {
    const rows = [...s.sessions]
      .sort((a, b) => Number(b.connected) - Number(a.connected) || b.lastSeen - a.lastSeen)
      .map((x) => [
        x.label,
        x.shortId,
        x.connected ? 'connected' : 'away',
        String(x.queueDepth),
        `${duration(now - x.lastSeen)} ago`,
        x.lastReached ? `${x.lastReached.via} ${duration(now - x.lastReached.at)} ago` : '-',
        x.cwd ?? '',
      ]);
    lines.push(table(['SESSION', 'ID', 'STATE', 'UNREAD', 'LAST SEEN', 'LAST REACHED', 'WORKTREE'], rows));
    if (s.sessionsOmitted) lines.push(`(${s.sessionsOmitted} more session${s.sessionsOmitted === 1 ? '' : 's'} seen longer ago, not listed)`);
  }
  if (s.claims.length > 0) lines.push('', formatClaims(s.claims, now));
  return lines.join('\n');
}

/** The federation lines of status: state, lag, the other hosts and their sessions, warnings. */
export function formatFederation(f: FederationStatus | undefined, now = Date.now()): string[] {
  if (!f || f.state === 'off') return ['  federation off (SESSION_BUS_NATS_URL not set)'];
  if (f.state === 'refused') return [`  federation refused: ${f.reason ?? 'unknown reason'}`];
  const head = `  federation ${f.state}${f.since ? ` for ${duration(now - f.since)}` : ''} to ${f.url ?? '?'} as ${f.host?.name ?? '?'} (${f.host?.id ?? '?'}), project ${f.project ?? '?'}`;
  const lag = `  lag       outbox ${f.outbox} to publish, ${f.inboundPending} to take in; ${f.received} received${f.lastReceivedAt ? `, last ${duration(now - f.lastReceivedAt)} ago` : ''}`;
  const hosts =
    f.hosts.length === 0
      ? ['  hosts     no other host seen']
      : f.hosts.map((h, i) => `${i === 0 ? '  hosts     ' : '            '}${safe(h.name)} (${safe(h.id)}): ${h.sessions.length} session(s)${h.sessions.length ? ` ${h.sessions.map((x) => safe(x.label)).join(', ')}` : ''}, seen ${duration(now - h.lastSeen)} ago`);
  // Names and labels come from other hosts: cleaned like everything a peer wrote.
  return [safe(head), lag, ...hosts, ...f.warnings.map((w) => `  warning   ${safe(w)}`)];
}

export function formatPeers(peers: PeerInfo[], now = Date.now()): string {
  if (peers.length === 0) return 'No session is here now.';
  return table(
    ['SESSION', 'ID', 'SINCE', 'ACTIVE', 'WORKTREE'],
    peers.map((p) => [p.label, p.shortId, `${duration(now - p.since)} ago`, `${duration(now - p.lastActivity)} ago`, p.cwd ?? '']),
  );
}

export function formatClaims(claims: ClaimInfo[], now = Date.now()): string {
  if (claims.length === 0) return 'Nothing is claimed.';
  return table(
    ['RESOURCE', 'HOLDER', 'SINCE', 'EXPIRES', 'NOTE'],
    claims.map((c) => [c.resource, c.host ? `${c.label}@${c.host}` : c.label, `${duration(now - c.since)} ago`, c.expiresAt ? `in ${duration(c.expiresAt - now)}` : '-', c.note ?? '']),
  );
}

const KIND_STYLE: Record<MessageKind, Style | undefined> = { note: undefined, lock: 'yellow', unlock: 'green', handoff: 'magenta' };

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local wall-clock time: `08:32:04`, or `2026-11-25 08:32:04` with the date. */
export function clock(ts: number, withDate = false): string {
  const d = new Date(ts);
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  return withDate ? `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${time}` : time;
}

export interface LineOptions {
  color?: boolean;
  /** Show the date too (log spans days; the live feed does not). */
  date?: boolean;
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
  return [
    paint('dim', clock(m.ts, options.date)),
    paint(labelStyle(label), label.startsWith('human:') ? paint('bold', label) : label),
    kindStyle ? paint(kindStyle, kind) : paint('dim', kind),
  ].join('  ') + `${to}  ${text}`;
}
