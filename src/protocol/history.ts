/**
 * Which retained messages a history read returns: the filters of `session-bus log` and the
 * window of `tail -n`. Pure, shared by the daemon's `history`/`subscribe` methods and by the CLI
 * when it reads the mailbox file itself (no daemon running), so both answer the same.
 */
import { MAX_HISTORY_LIMIT, MAX_HISTORY_REPLY_BYTES } from './limits.ts';
import type { HistoryParams, MessageRecord } from './messages.ts';

/**
 * Does `token` name the sender of `m`? A token matches the whole label (`feat-login#3f2a1c`),
 * its branch part (`feat-login`: every session on that branch), its short id (`3f2a1c` or
 * `#3f2a1c`), the session id, or `human` for every person at a terminal. Case-insensitive.
 */
export function matchesSender(m: MessageRecord, token: string): boolean {
  const t = token.trim().toLowerCase();
  if (t === '') return false;
  const from = m.from.toLowerCase();
  if (from === t || m.origin.sessionId.toLowerCase() === t) return true;
  if (t === 'human' && from.startsWith('human:')) return true;
  const hash = from.lastIndexOf('#');
  if (hash < 0) return false;
  return from.slice(0, hash) === t || from.slice(hash + 1) === t.replace(/^#/, '');
}

/** The filters alone (no window): since, from (any of), kinds (any of), grep. */
export function matchesFilter(m: MessageRecord, q: Pick<HistoryParams, 'sinceTs' | 'from' | 'kinds' | 'grep'>): boolean {
  if (q.sinceTs !== undefined && m.ts < q.sinceTs) return false;
  if (q.from && q.from.length > 0 && !q.from.some((t) => matchesSender(m, t))) return false;
  if (q.kinds && q.kinds.length > 0 && !q.kinds.includes(m.kind)) return false;
  if (q.grep !== undefined && !m.text.toLowerCase().includes(q.grep.toLowerCase())) return false;
  return true;
}

export interface HistorySelection {
  /** Oldest first. */
  messages: MessageRecord[];
  /** Older matches were left out (by the limit or the size cap). */
  more: boolean;
}

/**
 * The newest matches of `q` in `messages` (ascending seq), at most `q.limit` of them and at most
 * `maxBytes` of JSON, returned oldest first. `more` says older matches were left out: the caller
 * pages on with `beforeSeq` = the first returned seq.
 */
export function selectHistory(messages: readonly MessageRecord[], q: HistoryParams, maxBytes = MAX_HISTORY_REPLY_BYTES): HistorySelection {
  const limit = Math.min(q.limit ?? MAX_HISTORY_LIMIT, MAX_HISTORY_LIMIT);
  const out: MessageRecord[] = [];
  let bytes = 0;
  let more = false;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (q.beforeSeq !== undefined && m.seq >= q.beforeSeq) continue;
    if (q.afterSeq !== undefined && m.seq <= q.afterSeq) break;
    if (!matchesFilter(m, q)) continue;
    const size = Buffer.byteLength(JSON.stringify(m));
    // The first match always fits: a cap never stalls a reader.
    if (out.length >= limit || (out.length > 0 && bytes + size > maxBytes)) {
      more = true;
      break;
    }
    out.push(m);
    bytes += size;
  }
  return { messages: out.reverse(), more };
}
