/**
 * Federation's settings against a real server: credentials, TLS, refusals with their reason.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'vitest';
import { A1, A2, B1, useFederation } from '../support/federation-hosts.ts';
import { fakeClaude } from '../support/fake-claude.ts';
import { startNats } from '../support/nats.ts';

// The four tests run at once (each its own server or none, its own bus); their hosts, and the
// servers they started, are undone after the file.
const fed = useFederation({ scope: 'file' });
const { project, uniqueRemote, host, connect, status, federated, drainUntil } = fed;

describe.skipIf(fed.skipped).concurrent('federation: settings', () => {
  it('credentials by the usual NATS options: user/password connects, a wrong password is shown in status', async ({ expect }) => {
    const secured = await startNats(['--user', 'bus', '--pass', 's3cret']);
    try {
      const remote = uniqueRemote();
      const good = host('hostA', remote, { SESSION_BUS_NATS_URL: secured.url, SESSION_BUS_NATS_USER: 'bus', SESSION_BUS_NATS_PASSWORD: 's3cret' });
      const inUrl = host('hostB', remote, { SESSION_BUS_NATS_URL: secured.url.replace('nats://', 'nats://bus:s3cret@') });
      const bad = host('hostC', remote, { SESSION_BUS_NATS_URL: secured.url, SESSION_BUS_NATS_USER: 'bus', SESSION_BUS_NATS_PASSWORD: 'wrong' });
      const [cg, ci, cx] = await Promise.all([connect(good), connect(inUrl), connect(bad)]);
      await ci.client.request('register', { ...B1, live: true });
      await Promise.all([federated(cg), federated(ci)]);
      expect((await status(ci)).federation.url).toBe(secured.url);
      const refused = await federated(cx, 'disconnected');
      expect(refused.federation.reason).toMatch(/authorization/i);
      expect(refused.federation.claimsLocalOnly).toBe(true);
      await cg.client.request('broadcast', { ...A1, text: 'authenticated' });
      expect((await drainUntil(ci, B1, 1, [cg, A1])).map((m) => m.text)).toEqual(['authenticated']);
    } finally {
      // Stopped with the hosts after the file (they stop by signal, whatever their NATS does).
      project.defer(() => secured.cleanup());
    }
  });

  it('TLS when the URL says tls://, verified against the CA given in SESSION_BUS_NATS_CA', async ({ expect }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-tls-'));
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    // EC keys: made in milliseconds where RSA ones take a good part of a second on a busy machine.
    const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    ssl('req', '-x509', ...key, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=sb-test-ca');
    ssl('req', ...key, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
    fs.writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
    ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'ext.cnf');
    const secured = await startNats(['--tls', '--tlscert', path.join(dir, 'server.pem'), '--tlskey', path.join(dir, 'server.key')]);
    try {
      const url = secured.url.replace('nats://', 'tls://');
      const remote = uniqueRemote();
      const a = host('hostA', remote, { SESSION_BUS_NATS_URL: url, SESSION_BUS_NATS_CA: path.join(dir, 'ca.pem') });
      // Without the CA the server's certificate is not trusted: no connection, and status says so.
      const b = host('hostB', remote, { SESSION_BUS_NATS_URL: url });
      const [ca, cb] = await Promise.all([connect(a), connect(b)]);
      expect((await federated(ca)).federation.url).toBe(url);
      expect((await federated(cb, 'disconnected')).federation.reason).toMatch(/certificate/i);
    } finally {
      // Stopped with the hosts after the file (they stop by signal, whatever their NATS does).
      project.defer(() => secured.cleanup());
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('issue 19: a garbage SESSION_BUS_NATS_URL is refused with its reason in status, and doctor\'s fix names the URL setting; the local bus works', async ({ expect }) => {
    const p = host('hostA', uniqueRemote(), { SESSION_BUS_NATS_URL: 'nats://nats.internal:port' });
    const c = await connect(p);
    // Not retried: refused as soon as federation starts.
    const s = await federated(c, 'refused');
    expect(s.federation).toMatchObject({ reason: 'SESSION_BUS_NATS_URL "nats://nats.internal:port": the port must be a number from 1 to 65535, not "port"' });
    await c.client.request('register', { ...A2, live: true });
    await c.client.request('broadcast', { ...A1, text: 'local only' });
    expect((await c.client.request('drain', A2)).messages.map((m) => m.text)).toEqual(['local only']);
    // Two reads of one daemon: asked at once.
    const [statusOut, doctorOut] = await Promise.all([p.cli(['status']), p.cli(['doctor', '--json'], fakeClaude(p.base, true))]);
    expect(statusOut.stdout).toMatch(/federation refused: SESSION_BUS_NATS_URL "nats:\/\/nats\.internal:port": the port must be/);
    const check = JSON.parse(doctorOut.stdout).checks.find((x: { name: string }) => x.name === 'federation');
    expect(check).toMatchObject({ status: 'fail', fix: expect.stringContaining('session-bus config set nats-url') });
  });

  it('no origin remote and no SESSION_BUS_PROJECT: federation refuses with the reason, the local bus works; SESSION_BUS_PROJECT fixes it', async ({ expect }) => {
    const p = host('hostA', undefined);
    const q = host('hostB', undefined, { SESSION_BUS_PROJECT: `override-${randomBytes(3).toString('hex')}` });
    const [c, cq] = await Promise.all([connect(p), connect(q)]);
    const s = await status(c);
    expect(s.federation.state).toBe('refused');
    expect(s.federation.reason).toMatch(/no project key: this repository has no "origin" remote/);
    await c.client.request('register', { ...A2, live: true });
    await c.client.request('broadcast', { ...A1, text: 'local only' });
    expect((await c.client.request('drain', A2)).messages.map((m) => m.text)).toEqual(['local only']);
    expect((await p.cli(['status'])).stdout).toMatch(/federation refused: no project key/);
    expect(fs.readFileSync(p.endpoint().logPath, 'utf8')).toMatch(/federation refused to start: no project key/);
    expect((await federated(cq)).federation.project).toMatch(/^override-/);
  });
});
