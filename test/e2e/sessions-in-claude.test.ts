/**
 * Identity, coordination and real-time delivery inside the real `claude` binary: sessions held
 * open with stream-json input, the plugin's hooks and MCP server as the host runs them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { allText, FakeAnthropic, hasToolResult, type MessagesRequest } from './fake-anthropic.ts';
import { claudeEnv, HANG_MS, runClaude, StreamingSession, TOOL_PREFIX } from './claude.ts';
import { promptText, scriptedModel } from './scripted-model.ts';
import { useProjects, waitFor, type TestProject } from '../support/project.ts';
import { shortId } from '../../src/protocol/messages.ts';

// Waits are for events; the time limits are backstops against a hang (see HANG_MS).
vi.setConfig({ testTimeout: HANG_MS, hookTimeout: HANG_MS });

const project = useProjects({ scope: 'file' });
let fake: FakeAnthropic;
let p: TestProject;
let home: string;
const open: StreamingSession[] = [];

beforeAll(async () => {
  fake = await new FakeAnthropic().start();
});
afterAll(() => fake.close());
beforeAll(() => {
  p = project({ git: true });
  home = path.join(p.base, 'home');
  fs.mkdirSync(home);
});
afterEach(async () => {
  fake.script = scriptedModel;
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function session(): StreamingSession {
  const s = new StreamingSession({ cwd: p.dir, env: claudeEnv({ fake, env: p.env, home }) });
  open.push(s);
  return s;
}

async function turn(s: StreamingSession, prompt: string, results: number): Promise<void> {
  s.send(prompt);
  await waitFor(`turn "${prompt}"`, () => s.results >= results, HANG_MS);
}

async function once(prompt: string) {
  const r = await runClaude({ prompt, cwd: p.dir, env: claudeEnv({ fake, env: p.env, home }) });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** Requests of the main conversation whose typed prompt contains `marker`. */
const requestsFor = (marker: string) => fake.turns.filter((r) => promptText(r).includes(marker));
/** Tool results that came back in the conversation of the request(s) for `marker`. */
const toolResultAfter = (marker: string) =>
  fake.turns.filter((r) => hasToolResult(r) && JSON.stringify(r.messages).includes(marker)).map((r) => JSON.stringify(r.messages.at(-1)));

describe('identity', () => {
  it("after /clear (new session id, same Claude process) a session still never gets its own messages", async () => {
    fake.script = scriptedModel;
    const a = session();
    await turn(a, 'C1: BROADCAST[mine, before the clear]', 1);
    const firstId = a.sessionId!;
    await turn(a, '/clear', 2);
    await p.cli(['send', 'from a human, after the clear']);
    await turn(a, 'C2: what is new?', 3);
    const ids = new Set(a.events.map((e) => e.session_id).filter(Boolean));
    expect(ids.size).toBe(2);
    const req = requestsFor('C2: what is new?')[0]!;
    expect(allText(req)).toContain('from a human, after the clear');
    expect(allText(req)).not.toContain('mine, before the clear');
    // One session on the bus, under one label.
    const status = JSON.parse((await p.cli(['status', '--json'])).stdout);
    const mine = status.sessions.filter((s: { label: string }) => s.label.endsWith(shortId(firstId)));
    expect(mine).toHaveLength(1);
  });
});

describe('coordination', () => {
  it("A claims port:1420; B's claim is refused naming A; A's session ends; B's claim succeeds", async () => {
    fake.script = scriptedModel;
    const a = session();
    await turn(a, 'K1: CLAIM[port:1420]', 1);
    const aLabel = `main#${shortId(a.sessionId!)}`;
    await once('K2: CLAIM[port:1420]');
    expect(toolResultAfter('K2: CLAIM[port:1420]').join()).toContain(`port:1420 is held by ${aLabel}`);
    await a.close();
    await once('K3: CLAIM[port:1420]');
    expect(toolResultAfter('K3: CLAIM[port:1420]').join()).toContain('claimed port:1420');
  });

  it('a direct message reaches only its recipient', async () => {
    fake.script = scriptedModel;
    const a = session();
    const c = session();
    await turn(a, 'D1: hello', 1);
    await turn(c, 'D2: hello', 1);
    await once(`D3: BROADCAST[for A only] TO[${shortId(a.sessionId!)}]`);
    expect(toolResultAfter('D3:').join()).toMatch(/sent #\d+ as main#\w+ to/);
    // A hears it (pushed into its idle session: a direct message wakes it); C never does.
    const conversation = (firstPrompt: string) => fake.turns.filter((r) => JSON.stringify(r.messages).includes(firstPrompt)).map(allText);
    await waitFor('A to hear it', () => conversation('D1: hello').some((t) => t.includes('for A only')), HANG_MS);
    await turn(c, 'D4: anything?', c.results + 1);
    expect(conversation('D1: hello').some((t) => t.includes('for A only'))).toBe(true);
    expect(conversation('D2: hello').some((t) => t.includes('for A only'))).toBe(false);
    // C's conversation is found and is whole: its two turns, the second after the message was sent.
    expect(fake.turns.filter((r) => JSON.stringify(r.messages).includes('D2: hello')).map(promptText)).toEqual(['D2: hello', 'D4: anything?']);
  });
});

describe('real-time delivery', () => {
  it('an idle session starts a new turn with a direct message within 2 s', async () => {
    fake.script = scriptedModel;
    const a = session();
    await turn(a, 'I1: hello', 1);
    const before = fake.turns.length;
    const conn = await p.connect();
    const t0 = Date.now();
    await conn.client.request('broadcast', { sessionId: 'human:tester', pid: 0, label: 'human:tester', text: 'wake up, your turn', kind: 'note', to: shortId(a.sessionId!) });
    conn.client.close();
    const woke = await waitFor('a new turn', () => fake.turns.slice(before).find((r) => allText(r).includes('wake up, your turn')), HANG_MS);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(allText(woke)).toContain('session-bus: 1 new message from a person at a terminal');
    // What the model receives inside the host's "Another Claude session sent a message" wrapper:
    // who posted, that it is the bus, and how to answer there.
    expect(allText(woke)).toContain("session-bus (the project's shared bus, not a SendMessage conversation) delivers what human:tester posted:");
    expect(allText(woke)).toContain(JSON.stringify('To answer, call the session-bus broadcast tool, with to: ["human:tester"] for one sender; SendMessage does not reach them.').slice(1, -1));
    await waitFor('the woken turn to finish', () => a.results >= 2, HANG_MS);
  });

  it('a busy session sees a message at its next tool round', async () => {
    // A slow model calling a tool in a loop: the session is busy for a few seconds.
    let rounds = 0;
    fake.script = (req: MessagesRequest) => {
      if (!req.tools?.length) return { text: 'title' };
      if (!JSON.stringify(req.messages).includes('B1: work for a while')) return scriptedModel(req);
      rounds += 1;
      return rounds <= 6 ? { tool: `${TOOL_PREFIX}peers`, input: {}, delayMs: 400 } : { text: 'finished' };
    };
    const a = session();
    a.send('B1: work for a while');
    await waitFor('busy', () => rounds >= 2, HANG_MS);
    const sentAt = rounds;
    await p.cli(['send', 'heads up: main is red']);
    await waitFor('the turn to end', () => a.results >= 1, HANG_MS);
    const loop = fake.turns.filter((r) => JSON.stringify(r.messages).includes('B1: work for a while'));
    const firstSeen = loop.findIndex((r) => JSON.stringify(r.messages.at(-1)).includes('heads up: main is red'));
    expect(firstSeen).toBeGreaterThan(0);
    // It arrived within the same turn, at the round after it was sent, not at a later prompt.
    expect(firstSeen).toBeLessThanOrEqual(sentAt + 2);
    expect(loop.at(-1)!.messages.length).toBeGreaterThan(loop[firstSeen]!.messages.length - 1);
  });
});
