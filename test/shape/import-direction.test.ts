/**
 * Imports go one way (issue 15): protocol and display (the wire and the words, pure) ← place
 * (where a bus lives) and transport (the RPC peer) ← client / daemon / guard ← mcp / hook / cli. A
 * folder imports only from a lower layer or itself; two folders on one layer never import each
 * other, except protocol and display, the one base layer split by audience. guard (the collision
 * guard's pure logic, used by hooks) is narrower still: protocol and place only, no transport.
 * This test fails on the first import that goes the wrong way, naming the file and the import.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

const LAYER: Record<string, number> = { protocol: 0, display: 0, place: 1, transport: 1, client: 2, daemon: 2, guard: 2, mcp: 3, hook: 3, cli: 3 };
/** Same-layer folders that may import each other. */
const PEERS = new Set(['protocol|display', 'display|protocol']);
/** Folders that may import only some of the lower layers. */
const ONLY: Record<string, ReadonlySet<string>> = { guard: new Set(['protocol', 'place']) };

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

function folderOf(root: string, file: string): string {
  return path.relative(root, file).split(path.sep)[0]!;
}

/** Every relative import, static or dynamic, type-only included (a type is a dependency too). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!);
  return specs.map((s) => path.resolve(path.dirname(file), s));
}

function wrongWayImports(root = SRC): string[] {
  const wrong: string[] = [];
  for (const file of sources(root)) {
    const from = folderOf(root, file);
    for (const target of importsOf(file)) {
      const to = folderOf(root, target);
      if (to === from) continue;
      const ok = LAYER[to] !== undefined && LAYER[from] !== undefined && (LAYER[to]! < LAYER[from]! || PEERS.has(`${from}|${to}`)) && (ONLY[from]?.has(to) ?? true);
      if (!ok) wrong.push(`${path.relative(root, file)} imports ${path.relative(root, target)}`);
    }
  }
  return wrong;
}

describe('import direction', () => {
  it('every folder under src/ has a layer', () => {
    const folders = fs.readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => LAYER[f] === undefined)).toEqual([]);
  });

  it('no import goes the wrong way (protocol/display ← place/transport ← client/daemon/guard ← mcp/hook/cli)', () => {
    expect(wrongWayImports()).toEqual([]);
  });

  it('catches a wrong-way import (the check itself works)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-imports-'));
    try {
      for (const dir of ['daemon', 'client', 'protocol']) fs.mkdirSync(path.join(root, dir));
      fs.writeFileSync(path.join(root, 'client', 'connect.ts'), "import { x } from '../protocol/m.ts';\n");
      fs.writeFileSync(path.join(root, 'daemon', 'main.ts'), "import type {\n  Connection,\n} from '../client/connect.ts';\nconst l = await import('../protocol/m.ts');\n");
      fs.mkdirSync(path.join(root, 'guard'));
      fs.mkdirSync(path.join(root, 'transport'));
      fs.writeFileSync(path.join(root, 'guard', 'ok.ts'), "import { inert } from '../protocol/m.ts';\n");
      fs.writeFileSync(path.join(root, 'guard', 'rpc.ts'), "import { Peer } from '../transport/peer.ts';\n");
      expect(wrongWayImports(root)).toEqual([`daemon${path.sep}main.ts imports client${path.sep}connect.ts`, `guard${path.sep}rpc.ts imports transport${path.sep}peer.ts`]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
