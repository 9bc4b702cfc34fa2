/**
 * Federation settings and the mailbox's federation position: pure, no NATS.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFederation } from '../../src/cli/doctor-checks.ts';
import { normalizeRemoteUrl, projectKeyOf, readFederationConfig, redactUrl, type FederationConfig } from '../../src/daemon/federation/config.ts';
import { refusedStatus } from '../../src/daemon/federation/start.ts';
import { loadHostId } from '../../src/daemon/federation/host-id.ts';
import { JsonlMailboxLog } from '../../src/daemon/mailbox-log.ts';

describe('project key', () => {
  it('one repository gives one key however each host spells its remote', () => {
    const spellings = [
      'git@github.com:team/repo.git',
      'ssh://git@github.com/team/repo',
      'https://github.com/team/repo.git',
      'https://alice:s3cret@GitHub.com/team/repo/',
      'ssh://git@github.com:22/team/repo.git',
    ];
    expect(new Set(spellings.map(normalizeRemoteUrl))).toEqual(new Set(['github.com/team/repo']));
    expect(new Set(spellings.map(projectKeyOf)).size).toBe(1);
    expect(projectKeyOf('git@github.com:team/other.git')).not.toBe(projectKeyOf(spellings[0]!));
    expect(projectKeyOf(spellings[0]!)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('readFederationConfig', () => {
  const remote = 'git@example.com:team/repo.git';

  it('is off unless SESSION_BUS_NATS_URL is set: nothing is sent anywhere', () => {
    expect(readFederationConfig({}, undefined, remote)).toEqual({ mode: 'off' });
    expect(readFederationConfig({ SESSION_BUS_NATS_URL: '  ' }, undefined, remote)).toEqual({ mode: 'off' });
  });

  it('a daemon that does not federate runs no git at start (the origin remote was read on every start, federation off or not)', () => {
    // A `git` first on PATH that leaves a trace when run.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-fake-git-'));
    const trace = path.join(bin, 'ran');
    fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\ntouch '${trace}'\n`, { mode: 0o755 });
    const before = process.env.PATH;
    process.env.PATH = `${bin}:${before}`;
    try {
      expect(readFederationConfig({}, '/some/repo/.git')).toEqual({ mode: 'off' });
      expect(fs.existsSync(trace)).toBe(false);
      // Federation on without a project key: now the remote is asked.
      readFederationConfig({ SESSION_BUS_NATS_URL: 'nats://h:4222' }, '/some/repo/.git');
      expect(fs.existsSync(trace)).toBe(true);
    } finally {
      process.env.PATH = before;
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });

  it('refuses without a project key rather than guessing one', () => {
    const c = readFederationConfig({ SESSION_BUS_NATS_URL: 'nats://127.0.0.1:4222' }, undefined, undefined);
    expect(c).toMatchObject({ mode: 'refused', reason: expect.stringMatching(/no "origin" remote.*SESSION_BUS_PROJECT/) });
    expect(readFederationConfig({ SESSION_BUS_NATS_URL: 'nats://x', SESSION_BUS_PROJECT: 'a b' }, undefined, remote)).toMatchObject({ mode: 'refused', reason: expect.stringMatching(/SESSION_BUS_PROJECT must be/) });
  });

  it('takes the key from the remote or SESSION_BUS_PROJECT, credentials and TLS from the usual options', () => {
    const on = readFederationConfig(
      {
        SESSION_BUS_NATS_URL: 'tls://bob:pw@nats.example.com:4222, tls://nats2.example.com:4222',
        SESSION_BUS_NATS_TOKEN: 't0k',
        SESSION_BUS_NATS_CREDS: '/etc/nats/user.creds',
        SESSION_BUS_NATS_CA: '/etc/nats/ca.pem',
        SESSION_BUS_HOST: 'buildbox',
      },
      undefined,
      remote,
    );
    expect(on).toMatchObject({
      mode: 'on',
      settings: {
        servers: ['tls://nats.example.com:4222', 'tls://nats2.example.com:4222'],
        displayUrl: 'tls://nats.example.com:4222,tls://nats2.example.com:4222',
        auth: { user: 'bob', pass: 'pw', token: 't0k', credsFile: '/etc/nats/user.creds' },
        tls: { caFile: '/etc/nats/ca.pem' },
        project: projectKeyOf(remote),
        hostName: 'buildbox',
        leaseMs: 15_000,
      },
    });
    const plain = readFederationConfig({ SESSION_BUS_NATS_URL: 'nats://127.0.0.1:4222', SESSION_BUS_PROJECT: 'team-repo', SESSION_BUS_NATS_USER: 'u', SESSION_BUS_NATS_PASSWORD: 'p' }, undefined, undefined);
    expect(plain).toMatchObject({ mode: 'on', settings: { project: 'team-repo', auth: { user: 'u', pass: 'p' } } });
    expect(plain.mode === 'on' && plain.settings.tls).toBeFalsy();
    expect(redactUrl('nats://user:pass@host:4222')).toBe('nats://host:4222');
    expect(readFederationConfig({ SESSION_BUS_NATS_URL: 'nats://s%40cret-token@h:4222' }, undefined, remote)).toMatchObject({ mode: 'on', settings: { servers: ['nats://h:4222'], auth: { token: 's@cret-token' } } });
  });
});

describe('federation position in the mailbox', () => {
  it('replay rebuilds the published position and the per-host received floors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-unit-'));
    try {
      const file = path.join(dir, 'mailbox.jsonl');
      const msg = (seq: number, extra: object = {}) => JSON.stringify({ type: 'msg', seq, ts: 1, origin: { sessionId: 's', pid: 0 }, from: 'x@h', kind: 'note', text: `m${seq}`, ...extra });
      fs.writeFileSync(
        file,
        [
          msg(1),
          JSON.stringify({ type: 'fed', published: 1 }),
          msg(2, { host: 'hostB', remoteId: 'bbbbbbbbbbbb:7' }),
          msg(3, { host: 'hostB', remoteId: 'bbbbbbbbbbbb:8' }),
          msg(4, { host: 'hostC', remoteId: 'cccccccccccc:2' }),
          JSON.stringify({ type: 'fed', published: 3, received: { dddddddddddd: 5, bbbbbbbbbbbb: 1 } }),
        ].join('\n') + '\n',
      );
      const { state, warnings } = new JsonlMailboxLog(file).replay();
      expect(warnings).toEqual([]);
      expect(state.federation?.published).toBe(3);
      // The floors come from the fed entries; the retained messages carry their own remoteIds.
      expect(Object.fromEntries(state.federation!.received)).toEqual({ bbbbbbbbbbbb: 1, dddddddddddd: 5 });
      expect(state.messages[1]).toMatchObject({ host: 'hostB', remoteId: 'bbbbbbbbbbbb:7' });
      // A log that never federated has no position: federation then starts after its last seq.
      fs.writeFileSync(file, msg(1) + '\n');
      expect(new JsonlMailboxLog(file).replay().state.federation).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the host id is made once and kept beside the mailbox', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-unit-'));
    try {
      const first = loadHostId(dir);
      expect(first.id).toMatch(/^[0-9a-f]{12}$/);
      expect(loadHostId(dir)).toEqual(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('federation floors at compaction', () => {
  it('rise to just below the oldest retained message of each host, never fall', async () => {
    const { Federation } = await import('../../src/daemon/federation/federation.ts');
    const rec = (seq: number, remoteId?: string) => ({ seq, ts: 1, origin: { sessionId: 's', pid: 0 }, from: 'x', kind: 'note' as const, text: 't', ...(remoteId ? { remoteId } : {}) });
    let retained = [rec(1, 'bbbbbbbbbbbb:5'), rec(2), rec(3, 'bbbbbbbbbbbb:6'), rec(4, 'cccccccccccc:3')];
    const persisted: unknown[] = [];
    const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const f = new Federation(
      { servers: ['nats://127.0.0.1:1'], displayUrl: 'nats://127.0.0.1:1', auth: {}, project: 'p', hostName: 'me', leaseMs: 3000 },
      { id: 'aaaaaaaaaaaa', createdAt: 0 },
      { logger, ingest: async () => undefined, persist: async (e) => void persisted.push(e), localSessions: () => [], localClaims: () => [], isLocalSession: () => false },
      { published: 2, received: new Map([['dddddddddddd', 9]]) },
      4,
      (after) => retained.filter((r) => r.seq > after),
    );
    // The outbox after a restart: local broadcasts after the published position.
    expect(f.status().outbox).toBe(0);
    expect(f.snapshotEntry()).toEqual({ type: 'fed', published: 2, received: { bbbbbbbbbbbb: 4, cccccccccccc: 2, dddddddddddd: 9 } });
    retained = [rec(4, 'cccccccccccc:3')];
    expect(f.snapshotEntry().received).toEqual({ bbbbbbbbbbbb: 6, cccccccccccc: 2, dddddddddddd: 9 });
    expect(persisted).toEqual([]);
    f.stop();
  });
});

describe('refused settings say which setting and how to fix it (issue 19)', () => {
  const remote = 'git@example.com:team/repo.git';
  /** What status (and so doctor) gets from a refused configuration. */
  const refused = (c: FederationConfig) => {
    if (c.mode !== 'refused') throw new Error(`expected refused, got ${c.mode}`);
    return refusedStatus(c);
  };

  it('issue 19: doctor\'s fix for a bad SESSION_BUS_FED_LEASE_MS names the lease, not the project key', () => {
    for (const bad of ['abc', '500', '-1', 'Infinity']) {
      const c = readFederationConfig({ SESSION_BUS_NATS_URL: 'nats://h:4222', SESSION_BUS_FED_LEASE_MS: bad }, undefined, remote);
      expect(c).toMatchObject({ mode: 'refused', reason: expect.stringContaining('SESSION_BUS_FED_LEASE_MS') });
      const check = checkFederation(refused(c));
      expect(check.status).toBe('fail');
      expect(check.fix).toMatch(/fed-lease-ms|SESSION_BUS_FED_LEASE_MS/);
      expect(check.fix).not.toMatch(/SESSION_BUS_PROJECT|origin remote/);
    }
    // The project key's refusal keeps its own fix.
    const noKey = readFederationConfig({ SESSION_BUS_NATS_URL: 'nats://h:4222' }, undefined, undefined);
    expect(checkFederation(refused(noKey)).fix).toMatch(/SESSION_BUS_PROJECT/);
  });

  it('issue 19: a garbage SESSION_BUS_NATS_URL is refused at config time with the reason, not retried forever', () => {
    const cases: [string, RegExp][] = [
      ['not a url', /"not a url" is not a NATS URL/],
      ['nats://', /"nats:\/\/" names no host/],
      ['http://x:99999', /"http:\/\/x:99999": the scheme must be nats:\/\/ or tls:\/\//],
      ['nats://x:99999', /"nats:\/\/x:99999": the port must be a number from 1 to 65535, not "99999"/],
      ['nats://host:port', /"nats:\/\/host:port": the port must be a number from 1 to 65535, not "port"/],
      ['nats://h:4222,nats://h2:', /"nats:\/\/h2:": the port must be/],
      ['nats://bob:s3cret@host:port', /"nats:\/\/host:port"/],
    ];
    for (const [url, reason] of cases) {
      const c = readFederationConfig({ SESSION_BUS_NATS_URL: url }, undefined, remote);
      expect(c, url).toMatchObject({ mode: 'refused', reason: expect.stringMatching(/^SESSION_BUS_NATS_URL /) });
      expect(c.mode === 'refused' && c.reason, url).toMatch(reason);
      // Credentials never shown, in the reason or the URL.
      expect(JSON.stringify(c)).not.toContain('s3cret');
      expect(checkFederation(refused(c)).fix).toMatch(/nats-url|SESSION_BUS_NATS_URL/);
    }
    for (const url of ['nats://h:4222', 'tls://h.example.com:4222', 'h:4222', 'localhost', 'nats://[::1]:4222', 'nats://u:p@h:4222', 'NATS://H:4222/']) {
      expect(readFederationConfig({ SESSION_BUS_NATS_URL: url }, undefined, remote).mode, url).toBe('on');
    }
  });
});
