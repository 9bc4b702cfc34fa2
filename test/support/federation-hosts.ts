/**
 * Federation tests' hosts: a real nats-server (JetStream, loopback, random port) for the file,
 * and brokers with their own socket dirs and mailboxes standing for hosts of one repository
 * (same origin URL). `useFederation()` is called once per test file, at its top.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Connection } from '../../src/client/connect.ts';
import type { MessageRecord, StatusResult } from '../../src/protocol/messages.ts';
import { findNatsServer, NATS_MISSING, natsRequired, startNats, type NatsServer } from './nats.ts';
import { useProjects, waitFor, type TestProject } from './project.ts';

/** Short, so a dead host's presence and claims go within the test's patience. */
export const LEASE_MS = 2000;

export const A1 = { sessionId: 'aaaaaaaa-1111-4000-8000-000000000001', pid: 101, label: 'main#aaaaaa' };
export const A2 = { sessionId: 'aaaaaaaa-2222-4000-8000-000000000002', pid: 102, label: 'main#aaaa22' };
export const B1 = { sessionId: 'bbbbbbbb-1111-4000-8000-000000000001', pid: 201, label: 'main#bbbbbb' };
export const B2 = { sessionId: 'cccccccc-2222-4000-8000-000000000002', pid: 202, label: 'main#cccccc' };
export const C1 = { sessionId: 'dddddddd-1111-4000-8000-000000000001', pid: 301, label: 'main#dddddd' };

export type Who = typeof A1;

/**
 * `scope: 'file'` for a file whose tests run at once (`describe.concurrent`): the hosts of every
 * test are undone after the file, not after each test (which would undo the others' too).
 */
export function useFederation(options: { scope?: 'test' | 'file' } = {}) {
  let nats: NatsServer;
  // A failure on a loaded machine is hard to read without the brokers' side of it.
  const project = useProjects({ scope: options.scope ?? 'test', onFailure: (projects) => projects.forEach(dumpLog) });
  if (options.scope === 'file') {
    afterEach((ctx) => {
      if (ctx.task.result?.state === 'fail') project.list.forEach(dumpLog);
    });
  }

  /** Without nats-server the suite is skipped, saying so in one line; where CI must run it, it fails. */
  const skipped = !findNatsServer() && !natsRequired();
  if (skipped) console.warn(`session-bus: ${NATS_MISSING}`);

  beforeAll(async () => {
    if (!skipped) nats = await startNats();
  });
  afterAll(async () => {
    await nats?.cleanup();
  });

  function uniqueRemote(): string {
    return `git@example.com:team/repo-${randomBytes(4).toString('hex')}.git`;
  }

  /** A "host": its own project dir, socket dir and mailbox; the repository's origin is `remote`. */
  function host(name: string, remote: string | undefined, env: NodeJS.ProcessEnv = {}): TestProject {
    const p = project({ git: true, env: { SESSION_BUS_NATS_URL: nats.url, SESSION_BUS_HOST: name, SESSION_BUS_FED_LEASE_MS: String(LEASE_MS), ...env } });
    if (remote) execFileSync('git', ['-C', p.dir, 'remote', 'add', 'origin', remote]);
    return p;
  }

  function dumpLog(p: TestProject): void {
    let log: string;
    try {
      log = fs.readFileSync(p.endpoint().logPath, 'utf8');
    } catch {
      log = '(no log)';
    }
    const lines = log.split('\n').filter((l) => /federation|claim|"level":[456]0/.test(l));
    console.log(`--- daemon log of ${p.env.SESSION_BUS_HOST} (federation lines) ---\n${lines.slice(-(Number(process.env.FED_LOG_LINES) || 40)).join('\n')}`);
  }

  function connect(p: TestProject): Promise<Connection> {
    return project.connect(p);
  }

  /** Two hosts of one repository on the test's NATS, each with a connection to its broker (both started at once). */
  async function twoHosts(env: NodeJS.ProcessEnv = {}) {
    const remote = uniqueRemote();
    const a = host('hostA', remote, env);
    const b = host('hostB', remote, env);
    const [ca, cb] = await Promise.all([connect(a), connect(b)]);
    return { a, b, ca, cb };
  }

  async function status(c: Connection): Promise<StatusResult> {
    return c.client.request('status', {});
  }

  async function federated(c: Connection, state = 'connected'): Promise<StatusResult> {
    let last: StatusResult['federation'] | undefined;
    try {
      return await waitFor(`federation ${state}`, async () => {
        const s = await status(c);
        last = s.federation;
        return s.federation.state === state ? s : undefined;
      }, 20_000);
    } catch (err) {
      throw new Error(`${(err as Error).message}; last: ${last?.state} (${last?.reason ?? 'no reason'})`);
    }
  }

  /** Sentinels end a wait for messages: what one host sends reaches another in order. */
  let sentinels = 0;
  const isSentinel = (m: { text: string }) => /^sentinel \d+$/.test(m.text);

  /** Broadcasts a sentinel from `who` through `via`; returns its text. */
  async function sendSentinel([via, who]: Sender): Promise<string> {
    const text = `sentinel ${++sentinels}`;
    await via.client.request('broadcast', { ...who, text });
    return text;
  }
  type Sender = [Connection, typeof A1];

  /**
   * Drains `who` until `n` messages came, then until a sentinel that `from` sends after them:
   * an extra message (a duplicate) from that host would come before it. Sentinels are left out.
   */
  async function drainUntil(c: Connection, who: typeof A1, n: number, from: Sender, timeoutMs = 15_000): Promise<MessageRecord[]> {
    const got: MessageRecord[] = [];
    const take = async () => got.push(...(await c.client.request('drain', who)).messages);
    await waitFor(`${n} messages for ${who.label}`, async () => {
      await take();
      return got.filter((m) => !isSentinel(m)).length >= n;
    }, timeoutMs);
    const marker = await sendSentinel(from);
    await waitFor(`the sentinel for ${who.label}`, async () => {
      await take();
      return got.some((m) => m.text === marker);
    }, timeoutMs);
    return got.filter((m) => !isSentinel(m));
  }

  /**
   * The messages in `p`'s mailbox, sentinels left out. Only whole lines: the daemon may be
   * appending the last one as it is read, or have been killed halfway through it (a full run
   * once read `Unterminated string in JSON`).
   */
  function mailboxMessages(p: TestProject, withSentinels = false): MessageRecord[] {
    const text = fs.readFileSync(p.mailboxPath(), 'utf8');
    return text
      .slice(0, text.lastIndexOf('\n') + 1)
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l))
      .filter((e) => e.type === 'msg' && (withSentinels || !isSentinel(e)));
  }

  function claimError(c: Connection, who: typeof A1, resource: string): Promise<string | undefined> {
    return c.client.request('claim', { ...who, resource }).then(
      () => undefined,
      (err: Error) => err.message,
    );
  }

  return {
    skipped,
    /** The file's nats-server (started before its first test). */
    get nats(): NatsServer {
      return nats;
    },
    project,
    uniqueRemote,
    host,
    connect,
    twoHosts,
    status,
    federated,
    isSentinel,
    sendSentinel,
    drainUntil,
    mailboxMessages,
    claimError,
  };
}
