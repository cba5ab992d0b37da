/**
 * The latency a hosted censor's answer costs locally before it reaches the stage: the lexicon's pre-screen of the
 * brief, then the guard (cleaning), the lexicon's rescan of leaks, the word diff and the categorising
 * ({@link rewriteFromModel}). It must stay negligible next to the model call itself (hundreds of milliseconds).
 *
 * Workload: the dataset's (brief, censored) pairs, each censored text dressed as a model would answer it — Falcon's
 * trailing numbers, GPT's "argent", wrapping quotes, a role prefix, the style written in, or the brief untouched so
 * the rescan does all the work.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { DEFAULT_STYLE } from '../src/config.js';
import { Lexicon, loadBuiltInLexiconEntries } from '../src/services/censor/lexicon/index.js';
import { rewriteFromModel } from '../src/services/censor/model-rewrite.js';

const DATASET = new URL('../data/briefs.csv', import.meta.url);
/** A hosted model call, for scale: a fast chat completion of a short brief. */
const MODEL_CALL_MICROS = 500_000;

/** How a model's answer may come back around the censored text. */
const QUIRKS: Array<(censored: string, brief: string) => string> = [
  (censored) => censored,
  (censored) => `${censored} 8832 1192 0043`,
  (censored) => `${censored}, argent`,
  (censored) => `"${censored}"`,
  (censored) => `Censored brief: ${censored}`,
  (censored) => `${censored}, ${DEFAULT_STYLE}`,
  (_censored, brief) => brief,
];

export interface GuardBench {
  /** Mean local cost of one brief, in microseconds. */
  perBriefMicros: number;
  p50Micros: number;
  p95Micros: number;
  /** (brief, model output) pairs in the workload, and how many times each was timed. */
  pairs: number;
  rounds: number;
  /** Pairs the guard refused as a model failure (they are timed too). */
  refused: number;
  /** `perBriefMicros` as a share of a 500 ms model call. */
  shareOfModelCallPercent: number;
}

function loadPairs(): Array<{ brief: string; raw: string }> {
  const rows = parse(readFileSync(DATASET), { columns: true, skip_empty_lines: true }) as Array<{
    brief: string;
    censored: string;
  }>;
  return rows
    .filter((row) => row.brief && row.censored)
    .map((row, i) => ({ brief: row.brief, raw: (QUIRKS[i % QUIRKS.length] ?? QUIRKS[0]!)(row.censored, row.brief) }));
}

/** Times the local work on every pair, `rounds` times after one warm-up round. */
export async function benchGuard(rounds = 10): Promise<GuardBench> {
  const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
  const pairs = loadPairs();
  const runOnce = (pair: { brief: string; raw: string }): boolean => {
    const briefMatches = lexicon.scan(pair.brief);
    if (briefMatches.some((m) => m.entry.tier === 'block')) return true;
    try {
      rewriteFromModel({ ...pair, lexicon, stance: 'standard', style: DEFAULT_STYLE, engine: 'openai', briefMatches });
      return true;
    } catch {
      // A refused answer is part of the workload: the fallback starts after the same local work.
      return false;
    }
  };
  let refused = 0;
  for (const pair of pairs) if (!runOnce(pair)) refused++;
  const micros: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const pair of pairs) {
      const started = process.hrtime.bigint();
      runOnce(pair);
      micros.push(Number(process.hrtime.bigint() - started) / 1000);
    }
  }
  const sorted = micros.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  const perBriefMicros = sorted.reduce((sum, m) => sum + m, 0) / sorted.length;
  const round1 = (n: number) => Math.round(n * 10) / 10;
  return {
    perBriefMicros: round1(perBriefMicros),
    p50Micros: round1(at(0.5)),
    p95Micros: round1(at(0.95)),
    pairs: pairs.length,
    rounds,
    refused,
    shareOfModelCallPercent: Math.round((perBriefMicros / MODEL_CALL_MICROS) * 10_000) / 100,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchGuard(Number(process.argv[2] ?? 10));
  console.log(
    `guard + rescan + diff, ${result.pairs} briefs × ${result.rounds}: mean ${result.perBriefMicros} µs, ` +
      `p50 ${result.p50Micros} µs, p95 ${result.p95Micros} µs per brief ` +
      `(${result.shareOfModelCallPercent}% of a 500 ms model call; ${result.refused} answers refused)`,
  );
}
