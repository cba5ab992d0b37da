import { performance } from 'node:perf_hooks';
import type { CensorEngineName } from '../../config.js';
import type { EvalEngine } from './eval-engines.js';
import { computeMetrics, type EngineMetrics, type EvalItem, type EvalOutcome, type EvalSet } from './metrics.js';
import type { TermScanner } from './types.js';

/** One engine's scores: on each set, and on all briefs together. */
export interface EngineReport {
  /** The engine as asked for: `openai`, or `openai=<model>` when another model was chosen. */
  engine: string;
  name: CensorEngineName;
  sets: Partial<Record<EvalSet, EngineMetrics>> & { all: EngineMetrics };
}

/** The whole evaluation, as written to `eval.json`. */
export interface EvalReport {
  createdAt: string;
  style: string;
  items: Record<EvalSet, number>;
  engines: EngineReport[];
}

export interface RunEvalOptions {
  engines: readonly EvalEngine[];
  items: readonly EvalItem[];
  style: string;
  lexicon: TermScanner;
  /** Calls in flight at once per engine. Latency is still measured per call. */
  concurrency?: number;
  /** Called after every brief, for a progress display. */
  onProgress?: (progress: { engine: string; done: number; total: number }) => void;
  now?: () => Date;
}

/** Censors every item with one engine, `concurrency` at a time, keeping the items' order in the result. */
export async function evaluateEngine(
  engine: EvalEngine,
  items: readonly EvalItem[],
  options: Pick<RunEvalOptions, 'style' | 'concurrency' | 'onProgress'>,
): Promise<EvalOutcome[]> {
  const outcomes: EvalOutcome[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i] as EvalItem;
      const started = performance.now();
      try {
        const { result, prompt, raw } = await engine.censor(item.brief, options.style);
        const ms = performance.now() - started;
        // An adapter that fell back to another engine answered for it: that is a failure of this engine.
        outcomes[i] =
          result.engine === engine.name
            ? {
                item,
                ok: true,
                verdict: result.verdict,
                censored: result.censored,
                prompt,
                ms,
                ...(raw === undefined ? {} : { raw }),
              }
            : { item, ok: false, error: `fell back to ${result.engine}`, ms };
      } catch (err) {
        outcomes[i] = {
          item,
          ok: false,
          error: (err as Error)?.message ?? String(err),
          ms: performance.now() - started,
        };
      }
      options.onProgress?.({ engine: engine.label, done: ++done, total: items.length });
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 1, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}

/** Runs every engine over every item and scores them per set and overall. Engines run one after another. */
export async function runEval(options: RunEvalOptions): Promise<EvalReport> {
  const sets = [...new Set(options.items.map((item) => item.set))];
  const engines: EngineReport[] = [];
  for (const engine of options.engines) {
    const outcomes = await evaluateEngine(engine, options.items, options);
    const score = (subset: EvalOutcome[]) => computeMetrics(subset, options);
    const bySet = Object.fromEntries(
      sets.map((set) => [set, score(outcomes.filter((outcome) => outcome.item.set === set))]),
    ) as Partial<Record<EvalSet, EngineMetrics>>;
    engines.push({ engine: engine.label, name: engine.name, sets: { ...bySet, all: score(outcomes) } });
  }
  const count = (set: EvalSet) => options.items.filter((item) => item.set === set).length;
  return {
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    style: options.style,
    items: { briefs: count('briefs'), i2p: count('i2p') },
    engines,
  };
}
