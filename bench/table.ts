/**
 * What every benchmark row is, and the few statistics the rows use. Timings are medians or
 * percentiles over many samples, and process costs are ratios to a baseline measured in the
 * same run, interleaved, so a noisy shared machine moves both sides alike.
 */

export interface BenchRow {
  row: string;
  figure: string;
  target: string;
  /** null: informational, no target to meet. */
  pass: boolean | null;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (samples: number[]): number => percentile(samples, 50);

export const ms = (n: number, digits = 1): string => `${n.toFixed(digits)} ms`;

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const int = (n: number): string => Math.round(n).toLocaleString('en-US');

export function printTable(rows: BenchRow[], out: (line: string) => void = console.log): void {
  const head = ['row', 'figure', 'target', 'ok'];
  const body = rows.map((r) => [r.row, r.figure, r.target, r.pass === null ? '' : r.pass ? 'yes' : 'NO']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  out(line(head));
  out(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const b of body) out(line(b));
}
