/**
 * A daemon's files replaced under it: the daemon loads its parameter schemas (zod) from a bundle
 * beside it on first need (daemon-schemas.cjs), so a plugin update that removes its folder while
 * it runs could leave it without them. It says so, in its log and to the client, with the fix;
 * what needs no schemas (a send) keeps working.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RpcError } from '../../src/transport/rpc-errors.ts';
import { DIST, run, useProjects, waitFor } from '../support/project.ts';
import { daemonLog } from './helpers.ts';

const project = useProjects();

describe('a plugin update under a running daemon', () => {
  it('the schema bundle gone: a send still works; a register gets an error naming the cause and the fix; the log says so', async () => {
    const p = project({ git: true });
    const plugin = path.join(p.base, 'plugin-dist');
    fs.cpSync(DIST, plugin, { recursive: true });
    // Gone before the daemon starts, so it can never have loaded it: what an update removing
    // the folder of a running daemon leaves it with.
    fs.rmSync(path.join(plugin, 'daemon-schemas.cjs'));

    const sent = await run(process.execPath, [path.join(plugin, 'cli.mjs'), 'send', 'still works', '--project', p.dir], { env: p.env });
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/^sent #1 as human:/);

    const c = await p.connect();
    const refused = await c.client.request('register', { sessionId: 'sess-a', pid: 0, label: 'main#aaaaaa' }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(RpcError);
    expect((refused as RpcError).message).toMatch(/could not load its parameter schemas \(.*daemon-schemas\.cjs.*\); restart it: session-bus restart/s);
    await waitFor('the log line', () => daemonLog(p).includes('the parameter schemas could not be loaded'));
    // The daemon lives on and still takes what needs no schemas.
    expect((await c.client.request('broadcast', { sessionId: 'sess-b', pid: 0, label: 'main#bbbbbb', text: 'and again' })).seq).toBe(2);
    c.client.close();
  });
});
