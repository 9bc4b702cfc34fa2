/**
 * Taking over mailboxes from the old place (`<worktree>/.claude/.session-bus/`) when the bus moved
 * to the repository's git common dir. Runs once per old mailbox, at daemon start, before replay:
 *   - the first one found, into an empty new mailbox, moves as it is (every seq kept);
 *   - any further one (another worktree had its own bus) is appended with new seqs after the
 *     current last one, in time order, with its sessions' positions mapped to the new seqs,
 *     so seq never moves backwards.
 * The new file is durable (fsync) before the old one is removed.
 *
 * A mailbox at the old place that git tracks came with the repository (someone committed it, or
 * planted it): it is nobody's history here, so it is neither imported nor removed. Everything
 * imported is replayed like any mailbox, as untrusted input (mailbox-log.ts).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LogEntry } from '../place/mailbox-entries.ts';
import { JsonlMailboxLog } from './mailbox-log.ts';

export interface TakeoverReport {
  from: string;
  messages: number;
  renumbered: boolean;
  /** Why it was left where it is, untouched. */
  skipped?: string;
}

export function takeOverLegacyMailboxes(mailboxPath: string, legacy: string[], tracked: (file: string) => boolean = gitTracks): TakeoverReport[] {
  const reports: TakeoverReport[] = [];
  for (const old of legacy) {
    if (path.resolve(old) === path.resolve(mailboxPath) || !fs.existsSync(old)) continue;
    if (tracked(old)) {
      reports.push({ from: old, messages: 0, renumbered: false, skipped: 'it is tracked by git (it came with the repository): not imported, not removed' });
      continue;
    }
    const oldState = new JsonlMailboxLog(old).replay().state;
    const current = new JsonlMailboxLog(mailboxPath).replay().state;
    fs.mkdirSync(path.dirname(mailboxPath), { recursive: true, mode: 0o700 });
    const empty = current.lastSeq === 0 && current.sessions.length === 0;
    if (empty) {
      copyDurably(old, mailboxPath);
      reports.push({ from: old, messages: oldState.messages.length, renumbered: false });
    } else {
      const entries: LogEntry[] = [];
      const seqMap = new Map<number, number>();
      let next = current.lastSeq;
      for (const m of [...oldState.messages].sort((a, b) => a.ts - b.ts || a.seq - b.seq)) {
        next += 1;
        seqMap.set(m.seq, next);
        entries.push({ type: 'msg', ...m, seq: next });
      }
      const known = new Set(current.sessions.flatMap((s) => s.ids));
      for (const s of oldState.sessions) {
        // A session already on the new bus keeps its position there.
        if (s.ids.some((id) => known.has(id))) continue;
        entries.push(s);
        const cursor = oldState.cursors.get(s.id);
        const mapped = cursor ? mapCursor(cursor.seq, seqMap, current.lastSeq) : next;
        entries.push({ type: 'cursor', id: s.id, seq: mapped, ts: cursor?.ts ?? s.firstSeen });
      }
      appendDurably(mailboxPath, entries);
      reports.push({ from: old, messages: oldState.messages.length, renumbered: true });
    }
    fs.unlinkSync(old);
    for (const leftover of ['.gitignore']) fs.rmSync(path.join(path.dirname(old), leftover), { force: true });
    try {
      fs.rmdirSync(path.dirname(old));
    } catch {
      // Not empty: something else lives there.
    }
  }
  return reports;
}

/** Does git track this file? When git cannot say (no git, a broken repository), taken as yes: nothing is imported on a guess. */
export function gitTracks(file: string): boolean {
  try {
    execFileSync('git', ['-C', path.dirname(file), 'ls-files', '--error-unmatch', '--', path.basename(file)], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch (err) {
    return (err as { status?: number | null }).status !== 1;
  }
}

/** The new seq of the last message at or before an old position. */
function mapCursor(oldCursor: number, seqMap: Map<number, number>, base: number): number {
  let best = base;
  for (const [oldSeq, newSeq] of seqMap) if (oldSeq <= oldCursor && newSeq > best) best = newSeq;
  return best;
}

function copyDurably(from: string, to: string): void {
  const tmp = `${to}.takeover.tmp`;
  fs.copyFileSync(from, tmp);
  fs.chmodSync(tmp, 0o600);
  const fd = fs.openSync(tmp, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, to);
}

function appendDurably(file: string, entries: LogEntry[]): void {
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, entries.map((e) => JSON.stringify(e) + '\n').join(''));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
