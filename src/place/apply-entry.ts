/**
 * The one reducer: what each recorded entry does to the bus's state. Used by the daemon after
 * each commit (Broker.apply) and by replay (the daemon replays straight into its broker; the CLI
 * into a plain RestoredState), so a change and its replay cannot disagree. Pure: it reads the
 * entry and calls the state's setters, nothing else.
 */
import type { MessageRecord } from '../protocol/messages.ts';
import type { Claim, CursorEntry, FederationEntry, FederationPosition, LogEntry, SessionEntry, SettleEntry, TouchEntry } from './mailbox-entries.ts';

/** The claims as a table keyed by resource: the daemon's ClaimTable, or a Map during replay. */
export interface ClaimState {
  get(resource: string): Claim | undefined;
  put(claim: Claim): void;
  remove(resource: string): void;
}

/** What holds bus state: the daemon's Broker, or the RestoredState a replay builds for the CLI. */
export interface BusState {
  readonly claims: ClaimState;
  /** A message made durable; its seq is now spent. */
  addMessage(record: MessageRecord): void;
  /** A session as first seen, or its ids, pids, label or cwd changed: the entry is its whole record. */
  putSession(entry: SessionEntry): void;
  /** A session's delivered position (a session the state does not know is ignored). */
  setCursor(entry: CursorEntry): void;
  /** No seq up to `lastSeq` is given again (a compacted log's first line). */
  raiseSeq(lastSeq: number): void;
  /** Federation's durable position. */
  setFederation(entry: FederationEntry): void;
  /** Working sets (see TouchEntry, SettleEntry). */
  readonly workingSets: WorkingSetState;
}

/** Session key → worktree → path → last change; the daemon's and replay's alike (working-sets.ts). */
export type WorkingSetState = Map<string, Map<string, Map<string, number>>>;

export function applyEntry(state: BusState, entry: LogEntry): void {
  switch (entry.type) {
    case 'msg': {
      const { type: _type, ...record } = entry;
      state.addMessage(record);
      return;
    }
    case 'session':
      state.putSession(entry);
      return;
    case 'cursor':
      state.setCursor(entry);
      return;
    case 'meta':
      state.raiseSeq(entry.lastSeq);
      return;
    case 'claim':
    case 'release':
      applyClaimEntry(state.claims, entry);
      return;
    case 'fed':
      state.setFederation(entry);
      return;
    case 'touch':
      applyTouch(state.workingSets, entry);
      return;
    case 'settle':
      applySettle(state.workingSets, entry);
      return;
  }
}

/** A claim takes or refreshes its resource; a release ends it only if the releasing holder still holds it. */
function applyClaimEntry(claims: ClaimState, entry: LogEntry & { type: 'claim' | 'release' }): void {
  if (entry.type === 'claim') {
    const { type: _type, ...claim } = entry;
    claims.put(claim);
  } else if (claims.get(entry.resource)?.holder === entry.holder) {
    claims.remove(entry.resource);
  }
}

/** A Map keyed by resource, seen as ClaimState. */
export function claimMap(map: Map<string, Claim>): ClaimState {
  return { get: (r) => map.get(r), put: (c) => void map.set(c.resource, c), remove: (r) => void map.delete(r) };
}

/** Federation's position after one more of its entries: each mark only moves up. */
export function foldFederation(position: FederationPosition | undefined, entry: FederationEntry): FederationPosition {
  const fed = position ?? { received: new Map<string, number>() };
  fed.published = Math.max(fed.published ?? 0, entry.published);
  for (const [host, seq] of Object.entries(entry.received ?? {})) fed.received.set(host, Math.max(fed.received.get(host) ?? 0, seq));
  return fed;
}

/** A session changed files: each is in its working set, as of `ts`. */
function applyTouch(sets: WorkingSetState, e: TouchEntry): void {
  const trees = sets.get(e.id) ?? new Map<string, Map<string, number>>();
  const files = trees.get(e.tree) ?? new Map<string, number>();
  for (const p of e.paths) files.set(p, Math.max(files.get(p) ?? 0, e.ts));
  trees.set(e.tree, files);
  sets.set(e.id, trees);
}

/** Files left a session's working set (all of them, in every worktree, without `paths`). */
function applySettle(sets: WorkingSetState, e: SettleEntry): void {
  const trees = sets.get(e.id);
  if (!trees) return;
  if (e.paths === undefined) {
    if (e.tree === undefined) sets.delete(e.id);
    else trees.delete(e.tree);
  } else {
    for (const [tree, files] of trees) {
      if (e.tree !== undefined && tree !== e.tree) continue;
      for (const p of e.paths) files.delete(p);
      if (files.size === 0) trees.delete(tree);
    }
  }
  if (trees.size === 0) sets.delete(e.id);
}
