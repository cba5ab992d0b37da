/**
 * Censor throughput: the lexicon censor against `obscenity` and `bad-words` on the same workload, the 4703 I2P
 * prompts. Loaders and timing are shared with the comparison in ./censor-compare.ts.
 */
import { Lexicon, loadBuiltInLexiconEntries } from '../src/services/censor/lexicon/index.js';
import { createDetectors, loadI2pPrompts, measureThroughput } from './censor-compare.js';

/** Briefs and megabytes per second for one censor. */
export interface BenchRow {
  name: string;
  briefsPerSec: number;
  mbPerSec: number;
}

/**
 * Median throughput of each detector over the I2P prompts, plus the lexicon's full rewrite (scan, euphemisms,
 * grammar), which is what a performance actually runs.
 */
export async function benchCensor(): Promise<BenchRow[]> {
  const workload = loadI2pPrompts().map((r) => r.prompt);
  const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
  const rows: BenchRow[] = createDetectors().map((detector) => ({
    name: detector.name,
    ...measureThroughput(detector.flags, workload, detector.name === 'bad-words' ? 3 : 7),
  }));
  rows.splice(1, 0, { name: 'lexicon (full rewrite)', ...measureThroughput((t) => lexicon.rewrite(t), workload, 7) });
  return rows;
}
