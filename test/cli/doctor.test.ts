import type * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkFederation,
  checkHostInbox,
  checkLogErrors,
  checkNode,
  checkRegistrations,
  checkSocketDir,
  checkSocketFile,
  checkVersions,
} from '../../src/cli/doctor-checks.ts';
import { formatDoctor } from '../../src/cli/doctor.ts';
import { judgeValidation, validationErrors } from '../../src/cli/doctor-plugin.ts';
import type { FederationStatus, StatusResult } from '../../src/protocol/messages.ts';
import { PROTOCOL_VERSION, VERSION } from '../../src/protocol/version.ts';

const st = (o: { mode: number; uid?: number; dir?: boolean; link?: boolean; socket?: boolean }) =>
  ({
    mode: o.mode,
    uid: o.uid ?? 1000,
    isDirectory: () => o.dir ?? false,
    isSymbolicLink: () => o.link ?? false,
    isSocket: () => o.socket ?? false,
  }) as unknown as fs.Stats;

describe('doctor checks', () => {
  it('node: 20 or newer', () => {
    expect(checkNode('v20.0.0').status).toBe('ok');
    expect(checkNode('v22.3.1').status).toBe('ok');
    expect(checkNode('v18.19.0')).toMatchObject({ status: 'fail', message: expect.stringContaining('needs Node 20 or newer') });
  });

  it('socket dir: absent is fine; a symlink, another owner or group/other bits fail with the fix', () => {
    expect(checkSocketDir('/d', undefined).status).toBe('ok');
    expect(checkSocketDir('/d', st({ mode: 0o40700, dir: true }), 1000)).toMatchObject({ status: 'ok', message: '/d (yours, mode 700)' });
    expect(checkSocketDir('/d', st({ mode: 0o40750, dir: true }), 1000)).toEqual({
      name: 'socket dir',
      status: 'fail',
      message: 'refusing the socket directory /d: mode 750 lets others in',
      fix: 'Run: chmod 700 /d',
    });
    expect(checkSocketDir('/d', st({ mode: 0o40700, dir: true, uid: 0 }), 1000).message).toMatch(/owned by uid 0, not by you \(uid 1000\)/);
    expect(checkSocketDir('/d', st({ mode: 0o120777, link: true }), 1000).message).toMatch(/it is a symlink/);
    expect(checkSocketDir('/d', st({ mode: 0o100600 }), 1000).message).toMatch(/not a directory/);
  });

  it('socket file: must be a socket of ours with mode 600', () => {
    expect(checkSocketFile('/d/x.sock', undefined)).toBeUndefined();
    expect(checkSocketFile('/d/x.sock', st({ mode: 0o140600, socket: true }), 1000)).toBeUndefined();
    expect(checkSocketFile('/d/x.sock', st({ mode: 0o140644, socket: true }), 1000)).toMatchObject({ status: 'fail', fix: expect.stringContaining('chmod 600 /d/x.sock') });
    expect(checkSocketFile('/d/x.sock', st({ mode: 0o100600 }), 1000)).toMatchObject({ status: 'fail', message: '/d/x.sock is not a socket' });
  });

  it('version skew: same is ok, an older daemon or a newer one of our protocol warns, a newer protocol fails', () => {
    const hello = (version: string, protocol = PROTOCOL_VERSION) => ({ version, protocol, pid: 1, root: '/r', startedAt: 0 });
    expect(checkVersions(hello(VERSION)).status).toBe('ok');
    expect(checkVersions(hello('0.0.1'))).toMatchObject({ status: 'warn', message: expect.stringContaining('older than this CLI'), fix: expect.stringContaining('session-bus restart') });
    expect(checkVersions(hello('99.0.0'))).toMatchObject({ status: 'warn', message: expect.stringContaining('newer than this CLI') });
    expect(checkVersions(hello('99.0.0', PROTOCOL_VERSION + 1))).toMatchObject({ status: 'fail', message: expect.stringContaining('is newer than this client') });
  });

  it('registrations: a connected session whose Claude Code process is gone is stale', () => {
    const session = (label: string, pid: number, connected: boolean) => ({ sessionId: label, shortId: label, label, pid, connected, queueDepth: 0, cursor: 0, firstSeen: 0, lastSeen: 0 });
    const status = { sessions: [session('a', 10, true), session('b', 20, true), session('c', 30, false), session('human:x', 0, false)] } as unknown as StatusResult;
    expect(checkRegistrations(status, () => true)).toMatchObject({ status: 'ok', message: '2 connected sessions, each with a live Claude Code process' });
    expect(checkRegistrations(status, (pid) => pid !== 20)).toMatchObject({ status: 'fail', message: 'stale registration: b (Claude Code pid 20 is gone) still shows as connected' });
    expect(checkRegistrations({ sessions: [] } as unknown as StatusResult, () => false).message).toBe('no session is connected');
  });

  it('daemon log: counts error and fatal lines, names the last', () => {
    const lines = [
      JSON.stringify({ level: 30, msg: 'daemon started' }),
      JSON.stringify({ level: 50, msg: 'mailbox append failed; message refused' }),
      JSON.stringify({ level: 40, msg: 'slow consumer' }),
      'session-bus daemon failed to start: EADDRINUSE',
    ].join('\n');
    expect(checkLogErrors('/l', lines)).toMatchObject({ status: 'warn', message: '/l has 2 recent errors; the last: session-bus daemon failed to start: EADDRINUSE' });
    expect(checkLogErrors('/l', JSON.stringify({ level: 30, msg: 'ok' })).status).toBe('ok');
    expect(checkLogErrors('/l', JSON.stringify({ level: 50, msg: 'old', time: 1000 }), 2 * 86_400_000).status).toBe('ok');
    expect(checkLogErrors('/l', JSON.stringify({ level: 60, msg: 'new', time: 1000 }), 2000).message).toBe('/l has 1 recent error; the last: new');
    expect(checkLogErrors('/l', undefined).status).toBe('ok');
  });

  it('host inbox: skipped outside a session, ok for a socket, failing when it is gone or has no token', () => {
    const none = () => undefined;
    expect(checkHostInbox({}, none).status).toBe('skip');
    expect(checkHostInbox({ CLAUDE_CODE_MESSAGING_SOCKET: '/s' }, none)).toMatchObject({ status: 'fail', message: expect.stringContaining('CLAUDE_CODE_MESSAGING_TOKEN is not') });
    expect(checkHostInbox({ CLAUDE_CODE_MESSAGING_SOCKET: '/s', CLAUDE_CODE_MESSAGING_TOKEN: 't' }, none).message).toContain('which is missing');
    const sock = () => st({ mode: 0o140600, socket: true });
    expect(checkHostInbox({ CLAUDE_CODE_MESSAGING_SOCKET: '/s', CLAUDE_CODE_MESSAGING_TOKEN: 't' }, sock).status).toBe('ok');
    expect(checkHostInbox({ CLAUDE_CODE_MESSAGING_SOCKET: '/s', CLAUDE_CODE_MESSAGING_TOKEN: 't', SESSION_BUS_WAKE: 'none' }, sock).message).toContain('SESSION_BUS_WAKE=none');
  });

  it('plugin validation: passes on exit 0 with "Validation passed"; a failure quotes the errors, not the directory-listing problems', () => {
    const real = [
      'Validating plugin manifest: /p/.claude-plugin/plugin.json',
      '',
      '✘ Found 1 error:',
      '',
      '  ❯ name: Plugin name "claude-foo" is reserved',
      '',
      '⚠ Found 3 warnings:',
      '',
      '  ❯ version: No version specified.',
      '',
      '✘ Found 2 problems the plugin directory refuses a submission for:',
      '',
      '  ❯ README.md: README missing (README_MISSING).',
      '',
      '✘ Validation failed',
    ].join('\n');
    expect(validationErrors(real)).toEqual(['name: Plugin name "claude-foo" is reserved']);
    expect(judgeValidation('claude', '/p', { code: 1, output: real, timedOut: false })).toMatchObject({ status: 'fail', message: '/p does not validate: name: Plugin name "claude-foo" is reserved' });
    expect(judgeValidation('claude', '/p', { code: 0, output: '✔ Validation passed with warnings', timedOut: false })).toMatchObject({ status: 'ok', message: expect.stringContaining('with warnings') });
    expect(judgeValidation('claude', '/p', { code: null, output: '', timedOut: true }).message).toMatch(/did not finish/);
    expect(judgeValidation('claude', '/p', { code: 127, output: 'claude: not found', timedOut: false }).message).toBe('/p does not validate: claude: not found');
  });

  it('prints ok or what is wrong with its fix, and a verdict', () => {
    const text = formatDoctor(
      {
        ok: false,
        root: '/r',
        checks: [
          { name: 'node', status: 'ok', message: 'node v20.1.0' },
          { name: 'socket dir', status: 'fail', message: 'mode 755 lets others in', fix: 'Run: chmod 700 /d' },
        ],
      },
      false,
    );
    expect(text).toBe(['session-bus doctor for /r', '  ok    node        node v20.1.0', '  FAIL  socket dir  mode 755 lets others in', '                    fix: Run: chmod 700 /d', '', '1 check failed.'].join('\n'));
  });

  it('federation: off is fine, refused fails with a fix, disconnected warns that claims are local only', () => {
    const base: FederationStatus = { state: 'off', outbox: 0, inboundPending: 0, received: 0, claimsLocalOnly: false, warnings: [], hosts: [] };
    expect(checkFederation(undefined)).toMatchObject({ status: 'ok', message: expect.stringMatching(/^off/) });
    expect(checkFederation(base)).toMatchObject({ status: 'ok' });
    expect(checkFederation({ ...base, state: 'refused', reason: 'no origin remote and no SESSION_BUS_PROJECT' })).toMatchObject({
      status: 'fail',
      message: 'refused: no origin remote and no SESSION_BUS_PROJECT',
      fix: expect.stringContaining('SESSION_BUS_PROJECT'),
    });
    const host = { id: 'h1', name: 'box' };
    expect(checkFederation({ ...base, state: 'connected', url: 'nats://127.0.0.1:4222', host })).toMatchObject({ status: 'ok', message: expect.stringContaining('connected to nats://127.0.0.1:4222 as box') });
    expect(checkFederation({ ...base, state: 'connected', host, warnings: ['port:1 conflicts with main#a@other'] })).toMatchObject({ status: 'warn' });
    const down = checkFederation({ ...base, state: 'disconnected', url: 'nats://x:4222', host, reason: 'CONNECTION_REFUSED', outbox: 3, claimsLocalOnly: true });
    expect(down).toMatchObject({ status: 'warn', message: expect.stringContaining('claims are local only and 3 message(s) wait') });
    expect(down.fix).toMatch(/JetStream/);
  });
});
