/**
 * 50 rounds of SIGKILL at random moments while four writers broadcast and two sessions drain
 * (one through the drain method, one through the real prompt hook). After each kill a client's
 * connectOrSpawn (or the hook's) starts the next daemon and the others reconnect. Afterwards:
 *   - every acked broadcast is in the mailbox once, and a session that drains only at the end
 *     gets every one of them, once, in seq order;
 *   - no session is ever handed a seq twice, and each gets its seqs in increasing order;
 *   - seq only grows: per writer, and from each daemon to the next;
 *   - a session draining while the daemon is killed misses only the batch of a drain that was
 *     in flight at the kill (its position was made durable, its reply never came).
 */
import * as fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/client/connect.ts';
import { ConnectionError } from '../../src/client/rpc-client.ts';
import { HOOK, isAlive, makeProject, run, sleep, waitFor } from '../support/project.ts';

// Retention never drops what this test counts.
const p = makeProject({ env: { SESSION_BUS_RETAIN_COUNT: '1000000' } });
afterAll(() => p.cleanup());

const ROUNDS = 50;
const WRITERS = 4;
const R1 = { sessionId: 'kill-reader-1', pid: 9101, label: 'main#kread1' };
const R2 = { sessionId: 'kill-reader-2', pid: 9102, label: 'main#kread2' };
const R3_SESSION = 'kill-hook-3';
const R3_PID = 9103;

interface Ack {
  seq: number;
  pid: number;
  writer: number;
}
interface Drained {
  cursorBefore: number;
  cursor: number;
  seqs: number[];
}

/** The daemon went away under us (or is not back yet). */
function isGone(err: unknown): boolean {
  return err instanceof ConnectionError;
}

/** Gone, or a zombie its parent has not reaped yet (a daemon spawned by a hook is reaped by init, in its own time). */
function isDead(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return !isAlive(pid);
  }
}

function hookDrain(): Promise<number[]> {
  return run(process.execPath, [HOOK, 'UserPromptSubmit'], {
    env: { ...p.env, CLAUDE_PID: String(R3_PID), CLAUDE_PROJECT_DIR: p.dir, SESSION_BUS_HOOK_TIMEOUT_MS: '3000' },
    input: JSON.stringify({ session_id: R3_SESSION, hook_event_name: 'UserPromptSubmit', cwd: p.dir, prompt: 'go on' }),
  }).then((r) => {
    expect(r.code).toBe(0);
    if (!r.stdout) return [];
    const context: string = JSON.parse(r.stdout).hookSpecificOutput.additionalContext;
    return [...context.matchAll(/^#(\d+) /gm)].map((m) => Number(m[1]));
  });
}

describe(`${ROUNDS} rounds of SIGKILL during broadcasts and drains`, () => {
  it('loses no acked message, delivers none twice, and seq only grows', async () => {
    const setup = await p.connect();
    for (const r of [R1, R2]) await setup.client.request('register', r);
    setup.client.close();
    // The hook's session starts forward-only at its first sight: make that now, before any message.
    expect(await hookDrain()).toEqual([]);

    const acks: Ack[] = [];
    const killed: number[] = [];
    let done = false;
    let r1InFlight = false;
    let killsDuringR1Drain = 0;

    async function writer(w: number): Promise<void> {
      const who = { sessionId: `kill-writer-${w}`, pid: 9000 + w, label: `main#kwrite${w}` };
      let conn: Connection | undefined;
      let n = 0;
      while (!done) {
        try {
          conn ??= await p.connect({ spawn: false });
          const { seq } = await conn.client.request('broadcast', { ...who, text: `w${w}-${n++}` }, 5000);
          acks.push({ seq, pid: conn.hello.pid, writer: w });
          // A steady stream, not a flood: the rounds are about kills, not about log size.
          await sleep(10 + Math.random() * 30);
        } catch (err) {
          if (!isGone(err)) throw err;
          conn?.client.close();
          conn = undefined;
          await sleep(10);
        }
      }
      conn?.client.close();
    }

    const r1: Drained[] = [];
    async function drainer(): Promise<void> {
      let conn: Connection | undefined;
      while (!done) {
        try {
          conn ??= await p.connect({ spawn: false });
          r1InFlight = true;
          const r = await conn.client.request('drain', { ...R1, via: 'prompt' }, 5000);
          r1.push({ cursorBefore: r.cursorBefore, cursor: r.cursor, seqs: r.messages.map((m) => m.seq) });
        } catch (err) {
          if (!isGone(err)) throw err;
          conn?.client.close();
          conn = undefined;
          await sleep(10);
        } finally {
          r1InFlight = false;
        }
        await sleep(1 + Math.random() * 4);
      }
      conn?.client.close();
    }

    const r3: number[][] = [];
    async function hookDrainer(): Promise<void> {
      while (!done) {
        r3.push(await hookDrain());
        await sleep(150 + Math.random() * 250);
      }
    }

    async function killer(): Promise<void> {
      for (let round = 0; round < ROUNDS; round++) {
        // A daemon that has acked something since the last kill: this round's victim.
        const victim = await waitFor(
          'a fresh daemon to ack broadcasts',
          () => {
            const fresh = acks.filter((a) => !killed.includes(a.pid));
            return fresh.length >= 2 ? fresh[fresh.length - 1]!.pid : undefined;
          },
          20_000,
        );
        await sleep(Math.random() * 25);
        if (r1InFlight) killsDuringR1Drain++;
        process.kill(victim, 'SIGKILL');
        killed.push(victim);
        await waitFor('the victim to die', () => isDead(victim), 5000);
        // One client brings the daemon back (the others wait for it rather than all racing to
        // spawn one: on a 2-CPU machine six daemons starting at once make every round slow).
        const back = await p.connect({ timeoutMs: 10_000 });
        back.client.close();
      }
      done = true;
    }

    await Promise.all([killer(), drainer(), hookDrainer(), ...Array.from({ length: WRITERS }, (_, w) => writer(w))]);
    expect(killed).toHaveLength(ROUNDS);
    expect(new Set(killed).size).toBe(ROUNDS);

    // --- What was acked is in the mailbox, once; no seq acked twice.
    const seqs = acks.map((a) => a.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const final = await p.connect();
    const r2 = await final.client.request('drain', R2);
    const r1Rest = await final.client.request('drain', R1);
    r1.push({ cursorBefore: r1Rest.cursorBefore, cursor: r1Rest.cursor, seqs: r1Rest.messages.map((m) => m.seq) });
    final.client.close();
    const logged = fs
      .readFileSync(p.mailboxPath(), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"type":"msg"'))
      .flatMap((l) => {
        try {
          return [JSON.parse(l).seq as number];
        } catch {
          return [];
        }
      });
    expect(new Set(logged).size).toBe(logged.length);
    const inLog = new Set(logged);
    expect(seqs.filter((s) => !inLog.has(s))).toEqual([]);

    // --- Seq only grows: per writer in ack order, and from one daemon to the next.
    for (let w = 0; w < WRITERS; w++) {
      const mine = acks.filter((a) => a.writer === w).map((a) => a.seq);
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
    }
    const byDaemon = new Map<number, number[]>();
    for (const a of acks) byDaemon.set(a.pid, [...(byDaemon.get(a.pid) ?? []), a.seq]);
    const ranges = [...byDaemon.values()].map((s) => [Math.min(...s), Math.max(...s)] as const);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThan(ranges[i - 1]![1]);

    // --- R2 drained only at the end: every acked seq, once, in order.
    const r2Seqs = r2.messages.map((m) => m.seq);
    expect(r2Seqs).toEqual([...new Set(r2Seqs)].sort((a, b) => a - b));
    const r2Set = new Set(r2Seqs);
    expect(seqs.filter((s) => !r2Set.has(s))).toEqual([]);

    // --- R1 and the hook session: never a seq twice, always in increasing order.
    for (const delivered of [r1.flatMap((d) => d.seqs), r3.flat()]) {
      expect(new Set(delivered).size).toBe(delivered.length);
      expect(delivered).toEqual([...delivered].sort((a, b) => a - b));
    }
    // R1 misses only what a drain cut off by a kill had taken: a gap between one drain's end and
    // the next one's start. There are at most as many gaps as kills that hit a drain in flight.
    const r1Got = new Set(r1.flatMap((d) => d.seqs));
    const gaps: [number, number][] = [];
    for (let i = 1; i < r1.length; i++) if (r1[i]!.cursorBefore !== r1[i - 1]!.cursor) gaps.push([r1[i - 1]!.cursor, r1[i]!.cursorBefore]);
    expect(gaps.length).toBeLessThanOrEqual(killsDuringR1Drain);
    const unexplained = seqs.filter((s) => s > r1[0]!.cursorBefore && !r1Got.has(s) && !gaps.some(([a, b]) => s > a && s <= b));
    expect(unexplained).toEqual([]);
    // The kills did hit drains in flight, and every round made progress.
    expect(killsDuringR1Drain).toBeGreaterThan(0);
    expect(byDaemon.size).toBeGreaterThanOrEqual(ROUNDS);
  }, 120_000);
});
