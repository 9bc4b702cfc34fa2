/**
 * The plugin inside the real `claude` binary (headless, against the Messages API stand-in):
 * manifest validation, a broadcast from one session reaching another's next prompt, a daemon
 * killed in between, the status command and the CLI on the Bash tool's PATH.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allText, FakeAnthropic, type MessagesRequest } from './fake-anthropic.ts';
import { CLAUDE, claudeEnv, HANG_MS, runClaude, StreamingSession } from './claude.ts';
import { scriptedModel, promptText, toolResults } from './scripted-model.ts';
import { VERSION } from '../../src/protocol/version.ts';
import { isAlive, REPO, run, useProjects, waitFor, type TestProject } from '../support/project.ts';

// Waits are for events; the time limits are backstops against a hang (see HANG_MS).
vi.setConfig({ testTimeout: HANG_MS, hookTimeout: HANG_MS });

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await new FakeAnthropic().start();
  fake.script = (req) => {
    const reply = scriptedModel(req);
    // A turn's model held until an event of the test (see `holdUntil`).
    const hold = [...holds].find(([marker]) => promptText(req).includes(marker));
    return hold ? { ...reply, after: hold[1] } : reply;
  };
});
afterAll(() => fake.close());
/** Projects go after the file; the commands' session ends with its describe. */
const project = useProjects({ scope: 'file' });

/** Turns whose model reply waits for an event: typed-prompt marker -> the event. */
const holds = new Map<string, Promise<unknown>>();

const DELIVERY = 'new message from other Claude Code sessions';

/** A HOME inside the project's folder: removed with it (a HOME of its own in /tmp was left behind). */
function homeOf(p: TestProject): string {
  const home = path.join(p.base, 'home');
  fs.mkdirSync(home, { recursive: true });
  return home;
}

/** The main-conversation requests whose typed prompt contains `marker`. */
function requestsFor(marker: string): MessagesRequest[] {
  return fake.turns.filter((r) => promptText(r).includes(marker));
}

async function turn(s: StreamingSession, prompt: string): Promise<void> {
  const results = s.results + 1;
  s.send(prompt);
  await waitFor(`turn "${prompt}"`, () => s.results >= results, HANG_MS);
}

describe('claude plugin validate', () => {
  it('passes --strict (warnings fail) for the plugin and for the repository as a marketplace', async () => {
    const runs = await Promise.all(['plugin', '.'].map((dir) => run(CLAUDE, ['plugin', 'validate', '--strict', dir], { cwd: REPO, env: { ...process.env, DISABLE_AUTOUPDATER: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' }, timeoutMs: HANG_MS })));
    for (const r of runs) {
      expect(r.stdout + r.stderr).toContain('Validation passed');
      expect(r.code).toBe(0);
    }
  });
});

/** One session (one start of the host) for the slash command and the Bash tool's CLI: a turn each. */
describe('commands inside a session', () => {
  let p: TestProject;
  let s: StreamingSession;
  beforeAll(async () => {
    p = project({ git: true });
    // Another session on the bus, with a claim: what /session-bus:status must show.
    const conn = await project.connect(p);
    const who = { sessionId: 'bbbbbbbb-2222-4000-8000-000000000002', pid: 4242, label: 'feat#bbbbbb' };
    await conn.client.request('register', { ...who, live: true });
    await conn.client.request('claim', { ...who, resource: 'port:1420', note: 'dev server' });
    s = new StreamingSession({ cwd: p.dir, env: claudeEnv({ fake, env: p.env, home: homeOf(p) }), allowedTools: ['Bash'] });
  });
  afterAll(() => s.close());

  it('/session-bus:status puts the bus state (peers, claims, unread) into the conversation', async () => {
    await turn(s, '/session-bus:status');
    // The command's own text marks its turn.
    const seen = fake.turns.map(allText).filter((t) => t.includes("The project's session bus right now")).join('\n');
    expect(seen).toMatch(/session-bus daemon: running/);
    expect(seen).toMatch(/feat#bbbbbb\s+connected/);
    expect(seen).toMatch(/port:1420\s+feat#bbbbbb/);
  });

  it("the Bash tool finds session-bus: the host puts the plugin's bin/ on PATH", async () => {
    await turn(s, 'CLI1: BASH[command -v session-bus && session-bus --version && session-bus peers]');
    const result = toolResults(fake.turns.filter((t) => JSON.stringify(t.messages).includes('CLI1:')).at(-1)!);
    expect(result).toContain(path.join(REPO, 'plugin', 'bin', 'session-bus'));
    expect(result).toContain(VERSION);
    expect(result).toMatch(/SESSION\s+SINCE\s+ACTIVE\s+WORKTREE/);
  });
});

describe('two sessions in the real host', () => {
  it("A's broadcast reaches B's next prompt; A's own next prompt does not get it; a daemon killed with SIGKILL between a broadcast and the prompt loses nothing", async () => {
    // Separate runs of the host (-p, then --resume): between two prompts a session has no
    // process, only what the daemon keeps.
    const p = project({ git: true });
    const env = claudeEnv({ fake, env: p.env, home: homeOf(p) });
    async function once(prompt: string, resume?: string) {
      const r = await runClaude({ prompt, cwd: p.dir, env, resume });
      expect(r.code, r.stderr).toBe(0);
      return r.json!.session_id;
    }

    // A and B start at the same time; A's broadcast is held until B's first prompt is over (a
    // session hears what is sent after it came).
    let b1Done!: () => void;
    holds.set('A1:', new Promise<void>((r) => (b1Done = r)));
    const [b, a] = await Promise.all([once('B1: hello').finally(() => b1Done()), once('A1: BROADCAST[holding the dev server on :1420]')]);
    const aResult = fake.turns.filter((r) => JSON.stringify(r.messages).includes('A1:') && JSON.stringify(r.messages).includes('sent #'));
    expect(JSON.stringify(aResult.at(-1)?.messages)).toMatch(/sent #\d+ as main#/);

    // B's next prompt and A's run at the same time. A's second broadcast (for the kill below)
    // is held until B's prompt is over: else B's prompt could take it now.
    let bDone!: () => void;
    holds.set('A2:', new Promise<void>((r) => (bDone = r)));
    const [, a2] = await Promise.all([once('B2: what is new?', b).finally(() => bDone()), once('A2: anything new? BROADCAST[branch feat pushed, safe to rebase]', a)]);
    expect(a2).toBe(a);
    const bReq = requestsFor('B2: what is new?')[0]!;
    expect(allText(bReq)).toContain(DELIVERY);
    expect(allText(bReq)).toContain('holding the dev server on :1420');
    expect(allText(bReq)).not.toContain('branch feat pushed, safe to rebase');
    const aReq = requestsFor('A2: anything new?')[0]!;
    expect(allText(aReq)).not.toContain(DELIVERY);
    const a2Result = fake.turns.filter((r) => JSON.stringify(r.messages).includes('A2:') && JSON.stringify(r.messages).includes('sent #'));
    expect(JSON.stringify(a2Result.at(-1)?.messages)).toMatch(/sent #\d+ as main#/);

    // Status lists both sessions with their labels.
    const status = JSON.parse((await p.cli(['status', '--json'])).stdout);
    const labels = status.sessions.map((s: { label: string }) => s.label).sort();
    expect(labels).toEqual([`main#${a.replace(/-/g, '').slice(0, 6)}`, `main#${b.replace(/-/g, '').slice(0, 6)}`].sort());
    const human = await p.cli(['status']);
    for (const l of labels) expect(human.stdout).toContain(l);

    // The daemon is killed between A's second broadcast and B's next prompt: nothing is lost.
    const conn = await p.connect();
    conn.client.close();
    process.kill(conn.hello.pid, 'SIGKILL');
    await waitFor('daemon gone', () => !isAlive(conn.hello.pid), HANG_MS);
    await once('B3: and now?', b);
    const b3Req = requestsFor('B3: and now?')[0]!;
    expect(allText(b3Req)).toContain(DELIVERY);
    expect(allText(b3Req)).toContain('branch feat pushed, safe to rebase');
  });
});
