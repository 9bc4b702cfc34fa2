import { describe, expect, it } from 'vitest';
import { colorEnabled, LABEL_COLORS, labelStyle } from '../../src/cli/color.ts';
import { clock, formatMessage, KIND_STYLE, safe, table } from '../../src/cli/format.ts';
import { COMMANDS, commandHelp, completionScript, generalHelp } from '../../src/cli/help.ts';
import { parseCount, parseKinds, parseSince, UsageError } from '../../src/cli/parse.ts';
import type { MessageRecord } from '../../src/protocol/messages.ts';

const ts = new Date(2026, 10, 25, 8, 5, 9).getTime();
const m = (over: Partial<MessageRecord> = {}): MessageRecord => ({ seq: 1, ts, origin: { sessionId: 's', pid: 1 }, from: 'main#abc123', kind: 'lock', text: 'holding :1420', ...over });

describe('colors', () => {
  it('are on for a terminal only, NO_COLOR always wins, FORCE_COLOR colors a pipe', () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled({}, {})).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled({ isTTY: false }, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { FORCE_COLOR: '1', NO_COLOR: 'x' })).toBe(false);
  });

  it('FORCE_COLOR=0 means off, also on a terminal', () => {
    expect(colorEnabled({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('tell labels apart from kinds: no label color is a kind color', () => {
    const kindColors = Object.values(KIND_STYLE).filter(Boolean);
    expect(LABEL_COLORS.filter((c) => kindColors.includes(c))).toEqual([]);
    for (const label of ['main#aaaaaa', 'feat#bbbbbb', 'human:root', 'x', 'fix-🚀#cccccc']) expect(kindColors).not.toContain(labelStyle(label));
  });

  it('give a sender the same color every time', () => {
    expect(labelStyle('main#abc123')).toBe(labelStyle('main#abc123'));
  });
});

describe('a feed line', () => {
  it('is time, label, [kind], text — plain without colors', () => {
    expect(formatMessage(m())).toBe('08:05:09  main#abc123  [lock]  holding :1420');
    expect(formatMessage(m(), { date: true })).toBe('2026-11-25 08:05:09  main#abc123  [lock]  holding :1420');
    expect(clock(ts)).toBe('08:05:09');
  });

  it('keeps a message on one line and lets no escape through', () => {
    const line = formatMessage(m({ text: 'one\ntwo\tthree \u001b[2J\u001b]0;pwned\u0007', from: 'evil\u001b[31m\nx' }));
    expect(line).toBe('08:05:09  evil x  [lock]  one \u21b5 two three ');
    expect(line).not.toContain('\u001b');
  });

  it('names the recipients of a direct message by short id', () => {
    expect(formatMessage(m({ kind: 'note', to: ['3f2a1c00-1111-2222', 'human:bob'] }))).toBe('08:05:09  main#abc123  [note] (to 3f2a1c, human:bob)  holding :1420');
  });

  it('is colored by kind and sender when asked, and reads the same with the codes stripped', () => {
    const colored = formatMessage(m({ from: 'human:alice' }), { color: true });
    expect(colored).toContain('\u001b[33m[lock]\u001b[39m');
    expect(colored).toContain('\u001b[1mhuman:alice\u001b[22m');
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe('08:05:09  human:alice  [lock]  holding :1420');
  });
});

describe('table cells', () => {
  it('are cleaned of escapes and newlines before they are padded', () => {
    expect(safe('a\nb\u001b[31mc\td')).toBe('a bc d');
    expect(table(['A', 'B'], [['x\ny', '\u001b[2Jz']])).toBe('A    B\nx y  z');
  });
});

describe('command-line values', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);
  it('--since takes spans and dates', () => {
    expect(parseSince('30m', now)).toBe(now - 30 * 60_000);
    expect(parseSince('2h', now)).toBe(now - 2 * 3_600_000);
    expect(parseSince('1h30m', now)).toBe(now - 90 * 60_000);
    expect(parseSince('90s', now)).toBe(now - 90_000);
    expect(parseSince('3d', now)).toBe(now - 3 * 86_400_000);
    expect(parseSince('1w', now)).toBe(now - 7 * 86_400_000);
    expect(parseSince('2026-11-25', now)).toBe(new Date(2026, 10, 25).getTime());
    expect(parseSince('2026-11-25T08:00', now)).toBe(new Date(2026, 10, 25, 8, 0).getTime());
    expect(parseSince('2026-11-25T08:00:00Z', now)).toBe(Date.UTC(2026, 10, 25, 8));
    for (const bad of ['yesterday', '2', 'h', '-2h', '2026-13-45', '']) expect(() => parseSince(bad, now)).toThrow(UsageError);
  });

  it('-n takes a whole number; --kind is checked, repeatable and comma-separated', () => {
    expect(parseCount('0', '-n')).toBe(0);
    expect(parseCount('25', '-n')).toBe(25);
    for (const bad of ['-1', '1.5', 'ten', '']) expect(() => parseCount(bad, '-n')).toThrow(/-n takes a whole number/);
    expect(parseKinds(['lock,unlock', 'lock', 'handoff'])).toEqual(['lock', 'unlock', 'handoff']);
    expect(() => parseKinds(['shout'])).toThrow('--kind must be one of note, lock, unlock, handoff');
  });
});

describe('help', () => {
  it('lists every command, and each command has a usage line and an example', () => {
    const general = generalHelp();
    for (const c of COMMANDS) {
      expect(general).toContain(`  ${c.name} `);
      const one = commandHelp(c);
      expect(one.startsWith(`Usage: ${c.usage}`)).toBe(true);
      expect(one).toMatch(/Exit codes: 0 ok/);
      expect(c.examples.length).toBeGreaterThan(0);
    }
  });

  it('completion knows each command\'s options and the kinds', () => {
    const bash = completionScript('bash');
    expect(bash).toContain('log) opts="--project --json --help --since --from --kind --grep --lines"');
    expect(bash).toContain('compgen -W "note lock unlock handoff"');
  });
});
