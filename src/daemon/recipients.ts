/**
 * Who a direct message is for: each token the sender wrote in `to` must name exactly one live
 * session, of this host or (federated) of another. Pure.
 */
import { shortId, type FederationHost } from '../protocol/messages.ts';
import type { RecipientOutcome } from './broker-types.ts';

export interface RecipientCandidate {
  /** The id a message to it carries in `to`. */
  id: string;
  /** Every id it answers to (a session resumed under a new id keeps its old ones). */
  ids: ReadonlySet<string> | readonly string[];
  /** Names it goes by: its label and, on another host, `label@host` as peers shows it. */
  names: readonly string[];
  /** How an error lists it: as peers shows it. */
  shown: string;
}

/** The live sessions of the other hosts, from their presence, as candidates. */
export function remoteRecipients(hosts: readonly FederationHost[]): RecipientCandidate[] {
  return hosts.flatMap((h) => h.sessions.map((s) => ({ id: s.sessionId, ids: [s.sessionId], names: [`${s.label}@${h.name}`, s.label], shown: `${s.label}@${h.name}` })));
}

/**
 * Each token a label, short id, session id, `#` and the label's hex, or branch (as `log --from`
 * takes them), of exactly one candidate; a token that names none, or several, is the error.
 */
export function matchRecipients(tokens: readonly string[], candidates: readonly RecipientCandidate[]): RecipientOutcome {
  const ids: string[] = [];
  for (const token of tokens) {
    const t = token.trim().replace(/^#/, '');
    const matches = candidates.filter((c) => shortId(c.id) === t || has(c.ids, t) || c.names.some((n) => n === t || n.endsWith(`#${t}`) || n.startsWith(`${t}#`)));
    if (matches.length !== 1) return { ok: false, recipient: token, peers: candidates.map((c) => c.shown) };
    ids.push(matches[0]!.id);
  }
  return { ok: true, ids: [...new Set(ids)] };
}

function has(ids: ReadonlySet<string> | readonly string[], id: string): boolean {
  return ids instanceof Set ? ids.has(id) : (ids as readonly string[]).includes(id);
}
