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
import { claudeEnv, HANG_MS, StreamingSession, TOOL_PREFIX } from './claude.ts';
import { promptText, scriptedModel } from './scripted-model.ts';
import { useProjects, waitFor } from '../support/project.ts';

// Waits are for events; the time limits are backstops against a hang (see HANG_MS).
vi.setConfig({ testTimeout: HANG_MS, hookTimeout: HANG_MS });

/** What every request carries for session-bus's tools (README "Performance" quotes it). */
const TOOLS_BUDGET_CHARS = 1600;

const project = useProjects({ scope: 'file' });
let fake: FakeAnthropic;
/** One session held open for both tests (one start of the host); its first turn calls peers. */
let s: StreamingSession;
beforeAll(async () => {
  fake = await new FakeAnthropic().start();
  fake.script = scriptedModel;
  const p = project({ git: true });
  const home = path.join(p.base, 'home');
  fs.mkdirSync(home);
  s = new StreamingSession({ cwd: p.dir, env: claudeEnv({ fake, env: p.env, home }) });
  project.defer(() => s.close());
  await turn('T1: PEERS[]');
});
afterAll(() => fake.close());

const ours = (req: MessagesRequest) => (req.tools ?? []).filter((t) => t.name.startsWith(TOOL_PREFIX));

/** A turn of the session; the requests of its conversation from the prompt on. */
async function turn(prompt: string): Promise<MessagesRequest[]> {
  const results = s.results + 1;
  s.send(prompt);
  await waitFor(`turn "${prompt}"`, () => s.results >= results, HANG_MS);
  return conversationFrom(prompt);
}

function conversationFrom(prompt: string): MessagesRequest[] {
  return fake.turns.filter((req) => JSON.stringify(req.messages).includes(prompt));
}

describe('the tools array in the real host', () => {
  it(`is at most ${TOOLS_BUDGET_CHARS} characters, without $schema or execution`, () => {
    const [first] = conversationFrom('T1: PEERS[]');
    const tools = ours(first!);
    expect(tools.map((t) => t.name.slice(TOOL_PREFIX.length)).sort()).toEqual(['broadcast', 'claim', 'claims', 'inbox', 'peers', 'release']);
    const text = JSON.stringify(tools);
    expect(text).not.toContain('$schema');
    expect(text).not.toContain('execution');
    expect(text.length).toBeLessThanOrEqual(TOOLS_BUDGET_CHARS);
  });

  it('a tool without arguments and one with an array argument still run', async () => {
    const peers = conversationFrom('T1: PEERS[]');
    expect(JSON.stringify(peers.at(-1)!.messages)).toContain('No other session is here.');
    // The array reaches the broker as strings: it answers about the recipient, not the schema.
    const sent = await turn('T3: BROADCAST[lean schemas] TO[main#nobody1]');
    expect(promptText(sent[0]!)).toContain('T3');
    expect(JSON.stringify(sent.at(-1)!.messages)).toContain('unknown or ambiguous recipient \\"main#nobody1\\"');
  });
});
