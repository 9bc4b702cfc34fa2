/**
 * The tools array as the model receives it, read from the request the real `claude` binary sends
 * to the Messages API stand-in: every character is paid in every request, so it is held to a
 * budget, and keys the model cannot use ($schema, the SDK's execution block) do not reach it. The
 * lean schemas still work: a tool without arguments and one with an array argument are called.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeAnthropic, type MessagesRequest } from './fake-anthropic.ts';
import { claudeEnv, HANG_MS, runClaude, TOOL_PREFIX } from './claude.ts';
import { promptText, scriptedModel } from './scripted-model.ts';
import { useProjects, type TestProject } from '../support/project.ts';

// Waits are for events; the time limits are backstops against a hang (see HANG_MS).
vi.setConfig({ testTimeout: HANG_MS, hookTimeout: HANG_MS });

/** What every request carries for session-bus's tools (README "Performance" quotes it). */
const TOOLS_BUDGET_CHARS = 1600;

const project = useProjects({ scope: 'file' });
let fake: FakeAnthropic;
let p: TestProject;
let home: string;
beforeAll(async () => {
  fake = await new FakeAnthropic().start();
  fake.script = scriptedModel;
  p = project({ git: true });
  home = path.join(p.base, 'home');
  fs.mkdirSync(home);
});
afterAll(() => fake.close());

const ours = (req: MessagesRequest) => (req.tools ?? []).filter((t) => t.name.startsWith(TOOL_PREFIX));

async function turn(prompt: string): Promise<MessagesRequest[]> {
  const r = await runClaude({ prompt, cwd: p.dir, env: claudeEnv({ fake, env: p.env, home }) });
  expect(r.code, r.stderr).toBe(0);
  return fake.turns.filter((req) => JSON.stringify(req.messages).includes(prompt));
}

describe('the tools array in the real host', () => {
  it(`is at most ${TOOLS_BUDGET_CHARS} characters, without $schema or execution`, async () => {
    const [first] = await turn('T1: PEERS[]');
    const tools = ours(first!);
    expect(tools.map((t) => t.name.slice(TOOL_PREFIX.length)).sort()).toEqual(['broadcast', 'claim', 'claims', 'inbox', 'peers', 'release']);
    const text = JSON.stringify(tools);
    expect(text).not.toContain('$schema');
    expect(text).not.toContain('execution');
    expect(text.length).toBeLessThanOrEqual(TOOLS_BUDGET_CHARS);
  });

  it('a tool without arguments and one with an array argument still run', async () => {
    const peers = await turn('T2: PEERS[]');
    expect(JSON.stringify(peers.at(-1)!.messages)).toContain('No other session is here.');
    // The array reaches the broker as strings: it answers about the recipient, not the schema.
    const sent = await turn('T3: BROADCAST[lean schemas] TO[main#nobody1]');
    expect(promptText(sent[0]!)).toContain('T3');
    expect(JSON.stringify(sent.at(-1)!.messages)).toContain('unknown or ambiguous recipient \\"main#nobody1\\"');
  });
});
