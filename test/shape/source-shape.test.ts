/**
 * The shape of src/ that issue 15 asks for: no file over 300 lines (a file that grows past it
 * mixes jobs and is split), and every file says what it is for in a comment before its code
 * (at its top, or right after its imports).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const MAX_LINES = 300;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** True when a comment comes before the first line that is neither blank nor part of an import. */
function opensWithComment(text: string): boolean {
  let inImport = false;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (inImport) {
      if (/from\s+['"][^'"]+['"];?$/.test(t)) inImport = false;
      continue;
    }
    if (t === '') continue;
    if (t.startsWith('/**') || t.startsWith('//') || t.startsWith('/*')) return true;
    if (t.startsWith('import ')) {
      inImport = !/(from\s+)?['"][^'"]+['"];?$/.test(t);
      continue;
    }
    return false;
  }
  return false;
}

describe('source shape', () => {
  const files = sources(SRC);

  it(`no file under src/ is over ${MAX_LINES} lines`, () => {
    const over = files.map((f) => ({ f: path.relative(SRC, f), n: fs.readFileSync(f, 'utf8').trimEnd().split('\n').length })).filter(({ n }) => n > MAX_LINES);
    expect(over.map(({ f, n }) => `${f}: ${n}`)).toEqual([]);
  });

  it('the daemon has no undo: no rewind, rollback or restore of state a failed write left changed', () => {
    // Code, not comments: a comment may say why nothing needs undoing.
    const code = (f: string) => fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const hits = files.filter((f) => f.includes(`${path.sep}daemon${path.sep}`)).filter((f) => /\b(undo|rollback|rollBack|rewind)\w*/i.test(code(f)));
    expect(hits.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('one reducer: only place/apply-entry.ts switches on the type of a recorded entry (and replay\'s input check, which refuses lines, never applies them)', () => {
    const switches = files.filter((f) => /case 'cursor':[\s\S]*case 'claim':|case 'claim':[\s\S]*case 'release':/.test(fs.readFileSync(f, 'utf8')));
    expect(switches.map((f) => path.relative(SRC, f)).sort()).toEqual(['place/apply-entry.ts', 'place/mailbox-replay.ts']);
  });

  it('every file under src/ opens with a comment that says what it is for', () => {
    expect(files.filter((f) => !opensWithComment(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
