/**
 * The collision guard inside the real `claude` binary: a Write to a file another live session
 * has claimed, or changed and not committed, is stopped before it runs, the model is told why,
 * and the file on disk stays as it was; once the claim is released and the change committed,
 * the same Write goes through.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeAnthropic, hasToolResult } from './fake-anthropic.ts';
import { claudeEnv, HANG_MS, StreamingSession } from './claude.ts';
import { promptText, scriptedModel } from './scripted-model.ts';
import { makeProject, waitFor, type TestProject } from '../support/project.ts';
import { shortId } from '../../src/protocol/messages.ts';
import { GIT_IDENTITY } from '../support/git-template.ts';

// Waits are for events; the time limits are backstops against a hang (see HANG_MS).
vi.setConfig({ testTimeout: HANG_MS, hookTimeout: HANG_MS });

let fake: FakeAnthropic;
let p: TestProject;
let home: string;
let a: StreamingSession | undefined;
let b: StreamingSession | undefined;

beforeAll(async () => {
  fake = await new FakeAnthropic().start();
  fake.script = scriptedModel;
  p = makeProject({ git: true });
  home = path.join(p.base, 'home');
  fs.mkdirSync(home);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await fake.close();
  await p.cleanup();
});

async function turn(s: StreamingSession, prompt: string, results: number): Promise<void> {
  s.send(prompt);
  await waitFor(`turn "${prompt}"`, () => s.results >= results, HANG_MS);
}

/** A turn of session B (held open: one start of the host for its three prompts); its result event. */
async function bTurn(prompt: string) {
  const results = b!.results + 1;
  await turn(b!, prompt, results);
  const result = b!.events.filter((e) => e.type === 'result').at(-1)!;
  expect(result.is_error, JSON.stringify(result)).toBe(false);
  return result as typeof result & { permission_denials: { tool_name: string }[] };
}

const toolResultAfter = (marker: string) =>
  fake.turns.filter((r) => hasToolResult(r) && promptText(r) === '' && JSON.stringify(r.messages).includes(marker)).map((r) => JSON.stringify(r.messages.at(-1)));

describe('the edit guard in the real host', () => {
  it("B's Write to a file A has claimed, then to A's uncommitted change, is stopped with a reason naming A; the file stays A's; after A releases and commits, B's Write goes through", async () => {
    const file = path.join(p.dir, 'src', 'x.ts');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // A writes the file with its Write tool, alone: nothing is recorded then (its hooks stay in
    // the shell); B's arrival gives A what its worktree holds uncommitted.
    a = new StreamingSession({ cwd: p.dir, env: claudeEnv({ fake, env: p.env, home }), allowedTools: ['Write'] });
    await turn(a, `G0: WRITE[${file}|A's version]`, 1);
    expect(fs.readFileSync(file, 'utf8')).toBe("A's version");
    // B, with the Write tool allowed (as a user who allows edits), arrives while A claims.
    b = new StreamingSession({ cwd: p.dir, env: claudeEnv({ fake, env: p.env, home }), allowedTools: ['Write'] });
    await turn(a, 'G1: CLAIM[src/x.ts]', 2);
    const aLabel = `main#${shortId(a.sessionId!)}`;

    const stopped = await bTurn(`G2: WRITE[${file}|B's version]`);
    expect(stopped.permission_denials).toEqual([expect.objectContaining({ tool_name: 'Write' })]);
    expect(toolResultAfter('G2: WRITE').join()).toContain(`PreToolUse:Write hook error: \\"src/x.ts\\" is claimed by ${aLabel} since`);
    expect(fs.readFileSync(file, 'utf8')).toBe("A's version");

    await turn(a, 'G3: RELEASE[src/x.ts]', 3);
    // No claim now, but A's change to the file is not committed (it was there when B came: A's
    // working set). "ask" in a headless session: the tool does not run, the model gets why.
    const asked = await bTurn(`G4: WRITE[${file}|B's version]`);
    expect(asked.permission_denials).toEqual([expect.objectContaining({ tool_name: 'Write' })]);
    expect(toolResultAfter('G4: WRITE').join()).toContain(`\\"src/x.ts\\" has uncommitted changes by ${aLabel}`);
    expect(fs.readFileSync(file, 'utf8')).toBe("A's version");

    execFileSync('git', ['-C', p.dir, 'add', 'src/x.ts'], { env: { ...process.env, ...GIT_IDENTITY } });
    execFileSync('git', ['-C', p.dir, 'commit', '-q', '-m', "A's change"], { env: { ...process.env, ...GIT_IDENTITY } });
    await bTurn(`G5: WRITE[${file}|B's version]`);
    expect(fs.readFileSync(file, 'utf8')).toBe("B's version");
  });
});
