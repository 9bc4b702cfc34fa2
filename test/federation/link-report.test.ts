/**
 * How the link reads in status: "issue 19 finding 2: for 10–14 s after a cut, status says
 * connected" — a link the client believes connected but whose heartbeat went unanswered is
 * reported disconnected, with how long it has been silent; a lease differing from the bus's is told.
 */
import { describe, expect, it } from 'vitest';
import { linkReport, type LinkFacts } from '../../src/daemon/federation/link-report.ts';

const base: LinkFacts = { now: 100_000, state: 'connected', ready: true, stateSince: 10_000, confirmed: true, lastAnswerAt: 99_500, outbox: 0, settingLeaseMs: 15_000 };

describe('link report', () => {
  it('connected and answering: connected, no warning', () => {
    expect(linkReport(base)).toEqual({ state: 'connected', since: 10_000, warnings: [] });
  });

  it('issue 19 finding 2: connected as the client sees it but silent: disconnected since the last answer, claims local only', () => {
    const r = linkReport({ ...base, confirmed: false, lastAnswerAt: 96_000, outbox: 3 });
    expect(r).toMatchObject({ state: 'disconnected', reason: 'no answer from NATS for 4 s', since: 96_000 });
    expect(r.warnings).toEqual(['NATS unreachable (no answer from NATS for 4 s): claims are local only; 3 message(s) wait to be forwarded']);
  });

  it('disconnected by the client: its own error, its own time', () => {
    expect(linkReport({ ...base, state: 'disconnected', confirmed: false, lastError: 'ECONNREFUSED', stateSince: 50_000 })).toMatchObject({ state: 'disconnected', reason: 'ECONNREFUSED', since: 50_000 });
  });

  it('issue 19 finding 3: a lease setting that differs from the bus\'s is named, with the value in use', () => {
    expect(linkReport({ ...base, busLeaseMs: 1000 }).warnings).toEqual([
      "lease: SESSION_BUS_FED_LEASE_MS is 15000 ms here, but the bus was made with 1000 ms; the bus's lease is used (set the same value on every host)",
    ]);
    expect(linkReport({ ...base, busLeaseMs: 15_000 }).warnings).toEqual([]);
  });
});
