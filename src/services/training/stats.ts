import { CATEGORIES, type Category } from '../censor/types.js';
import type { TrainingPair } from './types.js';

/** Counts that say whether a dataset covers what it should. A row with two categories counts in both. */
export interface DatasetStats {
  rows: number;
  safe: number;
  byCategory: Record<Category, number>;
}

export function datasetStats(pairs: readonly TrainingPair[]): DatasetStats {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let safe = 0;
  for (const pair of pairs) {
    if (pair.categories.length === 0) safe++;
    for (const category of pair.categories) byCategory[category]++;
  }
  return { rows: pairs.length, safe, byCategory };
}
