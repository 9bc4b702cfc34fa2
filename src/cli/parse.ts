/** Reading the command line's values. Pure; a bad value is a UsageError (exit 2) naming the fix. */
import { MESSAGE_KINDS, type MessageKind } from '../protocol/messages.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * `--since`: a span back from now (`90s`, `15m`, `2h`, `1h30m`, `3d`, `1w`) or a date and time
 * (`2026-11-25`, `2026-11-25T08:00`, local time unless it says otherwise). Returns ms since the epoch.
 */
export function parseSince(text: string, now: number): number {
  const t = text.trim();
  if (/^(\d+(\.\d+)?[smhdw])+$/i.test(t)) {
    let ms = 0;
    for (const [, n, unit] of t.toLowerCase().matchAll(/(\d+(?:\.\d+)?)([smhdw])/g)) ms += Number(n) * UNIT_MS[unit!]!;
    return now - ms;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) {
    // A bare date is UTC to Date.parse; a person means their own midnight.
    const ts = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00` : t);
    if (Number.isFinite(ts)) return ts;
  }
  throw new UsageError(`--since takes a span like 30m, 2h, 1h30m, 3d, or a date like 2026-11-25T08:00, not ${JSON.stringify(text)}`);
}

/** `-n`: a count of 0 or more. */
export function parseCount(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${option} takes a whole number (0 or more), not ${JSON.stringify(text)}`);
  return Number(text.trim());
}

/** `--kind`, repeated or comma-separated. */
export function parseKinds(values: string[]): MessageKind[] {
  const kinds = values.flatMap((v) => v.split(',')).map((k) => k.trim()).filter(Boolean);
  for (const k of kinds) {
    if (!(MESSAGE_KINDS as readonly string[]).includes(k)) throw new UsageError(`--kind must be one of ${MESSAGE_KINDS.join(', ')}`);
  }
  return [...new Set(kinds)] as MessageKind[];
}
