/**
 * "Outside git a subdirectory gets its own bus (`send` from `p3/sub/deep` starts a second one)":
 * outside git the bus is the nearest folder up that has a bus or a `.claude/`, as the
 * repository is inside git. Real folders, the CLI (run in this process, support/cli.ts), a real daemon.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateProject } from '../../src/place/project.ts';
import { cliHere } from '../support/cli.ts';
import { useProjects } from '../support/project.ts';

const project = useProjects({ scope: 'file' });
const p = project();

describe('outside git', () => {
  it('send from p3/sub/deep reaches the bus of p3 (it has .claude/), not a second one', async () => {
    fs.mkdirSync(path.join(p.dir, '.claude'));
    const deep = path.join(p.dir, 'sub', 'deep');
    fs.mkdirSync(deep, { recursive: true });
    expect(locateProject(deep).busRoot).toBe(p.dir);
    // No --project: the CLI's folder is the project.
    const sent = await cliHere(['send', 'from deep down'], p.env, deep);
    expect(sent.code, sent.stderr).toBe(0);
    const tail = await p.cliHere(['tail'], { NO_COLOR: '1' });
    expect(tail.stdout).toContain('from deep down');
    expect(p.daemonPids()).toHaveLength(1);
  });

  it('a folder that already has a bus is found from below even without .claude/ settings', () => {
    const q = path.join(p.base, 'q');
    fs.mkdirSync(path.join(q, '.claude', '.session-bus'), { recursive: true });
    fs.mkdirSync(path.join(q, 'a', 'b'), { recursive: true });
    expect(locateProject(path.join(q, 'a', 'b')).busRoot).toBe(q);
  });

  it('stops at the home folder: ~/.claude is the user settings, not a project', () => {
    const home = path.join(p.base, 'home');
    const sub = path.join(home, 'notes', 'sub');
    fs.mkdirSync(path.join(home, '.claude'), { recursive: true });
    fs.mkdirSync(sub, { recursive: true });
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      expect(locateProject(sub).busRoot).toBe(sub);
    } finally {
      process.env.HOME = saved;
    }
  });
});
