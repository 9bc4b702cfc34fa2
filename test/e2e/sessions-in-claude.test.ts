/**
 * Identity, coordination and real-time delivery inside the real `claude` binary: sessions held
 * open with stream-json input, the plugin's hooks and MCP server as the host runs them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allText, FakeAnthropic, hasToolResult, type MessagesRequest, type Reply } from './fake-anthropic.ts';
import { claudeEnv, HANG_MS, runClaude, StreamingSession, TOOL_PREFIX } from './claude.ts';
import { promptText, scriptedModel } from './scripted-model.ts';
import { useProjects, waitFor, type TestProject } from '../support/project.ts';
import { shortId } from '../../src/protocol/messages.ts';

// Waits are for events; the time limits are backstops against a hang (see HANG_MS).
vi.setConfig({ testTimeout: HANG_MS, hookTimeout: HANG_MS });

/** One project and HOME for the file, as a user's machine: each test's sessions end with it. */
const project = useProjects({ scope: 'file' });
let fake: FakeAnthropic;
let p: TestProject;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  fake = await new FakeAnthropic().start();
  fake.script = (req) => busyLoop?.(req) ?? scriptedModel(req);
  p = project({ git: true });
  const home = path.join(p.base, 'home');
  fs.mkdirSync(home);
  env = claudeEnv({ fake, env: p.env, home });
});
afterAll(() => fake.close());

/** The busy test's slow model, while it runs (undefined: the prompt is not its). */
let busyLoop: ((req: MessagesRequest) => Reply | undefined) | undefined;

/** A new session held open (stream-json), ended by `onEnd` (the test's onTestFinished). */
function session(onEnd: (close: () => Promise<void>) => void): StreamingSession {
  const s = new StreamingSession({ cwd: p.dir, env });
  onEnd(() => s.close());
  return s;
}

/** One headless turn of a new session (-p). */
async function once(prompt: string) {
  const r = await runClaude({ prompt, cwd: p.dir, env });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

async function turn(s: StreamingSession, prompt: string, results: number): Promise<void> {
  s.send(prompt);
  await waitFor(`turn "${prompt}"`, () => s.results >= results, HANG_MS);
}

/** Requests of the main conversation whose typed prompt contains `marker`. */
const requestsFor = (marker: string) => fake.turns.filter((r) => promptText(r).includes(marker));
/** Tool results that came back in the conversation of the request(s) for `marker`. */
const toolResultAfter = (marker: string) =>
  fake.turns.filter((r) => hasToolResult(r) && JSON.stringify(r.messages).includes(marker)).map((r) => JSON.stringify(r.messages.at(-1)));

describe('identity', () => {
  it("after /clear (new session id, same Claude process) a session still never gets its own messages", async ({ onTestFinished }) => {
    const a = session(onTestFinished);
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
  it("A claims port:1420; B's claim is refused naming A; A's session ends; B's claim succeeds", async ({ onTestFinished }) => {
    const a = session(onTestFinished);
    // B, held open, asks twice: one start of the host for both of its prompts.
    const b = session(onTestFinished);
    await turn(a, 'K1: CLAIM[port:1420]', 1);
    const aLabel = `main#${shortId(a.sessionId!)}`;
    await turn(b, 'K2: CLAIM[port:1420]', 1);
    expect(toolResultAfter('K2: CLAIM[port:1420]').join()).toContain(`port:1420 is held by ${aLabel}`);
    await a.close();
    await turn(b, 'K3: CLAIM[port:1420]', 2);
    expect(toolResultAfter('K3: CLAIM[port:1420]').join()).toContain('claimed port:1420');
  });

  it('a direct message reaches only its recipient', async ({ onTestFinished }) => {
    const a = session(onTestFinished);
    const c = session(onTestFinished);
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
  // One session for both tests (one start of the host): idle in the first, busy in the second.
  let a: StreamingSession;
  beforeAll(() => {
    a = session((close) => project.defer(close));
  });

  it('an idle session starts a new turn with a direct message within 2 s', async () => {
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
    // A model calling a tool in a loop, six rounds; its second answer is held until the message
    // is sent: the session is mid-turn then, whatever the load.
    let rounds = 0;
    let sent!: () => void;
    const isSent = new Promise<void>((r) => (sent = r));
    busyLoop = (req) => {
      if (!req.tools?.length || !JSON.stringify(req.messages).includes('B1: work for a while')) return undefined;
      rounds += 1;
      return rounds <= 6 ? { tool: `${TOOL_PREFIX}peers`, input: {}, after: rounds === 2 ? isSent : undefined } : { text: 'finished' };
    };
    const results = a.results;
    try {
      a.send('B1: work for a while');
      await waitFor('busy', () => rounds >= 2, HANG_MS);
      const sentAt = rounds;
      await p.cli(['send', 'heads up: main is red']).finally(sent);
      await waitFor('the turn to end', () => a.results >= results + 1, HANG_MS);
      const loop = fake.turns.filter((r) => JSON.stringify(r.messages).includes('B1: work for a while'));
      const firstSeen = loop.findIndex((r) => JSON.stringify(r.messages.at(-1)).includes('heads up: main is red'));
      expect(firstSeen).toBeGreaterThan(0);
      // It arrived within the same turn, at the round after it was sent, not at a later prompt.
      expect(firstSeen).toBeLessThanOrEqual(sentAt + 2);
      expect(loop.at(-1)!.messages.length).toBeGreaterThan(loop[firstSeen]!.messages.length - 1);
    } finally {
      busyLoop = undefined;
    }
  });
});
