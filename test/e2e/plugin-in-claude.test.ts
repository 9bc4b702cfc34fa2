/**
 * The plugin inside the real `claude` binary (headless, against the Messages API stand-in):
 * manifest validation, a broadcast from one session reaching another's next prompt, a daemon
 * killed in between, and the status table.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allText, FakeAnthropic, type MessagesRequest } from './fake-anthropic.ts';
import { CLAUDE, claudeEnv, HANG_MS, runClaude } from './claude.ts';
import { scriptedModel, promptText, toolResults } from './scripted-model.ts';
import { VERSION } from '../../src/protocol/version.ts';
import { isAlive, REPO, run, useProjects, waitFor, type TestProject } from '../support/project.ts';

// Waits are for events; the time limits are backstops against a hang (see HANG_MS).
vi.setConfig({ testTimeout: HANG_MS, hookTimeout: HANG_MS });

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await new FakeAnthropic().start();
  fake.script = scriptedModel;
});
afterAll(() => fake.close());
const project = useProjects();
/** The project the two sessions share, for the tests of their describe. */
const shared = useProjects({ scope: 'file' });

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

describe('claude plugin validate', () => {
  it('passes --strict (warnings fail) for the plugin and for the repository as a marketplace', async () => {
    for (const dir of ['plugin', '.']) {
      const r = await run(CLAUDE, ['plugin', 'validate', '--strict', dir], { cwd: REPO, env: { ...process.env, DISABLE_AUTOUPDATER: '1' }, timeoutMs: HANG_MS });
      expect(r.stdout + r.stderr).toContain('Validation passed');
      expect(r.code).toBe(0);
    }
  });
});

describe('the CLI inside a session', () => {
  it("the Bash tool finds session-bus: the host puts the plugin's bin/ on PATH", async () => {
    const p = project({ git: true });
    const env = claudeEnv({ fake, env: p.env, home: homeOf(p) });
    const r = await runClaude({ prompt: 'CLI1: BASH[command -v session-bus && session-bus --version && session-bus peers]', cwd: p.dir, env, allowedTools: ['Bash'] });
    expect(r.code, r.stderr).toBe(0);
    const result = toolResults(fake.turns.filter((t) => JSON.stringify(t.messages).includes('CLI1:')).at(-1)!);
    expect(result).toContain(path.join(REPO, 'plugin', 'bin', 'session-bus'));
    expect(result).toContain(VERSION);
    expect(result).toMatch(/SESSION\s+SINCE\s+ACTIVE\s+WORKTREE/);
  });
});

describe('/session-bus:status', () => {
  it('puts the bus state (peers, claims, unread) into the conversation', async () => {
    const p = project({ git: true });
    const conn = await project.connect(p);
    const who = { sessionId: 'bbbbbbbb-2222-4000-8000-000000000002', pid: 4242, label: 'feat#bbbbbb' };
    await conn.client.request('register', { ...who, live: true });
    await conn.client.request('claim', { ...who, resource: 'port:1420', note: 'dev server' });
    const before = fake.turns.length;
    const r = await runClaude({ prompt: '/session-bus:status', cwd: p.dir, env: claudeEnv({ fake, env: p.env, home: homeOf(p) }) });
    expect(r.code, r.stderr).toBe(0);
    const seen = fake.turns.slice(before).map(allText).join('\n');
    expect(seen).toMatch(/session-bus daemon: running/);
    expect(seen).toMatch(/feat#bbbbbb\s+connected/);
    expect(seen).toMatch(/port:1420\s+feat#bbbbbb/);
  });
});

describe('two sessions in the real host', () => {
  let p: TestProject;
  let home: string;
  beforeAll(() => {
    p = shared({ git: true });
    home = path.join(p.base, 'home');
    fs.mkdirSync(home);
  });

  async function turn(prompt: string, resume?: string) {
    const r = await runClaude({ prompt, cwd: p.dir, env: claudeEnv({ fake, env: p.env, home }), resume });
    expect(r.code, r.stderr).toBe(0);
    return r.json!.session_id;
  }

  it("A's broadcast reaches B's next prompt; A's own next prompt does not get it", async () => {
    const b = await turn('B1: hello');
    const a = await turn('A1: BROADCAST[holding the dev server on :1420]');
    const aResult = fake.turns.filter((r) => JSON.stringify(r.messages).includes('sent #'));
    expect(JSON.stringify(aResult.at(-1)?.messages)).toMatch(/sent #\d+ as main#/);

    await turn('B2: what is new?', b);
    const bReq = requestsFor('B2: what is new?')[0]!;
    expect(allText(bReq)).toContain(DELIVERY);
    expect(allText(bReq)).toContain('holding the dev server on :1420');

    await turn('A2: anything new?', a);
    const aReq = requestsFor('A2: anything new?')[0]!;
    expect(allText(aReq)).not.toContain(DELIVERY);

    // Status lists both sessions with their labels.
    const status = JSON.parse((await p.cli(['status', '--json'])).stdout);
    const labels = status.sessions.map((s: { label: string }) => s.label).sort();
    expect(labels).toEqual([`main#${a.replace(/-/g, '').slice(0, 6)}`, `main#${b.replace(/-/g, '').slice(0, 6)}`].sort());
    const human = await p.cli(['status']);
    for (const l of labels) expect(human.stdout).toContain(l);
  });

  it('a daemon killed with SIGKILL between the broadcast and the prompt loses nothing', async () => {
    const b = await turn('B1k: hello');
    await turn('A1k: BROADCAST[branch feat pushed, safe to rebase]');
    const conn = await p.connect();
    conn.client.close();
    process.kill(conn.hello.pid, 'SIGKILL');
    await waitFor('daemon gone', () => !isAlive(conn.hello.pid), HANG_MS);
    await turn('B2k: and now?', b);
    const bReq = requestsFor('B2k: and now?')[0]!;
    expect(allText(bReq)).toContain('branch feat pushed, safe to rebase');
  });
});
