/**
 * The terminal view fits a terminal (issue 17): tables at $COLUMNS measured in display cells,
 * worktrees relative to the repository, people and long-gone sessions on short lines.
 */
import { describe, expect, it } from 'vitest';
import { formatStatus, GONE_AFTER_MS, table, worktree } from '../../src/cli/format.ts';
import { displayWidth, terminalColumns, truncate } from '../../src/cli/width.ts';
import type { SessionStatus, StatusResult } from '../../src/protocol/messages.ts';

const now = Date.UTC(2026, 11, 1, 9, 0, 0);
const session = (over: Partial<SessionStatus>): SessionStatus => ({ sessionId: 's', shortId: 'aaaaaa', label: 'main#aaaaaa', pid: 1, connected: true, queueDepth: 0, cursor: 0, firstSeen: now - 60_000, lastSeen: now - 1000, ...over });
const status = (sessions: SessionStatus[]): StatusResult => ({
  pid: 42, version: '0.2.0', protocol: 2, root: '/w/app/.git', startedAt: now - 5000, uptimeMs: 5000,
  socketPath: '/tmp/s/x.sock', logPath: '/tmp/s/x.log', mailboxPath: '/w/app/.git/session-bus/mailbox.jsonl',
  messageCount: 3, lastSeq: 3, sessions, claims: [], federation: { state: 'off' } as StatusResult['federation'],
});
const longest = (text: string) => Math.max(...text.split('\n').map(displayWidth));

describe('display width', () => {
  it('counts CJK and emoji as two cells, combining marks as none', () => {
    expect(displayWidth('main')).toBe(4);
    expect(displayWidth('機能-ブランチ')).toBe(13);
    expect(displayWidth('fix-🚀')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(truncate('機能ブランチ', 7)).toBe('機能ブ…');
    expect(displayWidth(truncate('fix-🚀🚀🚀', 6))).toBeLessThanOrEqual(6);
  });

  it('$COLUMNS wins, else a terminal\'s width, a pipe has none', () => {
    expect(terminalColumns({ COLUMNS: '80' }, { isTTY: false })).toBe(80);
    expect(terminalColumns({}, { isTTY: true, columns: 120 })).toBe(120);
    expect(terminalColumns({}, { isTTY: false })).toBeUndefined();
  });
});

describe('tables at 80 columns', () => {
  it('cut the widest cells with … to fit, aligned by display width (CJK labels)', () => {
    const rows = [['機能ブランチ-with-a-very-long-name-for-the-login-flow#aaaaaa', 'connected', '0', '/a/very/long/path/that/goes/on/and/on']];
    const t = table(['SESSION', 'STATE', 'UNREAD', 'WORKTREE'], rows, 80);
    expect(longest(t)).toBeLessThanOrEqual(80);
    expect(t).toContain('…');
    const [head, row] = t.split('\n');
    expect(displayWidth(row!.slice(0, row!.indexOf('connected')))).toBe(head!.indexOf('STATE'));
    expect(table(['SESSION'], rows.map((r) => [r[0]!]))).toContain(rows[0]![0]);
  });
});

describe('status', () => {
  it('shows worktrees relative to the repository and drops the ID column (the label ends in it)', () => {
    expect(worktree('/w/app', '/w/app/.git')).toBe('.');
    expect(worktree('/w/app-feat', '/w/app/.git')).toBe('../app-feat');
    expect(worktree('/w/plain/sub', '/w/plain')).toBe('sub');
    const out = formatStatus(status([session({ cwd: '/w/app-feat' })]), now);
    expect(out).toMatch(/^SESSION\s+STATE\s+UNREAD\s+LAST SEEN\s+LAST REACHED\s+WORKTREE$/m);
    expect(out).toMatch(/^main#aaaaaa\s+connected\s+0\s+1s ago\s+-\s+\.\.\/app-feat$/m);
  });

  it('lists human:root on a "people" line, not as an away session with unread messages', () => {
    const out = formatStatus(status([session({}), session({ sessionId: 'human:root', label: 'human:root', shortId: 'human:', connected: false, queueDepth: 12, lastSeen: now - 180_000 })]), now);
    expect(out).toMatch(/^ {2}people {4}human:root \(last sent 3m 0s ago\)$/m);
    expect(out).not.toMatch(/^human:root/m);
  });

  it('puts sessions gone for days on one "gone" line, not in the table', () => {
    const old = session({ label: 'feat#bbbbbb', connected: false, lastSeen: now - 3 * 86_400_000 });
    const away = session({ label: 'fix#cccccc', connected: false, lastSeen: now - GONE_AFTER_MS / 2 });
    const out = formatStatus(status([session({}), old, away]), now);
    expect(out).toMatch(/^ {2}gone {6}1 session\(s\) away over 12h 0m: feat#bbbbbb \(3d 0h ago\)$/m);
    expect(out).not.toMatch(/^feat#bbbbbb/m);
    expect(out).toMatch(/^fix#cccccc\s+away/m);
  });
});
