/**
 * The collision guard before an edit (PreToolUse of Edit, Write, MultiEdit, NotebookEdit): the
 * files the tool would change, checked against the other sessions' claims and working sets, and
 * the decision the host is given. Pure but for needsDaemon, which reads the file's path as the
 * daemon does; the hook's main does the rest of the I/O. Started by the hook command only while
 * another session is here (the daemon's `guard-<pid>` marker), so a session alone never pays
 * for it.
 */
import { ago } from '../display/time.ts';
import type { CheckEditResult, EditConflict, EditOverlap } from '../protocol/messages.ts';
import { inert } from '../protocol/sanitize.ts';
import type { GuardPolicy } from '../guard/git-decision.ts';
import { mayCollide, type GuardMarker } from '../place/guard-marker.ts';
import { worktreePath } from '../place/worktree-path.ts';

export const EDIT_TOOLS = ['Edit', 'Write', 'MultiEdit', 'NotebookEdit'];

export type { GuardPolicy };

export function guardPolicy(raw: string | undefined): GuardPolicy {
  return raw === 'deny' || raw === 'warn' || raw === 'off' ? raw : 'ask';
}

/** The files an edit tool names in its input; none for another tool or a malformed input. */
export function editedPaths(toolName: unknown, toolInput: unknown): string[] {
  if (typeof toolName !== 'string' || !EDIT_TOOLS.includes(toolName)) return [];
  if (typeof toolInput !== 'object' || toolInput === null) return [];
  const { file_path, notebook_path } = toolInput as Record<string, unknown>;
  return [file_path, notebook_path].filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length <= 4096);
}

/**
 * Must the daemon be asked about an edit of these files? Not when the marker is understood and
 * no file, read as the daemon reads it (its worktree and path there), may collide with what the
 * marker lists; a file outside every worktree is none of the guard's business either way.
 */
export function needsDaemon(marker: GuardMarker | undefined, paths: string[], cwd: string | undefined, busRoot: string): boolean {
  if (!marker) return true;
  return paths.some((file) => {
    const at = worktreePath(file, cwd, busRoot);
    return at !== undefined && mayCollide(marker, at.path);
  });
}

export type EditDecision = { decision: 'deny' | 'ask'; reason: string; note?: string } | { decision: 'warn'; note: string };

/**
 * What the host is told, or nothing. A claim refuses (under `ask` and `deny`); another session's
 * uncommitted change to the file asks the person under `ask` and refuses under `deny`; `warn`
 * lets the edit run with the same words in context. The same file changing in another worktree
 * is only noted.
 */
export function editDecision(r: CheckEditResult, policy: GuardPolicy, now: number): EditDecision | undefined {
  if (policy === 'off') return undefined;
  const claimed = r.conflicts.map(({ path, claim }) => describe(path, claim, now));
  const changed = r.editing.map((e) => changedBy(e, now));
  const elsewhere = r.elsewhere.map((e) => `${inert(e.path, 'quoted')} is also changing on ${inert(branchOf(e.label), 'label')} (${inert(e.label, 'label')}), in another worktree.`);
  const note = elsewhere.length > 0 ? `session-bus: ${elsewhere.join(' ')}` : undefined;
  const stops = [...claimed, ...changed];
  if (stops.length === 0) return note ? { decision: 'warn', note } : undefined;
  const text = stops.join(' ');
  if (policy === 'warn') return { decision: 'warn', note: `session-bus: ${[...stops, ...elsewhere].join(' ')}` };
  const advice = claimed.length > 0 ? 'Ask the holder with the broadcast tool (to: its label), or wait until it releases the claim.' : 'Ask that session with the broadcast tool (to: its label) before changing the file, or work in a worktree of your own (`git worktree add`).';
  const decision = claimed.length > 0 || policy === 'deny' ? 'deny' : 'ask';
  return { decision, reason: `${text} ${advice}`, ...(note ? { note } : {}) };
}

function changedBy(e: EditOverlap, now: number): string {
  return `${inert(e.path, 'quoted')} has uncommitted changes by ${inert(e.label, 'label')} (edited ${ago(now - e.editedAt)}).`;
}

/** `feat-b#3f2a1c` → `feat-b`: the branch (or folder) part of a label. */
function branchOf(label: string): string {
  const at = label.lastIndexOf('#');
  return at > 0 ? label.slice(0, at) : label;
}

function describe(path: string, claim: EditConflict['claim'], now: number): string {
  const holder = claim.host ? `${claim.label}@${claim.host}` : claim.label;
  const note = claim.note ? ` (${inert(claim.note, 'quoted')})` : '';
  const covered = claim.resource === path ? '' : ` (claim on ${inert(claim.resource, 'quoted')})`;
  return `${inert(path, 'quoted')} is claimed by ${inert(holder, 'label')}${note}${covered} since ${ago(now - claim.since)}.`;
}

/** The hook's output for a decision (Claude Code's PreToolUse contract). */
export function hookOutput(d: EditDecision): Record<string, unknown> {
  if (d.decision === 'warn') return { hookSpecificOutput: { hookEventName: 'PreToolUse', additionalContext: d.note } };
  return { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: d.decision, permissionDecisionReason: d.reason, ...(d.note ? { additionalContext: d.note } : {}) } };
}
