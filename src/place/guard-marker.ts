/**
 * What a session's `guard-<pid>` marker holds: enough for the edit guard's hook to see, without
 * asking the daemon, that an edit touches nothing another session holds — the common case while
 * company is around. The daemon writes it (session-markers.ts) before it answers any change that
 * adds to it (a claim, an edit recorded), so a hook started after that answer sees the change.
 * What the marker leaves out errs one way only: a file that might collide is asked about.
 *
 *   claims   the fixed prefix of every path claim another session holds (daemon/claims.ts
 *            literalPrefix); '' stands for a claim that begins with a glob
 *   editing  every path in another live session's working set, in any worktree
 *   ask      always ask the daemon (federation: other hosts' claims arrive between writes)
 */
export interface GuardMarker {
  v: 1;
  ask: boolean;
  claims: string[];
  editing: string[];
}

export function guardMarkerText(m: Omit<GuardMarker, 'v'>): string {
  return `${JSON.stringify({ v: 1, ask: m.ask, claims: [...new Set(m.claims)].sort(), editing: [...new Set(m.editing)].sort() })}\n`;
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** The marker's content, or undefined when it is not one this hook understands (empty, older, torn): then the hook asks. */
export function parseGuardMarker(text: string): GuardMarker | undefined {
  try {
    const m = JSON.parse(text) as Partial<GuardMarker>;
    if (m.v !== 1 || typeof m.ask !== 'boolean' || !isStrings(m.claims) || !isStrings(m.editing)) return undefined;
    return m as GuardMarker;
  } catch {
    return undefined;
  }
}

/** Does one of two repository-relative paths lie under (or at) the other? '' lies over everything. */
function nested(a: string, b: string): boolean {
  return a === '' || b === '' || a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/**
 * Might an edit of the file at `path` (repository-relative, as the daemon reads it) collide
 * with what the marker lists? False only when no claim prefix and no working-set path could
 * reach it.
 */
export function mayCollide(m: GuardMarker, path: string): boolean {
  // '.' is the worktree itself, which every path claim overlaps.
  return m.ask || path === '.' || m.claims.some((prefix) => nested(prefix, path)) || m.editing.includes(path);
}
