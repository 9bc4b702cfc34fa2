/**
 * Issue 14, item 2: a SIGKILL mid-write leaves a partial last line. The next append must not be
 * glued onto it: the partial tail is cut before the first append, so the acknowledged entry
 * survives a replay that no compaction rescued.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonlMailboxLog } from '../../src/daemon/mailbox-log.ts';
import type { LogEntry } from '../../src/place/mailbox-entries.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempMailbox(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-torn-'));
  dirs.push(dir);
  const file = path.join(dir, 'mailbox.jsonl');
  fs.writeFileSync(file, content);
  return file;
}

const msg = (seq: number, text: string): LogEntry => ({ type: 'msg', seq, ts: 1_700_000_000_000 + seq, origin: { sessionId: 'a', pid: 1 }, from: 'main#aaaaaa', kind: 'note', text });

describe('torn tail (issue 14 item 2)', () => {
  it('Torn tail: an entry acknowledged after a partial last line survives the next replay', async () => {
    const whole = JSON.stringify(msg(1, 'one')) + '\n';
    const partial = JSON.stringify(msg(2, 'two')).slice(0, 30);
    const file = tempMailbox(whole + partial);
    const log = new JsonlMailboxLog(file);
    const first = log.replay();
    expect(first.state.messages.map((m) => m.seq)).toEqual([1]);
    await log.append([msg(2, 'acknowledged')]);
    log.close();
    const again = new JsonlMailboxLog(file).replay();
    expect(again.state.messages.map((m) => [m.seq, m.text])).toEqual([
      [1, 'one'],
      [2, 'acknowledged'],
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe(whole + JSON.stringify(msg(2, 'acknowledged')) + '\n');
  });

  it('a last line that is whole JSON but lost its newline is not replayed: its sender was never answered', () => {
    const file = tempMailbox(JSON.stringify(msg(1, 'one')) + '\n' + JSON.stringify(msg(2, 'unanswered')));
    const r = new JsonlMailboxLog(file).replay();
    expect(r.state.messages.map((m) => m.seq)).toEqual([1]);
    expect(r.warnings.map((w) => w.reason).join()).toMatch(/interrupted write/);
  });

  it('a file of one partial line is cut to nothing before the first append', async () => {
    const file = tempMailbox('{"type":"msg","seq":1,"ts');
    const log = new JsonlMailboxLog(file);
    expect(log.replay().state.messages).toEqual([]);
    await log.append([msg(1, 'fresh')]);
    log.close();
    expect(new JsonlMailboxLog(file).replay().state.messages.map((m) => m.text)).toEqual(['fresh']);
  });
});
