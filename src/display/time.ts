/**
 * Times as people and models read them: the one place that words "how long ago" and clock times,
 * for the hook's briefing, the MCP tools, the daemon's error words and the CLI alike. Pure.
 */

/**
 * How long ago, in few characters (`just now`, `3m ago`, `2h ago`, `3d ago`): what a model or a
 * person needs to judge whether a peer or a claim is fresh, without seconds that age as they read.
 */
export function ago(ms: number): string {
  const m = Math.max(0, Math.round(ms / 60_000));
  return m < 1 ? 'just now' : m < 90 ? `${m}m ago` : m < 48 * 60 ? `${Math.round(m / 60)}h ago` : `${Math.round(m / 1440)}d ago`;
}

/** An exact span in two units (`42s`, `3m 0s`, `5h 2m`, `3d 0h`): uptimes and tables in the terminal. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** HH:MM:SS (UTC) of a time; a time no Date can hold shows as unknown rather than throwing. */
export function utcClock(ts: number, seconds = true): string {
  // By arithmetic, as Date would (its range, its truncation): the first Date of a process costs
  // the prompt hook about a millisecond.
  if (!Number.isFinite(ts) || Math.abs(ts) > 8.64e15) return seconds ? '??:??:??' : '??:??';
  const s = Math.floor((((Math.trunc(ts) % 86_400_000) + 86_400_000) % 86_400_000) / 1000);
  const hhmm = `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}`;
  return seconds ? `${hhmm}:${pad2(s % 60)}` : hhmm;
}

/** Local wall-clock time for the terminal: `08:32:04`, or `2026-11-25 08:32:04` with the date. */
export function localClock(ts: number, withDate = false): string {
  const d = new Date(ts);
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  return withDate ? `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${time}` : time;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
