/**
 * The plugin inside the real `claude` binary (headless, against the Messages API stand-in):
 * manifest validation, a broadcast from one session reaching another's next prompt, a daemon
 * killed in between, and the status table.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, FakeAnthropic, type MessagesRequest } from './fake-anthropic.ts';
import { CLAUDE, claudeEnv, runClaude } from './claude.ts';
import { scriptedModel, promptText } from './scripted-model.ts';
import { isAlive, makeProject, REPO, run, waitFor, type TestProject } from '../support/project.ts';

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await new FakeAnthropic().start();
  fake.script = scriptedModel;
});
afterAll(() => fake.close());

const DELIVERY = 'new message from other Claude Code sessions';

/** The main-conversation requests whose typed prompt contains `marker`. */
function requestsFor(marker: string): MessagesRequest[] {
  return fake.turns.filter((r) => promptText(r).includes(marker));
}

describe('claude plugin validate', () => {
  it('passes --strict (warnings fail) for the plugin and for the repository as a marketplace', async () => {
    for (const dir of ['plugin', '.']) {
      const r = await run(CLAUDE, ['plugin', 'validate', '--strict', dir], { cwd: REPO, env: { ...process.env, DISABLE_AUTOUPDATER: '1' } });
      expect(r.stdout + r.stderr).toContain('Validation passed');
      expect(r.code).toBe(0);
    }
  });
});

describe('two sessions in the real host', () => {
  let p: TestProject;
  let home: string;
  beforeAll(() => {
    p = makeProject({ git: true });
    home = path.join(p.base, 'home');
    fs.mkdirSync(home);
  });
  afterAll(() => p.cleanup());

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
    await waitFor('daemon gone', () => !isAlive(conn.hello.pid));
    await turn('B2k: and now?', b);
    const bReq = requestsFor('B2k: and now?')[0]!;
    expect(allText(bReq)).toContain('branch feat pushed, safe to rebase');
  });
});
