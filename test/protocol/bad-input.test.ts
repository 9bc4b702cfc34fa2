/**
 * Bad frames get an error reply (or a close, for oversize) and never disturb other clients.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/client/connect.ts';
import { ErrorCode } from '../../src/protocol/errors.ts';
import { MAX_FRAME_BYTES } from '../../src/protocol/limits.ts';
import { rawExchange } from '../support/raw-socket.ts';
import { useProjects, type TestProject } from '../support/project.ts';

let p: TestProject;
let bystander: Connection;
const who = { sessionId: 'bystander-1', pid: 4242, label: 'main#bystan' };

const project = useProjects({ scope: 'file' });
beforeAll(async () => {
  p = project();
  bystander = await project.connect(p);
  await bystander.client.request('register', { ...who, live: true });
});

/** Writes raw bytes to the daemon, collects reply lines until `count` or close. */
const exchange = (bytes: Buffer | string, count: number) => rawExchange(p.endpoint().socketPath, [bytes], count);

async function bystanderStillWorks() {
  const r = await bystander.client.request('broadcast', { ...who, text: 'still here' });
  expect(r.seq).toBeGreaterThan(0);
}

describe('bad input', () => {
  it('invalid JSON gets a parse error', async () => {
    const { replies } = await exchange('{"jsonrpc":"2.0",\n', 1);
    expect(replies[0].error.code).toBe(ErrorCode.ParseError);
    await bystanderStillWorks();
  });

  it('an unknown method gets method-not-found', async () => {
    const { replies } = await exchange('{"jsonrpc":"2.0","id":1,"method":"rm -rf"}\n', 1);
    expect(replies[0]).toMatchObject({ id: 1, error: { code: ErrorCode.MethodNotFound } });
    expect(replies[0].error.message).toMatch(/unknown method "rm -rf"/);
  });

  it('wrong types get invalid-params naming the field', async () => {
    const { replies } = await exchange('{"jsonrpc":"2.0","id":"x","method":"broadcast","params":{"sessionId":5,"pid":"a","label":"l","text":1}}\n', 1);
    expect(replies[0]).toMatchObject({ id: 'x', error: { code: ErrorCode.InvalidParams } });
    expect(replies[0].error.message).toMatch(/sessionId/);
    await bystanderStillWorks();
  });

  it('not a request object gets invalid-request', async () => {
    const { replies } = await exchange('[1,2]\n"str"\n{"id":1,"method":"hello"}\n', 3);
    expect(replies.map((r) => r.error.code)).toEqual([ErrorCode.InvalidRequest, ErrorCode.InvalidRequest, ErrorCode.InvalidRequest]);
  });

  it('invalid UTF-8 gets an error reply and the connection keeps working', async () => {
    const bad = Buffer.concat([Buffer.from([0xc3, 0x28, 0x0a]), Buffer.from('{"jsonrpc":"2.0","id":2,"method":"status"}\n')]);
    const { replies } = await exchange(bad, 2);
    expect(replies[0].error.code).toBe(ErrorCode.InvalidUtf8);
    expect(replies[1].result.pid).toBe(bystander.hello.pid);
  });

  it('an oversize line gets an error and a close', async () => {
    const { replies, closed } = await exchange('x'.repeat(MAX_FRAME_BYTES + 10) + '\n', 2);
    expect(replies[0].error.code).toBe(ErrorCode.FrameTooLarge);
    expect(closed).toBe(true);
    await bystanderStillWorks();
  });

  it('oversize and empty message text get clear errors', async () => {
    const tooLong = bystander.client.request('broadcast', { ...who, text: 'é'.repeat(3000) });
    await expect(tooLong).rejects.toMatchObject({ code: ErrorCode.TextTooLong, message: expect.stringMatching(/6000 bytes; the limit is 4096/) });
    await expect(bystander.client.request('broadcast', { ...who, text: ' \n ' })).rejects.toMatchObject({ code: ErrorCode.TextEmpty });
  });

  it('the daemon survived all of it', async () => {
    expect(p.daemonPids()).toEqual([bystander.hello.pid]);
    await bystanderStillWorks();
  });
});
