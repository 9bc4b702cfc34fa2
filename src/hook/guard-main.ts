/**
 * The edit guard's hook command (guard.cjs; a bundle of its own so the prompt hook stays small):
 *   PreToolUse  Edit/Write/MultiEdit/NotebookEdit: the file against the other sessions' claims
 *               and working sets (guard-edit.ts)
 *   RecordEdit  PostToolUse of an edit tool: its files join this session's working set
 * The hook commands start it only while the daemon's guard-<pid> marker is there (another
 * session is here); see guard-runtime.ts for how it fails.
 */
import { editDecision, editedPaths, hookOutput } from './guard-edit.ts';
import { runGuard } from './guard-runtime.ts';

runGuard(async ({ input, who, policy, deadlineMs, connect }) => {
  const paths = editedPaths(input.tool_name, input.tool_input);
  if (paths.length === 0) return;
  const conn = await connect();
  if (process.argv[2] === 'RecordEdit') {
    await conn.client.request('recordEdit', { ...who, paths, tool: String(input.tool_name) }, deadlineMs);
    return;
  }
  const found = await conn.client.request('checkEdit', { ...who, paths, tool: String(input.tool_name), record: policy !== 'warn' }, deadlineMs);
  const decided = editDecision(found, policy, Date.now());
  if (decided) process.stdout.write(JSON.stringify(hookOutput(decided)));
});
