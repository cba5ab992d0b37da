import type { TrainingPair } from './types.js';

/** The share of rows that goes to training when no `--split` is given. */
export const DEFAULT_SPLIT = 0.9;
/** The shuffle seed when no `--seed` is given. Export and eval use the same one, so they agree on validation. */
export const DEFAULT_SEED = 42;

/** mulberry32: a tiny seeded generator. Same seed, same sequence, on every platform and Node version. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffle driven by `random`; returns a new array. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A fixed-size sample drawn by a seeded shuffle, in the order drawn. */
export function sample<T>(items: readonly T[], size: number, seed: number): T[] {
  return shuffle(items, seededRandom(seed)).slice(0, Math.max(0, size));
}

export interface Split<T> {
  train: T[];
  validation: T[];
}

/**
 * Splits the pairs into training and validation sets, the same way for the same rows, ratio and seed.
 * Validation gets `round(rows × (1 − ratio))` rows, shared among the strata (each row's first category, "safe"
 * for safe rows) in proportion to their size by largest remainder, so a small validation set still holds safe
 * briefs and the common categories. Both sets come out shuffled (a fine-tune should not see all the gore in a
 * row), in an order fixed by the seed.
 */
export function splitPairs(
  pairs: readonly TrainingPair[],
  ratio = DEFAULT_SPLIT,
  seed = DEFAULT_SEED,
): Split<TrainingPair> {
  if (!(ratio > 0 && ratio <= 1)) throw new RangeError(`split ratio must be in (0, 1], got ${ratio}`);
  const random = seededRandom(seed);
  const strata = new Map<string, TrainingPair[]>();
  for (const pair of pairs) {
    const key = pair.categories[0] ?? 'safe';
    strata.set(key, [...(strata.get(key) ?? []), pair]);
  }
  // Strata in a fixed order, so the result does not depend on which category happens to come first in the file.
  const keys = [...strata.keys()].sort();
  const share = 1 - ratio;
  const quotas = keys.map((key) => (strata.get(key)?.length ?? 0) * share);
  const held = quotas.map(Math.floor);
  const total = Math.round(pairs.length * share + 1e-9);
  const byRemainder = keys
    .map((_, i) => i)
    .sort((a, b) => (quotas[b] ?? 0) - (held[b] ?? 0) - ((quotas[a] ?? 0) - (held[a] ?? 0)) || a - b);
  for (let left = total - held.reduce((a, b) => a + b, 0), j = 0; left > 0; left--, j++) {
    const i = byRemainder[j % byRemainder.length] ?? 0;
    held[i] = (held[i] ?? 0) + 1;
  }
  const train: TrainingPair[] = [];
  const validation: TrainingPair[] = [];
  for (const [i, key] of keys.entries()) {
    const group = shuffle(strata.get(key) ?? [], random);
    validation.push(...group.slice(0, held[i]));
    train.push(...group.slice(held[i]));
  }
  return { train: shuffle(train, random), validation: shuffle(validation, random) };
}
