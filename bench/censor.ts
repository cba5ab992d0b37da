/**
 * Censor throughput: the lexicon censor against `obscenity` (the fastest capable peer) on the same workload, the
 * 4,703 I2P prompts, with every disguise pass on. Loaders and timing are shared with ./censor-compare.ts.
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { Lexicon, loadBuiltInLexiconEntries } from '../src/services/censor/lexicon/index.js';
import { loadI2pPrompts, measureThroughput } from './censor-compare.js';

/** Briefs and megabytes per second for one censor. */
export interface BenchRow {
  name: string;
  briefsPerSec: number;
  mbPerSec: number;
}

/**
 * Median throughput of the lexicon's scan (every disguise pass on), its full rewrite (scan, euphemisms, grammar —
 * what a performance runs) with satire on and off, and obscenity on the same prompts. The row names carry the
 * ratio to obscenity, measured in this same run.
 */
export async function benchCensor(): Promise<BenchRow[]> {
  const workload = loadI2pPrompts().map((r) => r.prompt);
  const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const peer = measureThroughput((t) => obscenity.hasMatch(t), workload, 7);
  const rows: BenchRow[] = [
    { name: 'lexicon scan, every disguise pass', ...measureThroughput((t) => lexicon.scan(t), workload, 7) },
    { name: 'lexicon full rewrite, satire on', ...measureThroughput((t) => lexicon.rewrite(t), workload, 7) },
    {
      name: 'lexicon full rewrite, satire off',
      ...measureThroughput((t) => lexicon.rewrite(t, 'standard', { satire: false }), workload, 7),
    },
  ];
  return [
    ...rows.map((row) => ({
      ...row,
      name: `${row.name} (${(row.briefsPerSec / peer.briefsPerSec).toFixed(1)}× obscenity)`,
    })),
    { name: 'obscenity', ...peer },
  ];
}
