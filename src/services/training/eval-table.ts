import type { EvalReport } from './eval.js';
import type { EngineMetrics } from './metrics.js';

/** A share as a percentage with one decimal, or a dash when nothing qualified. */
export function formatRate(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** A latency for people: `0.04 ms`, `312 ms`, `1.8 s`. */
export function formatLatency(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

interface Column {
  title: string;
  align: 'left' | 'right';
  value: (row: { engine: string; set: string; m: EngineMetrics }) => string;
}

const COLUMNS: Column[] = [
  { title: 'engine', align: 'left', value: (r) => r.engine },
  { title: 'set', align: 'left', value: (r) => r.set },
  { title: 'n', align: 'right', value: (r) => String(r.m.n) },
  { title: 'leak ↓', align: 'right', value: (r) => formatRate(r.m.leakRate) },
  { title: 'over-censor ↓', align: 'right', value: (r) => formatRate(r.m.overCensoring) },
  { title: 'keep ↑', align: 'right', value: (r) => formatRate(r.m.keepRate) },
  { title: 'style ↑', align: 'right', value: (r) => formatRate(r.m.styleHandled) },
  { title: 'gibberish ↓', align: 'right', value: (r) => formatRate(r.m.gibberish) },
  { title: 'ref match ↑', align: 'right', value: (r) => formatRate(r.m.referenceMatch) },
  { title: 'blocked', align: 'right', value: (r) => formatRate(r.m.blockedRate) },
  { title: 'errors', align: 'right', value: (r) => String(r.m.errors) },
  { title: 'p50', align: 'right', value: (r) => formatLatency(r.m.latencyP50) },
  { title: 'p95', align: 'right', value: (r) => formatLatency(r.m.latencyP95) },
];

/** The evaluation as a plain-text table: a row per engine and set, then the engine's total over all briefs. */
export function formatEvalTable(report: EvalReport): string {
  const rows = report.engines.flatMap(({ engine, sets }) => {
    const perSet = (['briefs', 'i2p'] as const).flatMap((set) => {
      const m = sets[set];
      return m ? [{ engine, set, m }] : [];
    });
    return perSet.length > 1 ? [...perSet, { engine, set: 'all', m: sets.all }] : perSet;
  });
  const cells = [COLUMNS.map((c) => c.title), ...rows.map((row) => COLUMNS.map((c) => c.value(row)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => [...(line[i] ?? '')].length)));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat((widths[i] ?? 0) - [...text].length);
    return COLUMNS[i]?.align === 'right' ? gap + text : text + gap;
  };
  const lines = cells.map((line) => line.map(pad).join('  ').trimEnd());
  const rule = '─'.repeat(Math.max(...lines.map((l) => [...l].length)));
  return [lines[0], rule, ...lines.slice(1)].join('\n');
}
