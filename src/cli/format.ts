/** Words and tables for the terminal. */
import type { ClaimInfo, FederationStatus, PeerInfo, StatusResult } from '../protocol/messages.ts';

export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

export function table(headers: string[], rows: string[][]): string {
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
    `  project   ${s.root}`,
    `  socket    ${s.socketPath}`,
    `  log       ${s.logPath}`,
    `  mailbox   ${s.mailboxPath}`,
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
      : f.hosts.map((h, i) => `${i === 0 ? '  hosts     ' : '            '}${h.name} (${h.id}): ${h.sessions.length} session(s)${h.sessions.length ? ` ${h.sessions.map((x) => x.label).join(', ')}` : ''}, seen ${duration(now - h.lastSeen)} ago`);
  return [head, lag, ...hosts, ...f.warnings.map((w) => `  warning   ${w}`)];
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
