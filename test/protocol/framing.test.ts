import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame, LineDecoder } from '../../src/protocol/framing.ts';
import { seedFastCheck } from '../support/seed.ts';

seedFastCheck();

describe('LineDecoder', () => {
  it('decodes a UTF-8 character split across chunks', () => {
    const d = new LineDecoder();
    const bytes = Buffer.from(encodeFrame({ text: 'héllo – 日本 🚀' }));
    const out = [...d.push(bytes.subarray(0, 10)), ...d.push(bytes.subarray(10, 11)), ...d.push(bytes.subarray(11))];
    expect(out).toEqual([{ kind: 'message', value: { text: 'héllo – 日本 🚀' } }]);
  });

  it('reports invalid UTF-8 and invalid JSON as data and keeps going', () => {
    const d = new LineDecoder();
    const out = d.push(Buffer.concat([Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from('{nope\n{"ok":1}\n')]));
    expect(out.map((f) => f.kind)).toEqual(['invalid-utf8', 'invalid-json', 'message']);
  });

  it('reports an oversize line once, skips the rest of it, then decodes the next', () => {
    const d = new LineDecoder(100);
    const out = [...d.push(Buffer.from('x'.repeat(80))), ...d.push(Buffer.from('y'.repeat(80))), ...d.push(Buffer.from('z'.repeat(500) + '\n{"a":1}\n'))];
    expect(out.map((f) => f.kind)).toEqual(['oversize', 'message']);
    expect(d.pendingBytes).toBe(0);
  });

  it('any chunking of a stream of frames decodes to the same frames', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 20 }), (values, cuts) => {
        const bytes = Buffer.from(values.map(encodeFrame).join(''));
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const d = new LineDecoder(Number.MAX_SAFE_INTEGER);
        const out = [];
        let prev = 0;
        for (const p of [...points, bytes.length]) {
          out.push(...d.push(bytes.subarray(prev, p)));
          prev = p;
        }
        expect(out).toEqual(values.map((v) => ({ kind: 'message', value: JSON.parse(JSON.stringify(v)) })));
      }),
    );
  });
});
