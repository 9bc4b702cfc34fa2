/**
 * The daemon's settings from the environment (src/place/config.ts): a value the daemon cannot
 * run with is a clear error at the check, never a start-up that fails later or a setting that
 * silently means something else. Pure, in this process.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readConfig, TIMER_MAX_MS } from '../../src/place/config.ts';
import { readSettingsFile } from '../../src/place/settings.ts';

describe('readConfig', () => {
  it('newcomer tryout 2026-12-02: a fractional retain-count passed the check, then the daemon could not start', () => {
    for (const v of ['1.5', '0.5', '2.5']) expect(() => readConfig({ SESSION_BUS_RETAIN_COUNT: v })).toThrow(`SESSION_BUS_RETAIN_COUNT must be a whole number ≥ 1, not "${v}"`);
    expect(readConfig({ SESSION_BUS_RETAIN_COUNT: '3' }).retention.maxCount).toBe(3);
    expect(readConfig({ SESSION_BUS_RETAIN_COUNT: '1e3' }).retention.maxCount).toBe(1000);
  });

  it('newcomer tryout 2026-12-02: a SESSION_BUS_GRACE_MS above 2147483647 ended claims at once (the timer overflowed to 1 ms)', () => {
    expect(TIMER_MAX_MS).toBe(2 ** 31 - 1);
    for (const name of ['SESSION_BUS_GRACE_MS', 'SESSION_BUS_IDLE_MS']) {
      expect(() => readConfig({ [name]: '3000000000' })).toThrow(`${name} must be at most 2147483647 ms (about 24 days), not "3000000000"`);
      expect(() => readConfig({ [name]: '1e300' })).toThrow(/must be at most 2147483647 ms/);
      expect(() => readConfig({ [name]: String(TIMER_MAX_MS) })).not.toThrow();
    }
    expect(readConfig({ SESSION_BUS_GRACE_MS: String(TIMER_MAX_MS) }).graceMs).toBe(TIMER_MAX_MS);
  });

  it('other bad values keep their errors; unset and empty take the defaults', () => {
    expect(() => readConfig({ SESSION_BUS_IDLE_MS: 'abc' })).toThrow('SESSION_BUS_IDLE_MS must be a positive number, not "abc"');
    expect(() => readConfig({ SESSION_BUS_GRACE_MS: '0' })).toThrow('SESSION_BUS_GRACE_MS must be a positive number, not "0"');
    expect(() => readConfig({ SESSION_BUS_RETAIN_DAYS: '-1' })).toThrow('SESSION_BUS_RETAIN_DAYS must be a positive number, not "-1"');
    expect(readConfig({ SESSION_BUS_GRACE_MS: '' }).graceMs).toBe(5000);
    expect(readConfig({}).retention.maxCount).toBe(10_000);
  });
});

describe('readSettingsFile', () => {
  it('newcomer tryout 2026-12-02: a settings.json that is a folder was "not valid JSON (EISDIR…)"', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-settings-'));
    try {
      const file = path.join(dir, 'settings.json');
      fs.mkdirSync(file);
      expect(() => readSettingsFile(file)).toThrow(`the settings file ${file} cannot be read (EISDIR: it is a folder); fix it or remove it`);
      fs.rmdirSync(file);
      fs.writeFileSync(file, '{bad');
      expect(() => readSettingsFile(file)).toThrow(new RegExp(`^the settings file ${file} is not valid JSON \\(`));
      fs.writeFileSync(file, JSON.stringify({ 'retain-count': 5, unknown: 1 }));
      expect(readSettingsFile(file)).toEqual({ 'retain-count': '5' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
