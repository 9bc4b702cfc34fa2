/**
 * The git command guard's hook command (guard-git.cjs: the shell reader is most of it, and only
 * Bash calls pay for it): PreToolUse of Bash. A line whose git commands only read (or that runs
 * no git) is let go without asking the daemon; otherwise its changes are weighed against the
 * uncommitted files of the other live sessions in the same worktree (src/guard), and the
 * sessions whose work it would reach are told when it is stopped. Started only while the
 * daemon's guard-<pid> marker is there; see guard-runtime.ts for how it fails.
 */
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { findGitChanges } from '../guard/git-command.ts';
import { decideGit } from '../guard/git-decision.ts';
import { gitReasonText } from '../guard/git-decision-words.ts';
import { runGuard } from './guard-runtime.ts';

runGuard(async ({ input, who, policy, deadlineMs, connect, log }) => {
  const command = (input.tool_input as { command?: unknown } | undefined)?.command;
  if (input.tool_name !== 'Bash' || typeof command !== 'string') return;
  const found = findGitChanges(command);
  if (found.changes.length === 0 && found.unsure.length === 0) return;
  const conn = await connect();
  const cwd = input.cwd ?? who.cwd ?? process.cwd();
  const sets = await conn.client.request('workingSets', { ...who, dir: cwd }, deadlineMs);
  if (!sets.tree || sets.others.length === 0) return;
  const here = relative(sets.tree, realpathSync(cwd)) || '.';
  const decided = decideGit({ found, others: sets.others, policy, cwd: here, root: sets.tree, mine: sets.mine });
  if (decided.decision === 'allow') return;
  const text = gitReasonText(decided.reason, Date.now());
  if (decided.decision === 'warn') {
    process.stdout.write(JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', additionalContext: `session-bus: ${text}` } }));
    return;
  }
  process.stdout.write(JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: decided.decision, permissionDecisionReason: text } }));
  const sessions = [...new Set(decided.reason.collisions.map((c) => c.session))];
  const files = [...new Set(decided.reason.collisions.flatMap((c) => c.files))].slice(0, 5).join(', ');
  const said = `wanted to run \`${command.slice(0, 200)}\`, which would reach your uncommitted ${files}; it was stopped to ask first. Answer with broadcast to ${who.label} if it may go ahead.`;
  await conn.client.request('broadcast', { ...who, to: sessions, text: said }, deadlineMs).catch((err: Error) => log(`guard: could not tell ${sessions.join(', ')}: ${err.message}`));
});
