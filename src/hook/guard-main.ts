/**
 * The edit guard's hook command (guard.cjs; a bundle of its own so the prompt hook stays small):
 *   PreToolUse  Edit/Write/MultiEdit/NotebookEdit: the file against the other sessions' claims
 *               and working sets (guard-edit.ts)
 *   RecordEdit  PostToolUse of an edit tool: its files join this session's working set
 * The hook commands start it only while the daemon's guard-<pid> marker is there (another
 * session is here); what the marker holds settles most edits without asking the daemon. See
 * guard-runtime.ts for how it fails.
 */
import { editDecision, editedPaths, hookOutput, needsDaemon } from './guard-edit.ts';
import { runGuard } from './guard-runtime.ts';

runGuard(async ({ input, who, policy, deadlineMs, busRoot, marker, connect }) => {
  const paths = editedPaths(input.tool_name, input.tool_input);
  if (paths.length === 0) return;
  if (process.argv[2] === 'RecordEdit') {
    await (await connect()).client.request('recordEdit', { ...who, paths, tool: String(input.tool_name) }, deadlineMs);
    return;
  }
  // Most edits touch nothing the others hold: the marker says so without a question to the daemon.
  if (!needsDaemon(marker(), paths, who.cwd, busRoot)) return;
  const conn = await connect();
  const found = await conn.client.request('checkEdit', { ...who, paths, tool: String(input.tool_name), record: policy !== 'warn' }, deadlineMs);
  const decided = editDecision(found, policy, Date.now());
  if (decided) process.stdout.write(JSON.stringify(hookOutput(decided)));
});
