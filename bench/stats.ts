/** The q-quantile (0–1) of a sample, by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Milliseconds to one decimal. */
export const round = (ms: number) => Math.round(ms * 10) / 10;

/** Median and spread (min–max) of repeated figures, e.g. "412 ms (398–431, 5 runs)". */
export function spread(values: readonly number[], unit = 'ms'): string {
  const sorted = [...values].sort((a, b) => a - b);
  const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : String(round(v)));
  return `${fmt(quantile(sorted, 0.5))} ${unit} (${fmt(sorted[0]!)}–${fmt(sorted.at(-1)!)}, ${sorted.length} runs)`;
}
