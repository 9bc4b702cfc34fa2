/**
 * The collision guard before an edit (PreToolUse of Edit, Write, MultiEdit, NotebookEdit): the
 * files the tool would change, checked against the claims of the other sessions, and the
 * decision the host is given. Pure; the hook's main does the I/O. Started by the hook command
 * only while another session holds a path claim (the daemon's `guard-<pid>` marker), so a
 * session alone never pays for it.
 */
import { ago } from '../display/time.ts';
import type { EditConflict } from '../protocol/messages.ts';
import { inert } from '../protocol/sanitize.ts';

export const EDIT_TOOLS = ['Edit', 'Write', 'MultiEdit', 'NotebookEdit'];

/** SESSION_BUS_GUARD: `ask` (default; a claim refuses), `deny`, `warn` (allow, with a note), `off`. */
export type GuardPolicy = 'ask' | 'deny' | 'warn' | 'off';

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

export type EditDecision = { decision: 'deny'; reason: string } | { decision: 'warn'; note: string };

/** What the host is told, or nothing when no claim covers the files. A claim refuses under `ask` and `deny`. */
export function editDecision(conflicts: EditConflict[], policy: GuardPolicy, now: number): EditDecision | undefined {
  if (conflicts.length === 0 || policy === 'off') return undefined;
  const text = conflicts.map(({ path, claim }) => describe(path, claim, now)).join(' ');
  if (policy === 'warn') return { decision: 'warn', note: `session-bus: ${text}` };
  return { decision: 'deny', reason: `${text} Ask the holder with the broadcast tool (to: its label), or wait until it releases the claim.` };
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
  return { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: d.reason } };
}
