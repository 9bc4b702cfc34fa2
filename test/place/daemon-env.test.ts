/**
 * The environment a daemon is started with (client/spawn.ts): one malloc arena unless the user
 * set one, and NODE_EXTRA_CA_CERTS only for a daemon that may federate (Node parses that file
 * before any code runs; the daemon uses TLS only to federate). "May federate" reads the NATS URL
 * from the environment, then the bus's settings file, as the daemon does at its start.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { daemonEnv, mayFederate } from '../../src/client/spawn.ts';
import type { ProjectLocation } from '../../src/place/project.ts';
import { settingsPath } from '../../src/place/settings.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function location(settings?: string): ProjectLocation {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-test-env-'));
  dirs.push(dir);
  if (settings !== undefined) fs.writeFileSync(settingsPath(dir), settings);
  return { projectDir: dir, busRoot: dir, mailboxDir: dir, mailboxPath: path.join(dir, 'mailbox.jsonl'), inGit: false };
}

const CA = { NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' };

describe('the daemon\'s environment', () => {
  it('keeps NODE_EXTRA_CA_CERTS for a daemon that may federate, by the environment or by the settings file; drops it otherwise', () => {
    expect(mayFederate(location(), { ...CA, SESSION_BUS_NATS_URL: 'nats://n:4222' })).toBe(true);
    expect(mayFederate(location(JSON.stringify({ 'nats-url': 'tls://n:4222' })), CA)).toBe(true);
    expect(mayFederate(location(), CA)).toBe(false);
    // Blank is off, as the daemon reads it.
    expect(mayFederate(location(JSON.stringify({ 'nats-url': '  ' })), { ...CA, SESSION_BUS_NATS_URL: '' })).toBe(false);
    // A settings file the daemon will refuse: start it as it always was, it says why.
    expect(mayFederate(location('{ not json'), CA)).toBe(true);

    expect(daemonEnv(CA, true).NODE_EXTRA_CA_CERTS).toBe(CA.NODE_EXTRA_CA_CERTS);
    expect(daemonEnv(CA, false)).not.toHaveProperty('NODE_EXTRA_CA_CERTS');
  });

  it('one malloc arena unless the user set one; the caller\'s environment is not changed', () => {
    const env = { ...CA, PATH: '/bin' };
    expect(daemonEnv(env, false)).toMatchObject({ MALLOC_ARENA_MAX: '1', PATH: '/bin' });
    expect(daemonEnv({ MALLOC_ARENA_MAX: '4' }, true).MALLOC_ARENA_MAX).toBe('4');
    expect(env).toEqual({ ...CA, PATH: '/bin' });
  });
});
