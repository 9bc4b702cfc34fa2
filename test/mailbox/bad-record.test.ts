/**
 * Issue 14, item 4: one bad record must not poison a batch. A message whose `ts` is 1e16 (valid
 * JSON, outside Date's range) used to pass replay, make rendering throw after the drain, and so
 * consume the whole batch unseen.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDelivery, renderLine } from '../../src/display/render.ts';
import type { MessageRecord } from '../../src/protocol/messages.ts';
import { HOOK, run, useProjects } from '../support/project.ts';

const project = useProjects();

const B = { sessionId: 'bbbbbbbb-2', pid: 2002, label: 'main#bbbbbb' };
const line = (o: object) => JSON.stringify(o) + '\n';
const message = (seq: number, ts: number, text: string) => ({ type: 'msg', seq, ts, origin: { sessionId: 'aaaa-1', pid: 1001 }, from: 'main#aaaaaa', kind: 'note', text });

describe('one bad record (issue 14 item 4)', () => {
  it('One bad record poisons a batch: a ts of 1e16 is refused at replay and the rest of the batch is shown', async () => {
    const p = project();
    const mailbox = p.mailboxPath();
    fs.mkdirSync(path.dirname(mailbox), { recursive: true });
    fs.writeFileSync(
      mailbox,
      line({ type: 'session', id: B.sessionId, ids: [B.sessionId], pids: [B.pid], label: B.label, firstSeen: Date.now() }) +
        line({ type: 'cursor', id: B.sessionId, seq: 0, ts: Date.now() }) +
        line(message(1, 1e16, 'from far in the future')) +
        line(message(2, Date.now(), 'an ordinary note')),
    );
    const hook = () =>
      run(process.execPath, [HOOK, 'UserPromptSubmit'], {
        env: { ...p.env, CLAUDE_PID: String(B.pid), CLAUDE_PROJECT_DIR: p.dir },
        input: JSON.stringify({ session_id: B.sessionId, hook_event_name: 'UserPromptSubmit', cwd: p.dir, prompt: 'go' }),
      });
    const r = await hook();
    expect(r.code).toBe(0);
    const context = JSON.parse(r.stdout).hookSpecificOutput.additionalContext as string;
    expect(context).toContain('"an ordinary note"');
    expect(context).not.toContain('far in the future');
    const log = fs.readFileSync(p.endpoint().logPath, 'utf8');
    expect(log).toMatch(/time out of range/);
  });

  it('rendering never throws, whatever a record holds: the time shows as unknown', () => {
    const bad = (ts: number): MessageRecord => ({ seq: 3, ts, origin: { sessionId: 's', pid: 1 }, from: 'x#1', kind: 'note', text: 't' });
    for (const ts of [1e16, -1e16, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(renderLine(bad(ts))).toMatch(/^#3 \?\?:\?\?:\?\? UTC x#1 \[note\]: "t"$/);
    }
    expect(renderDelivery([bad(1e16), bad(0)], 0).split('\n')).toHaveLength(3);
  });
});
