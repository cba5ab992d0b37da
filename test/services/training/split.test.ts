import { describe, expect, test } from 'vitest';
import type { Category } from '../../../src/services/censor/types.js';
import { sample, seededRandom, shuffle, splitPairs } from '../../../src/services/training/split.js';
import type { TrainingPair } from '../../../src/services/training/types.js';

const pairs: TrainingPair[] = Array.from({ length: 40 }, (_, i) => {
  const categories: Category[] = i % 4 === 0 ? [] : i % 4 === 1 ? ['weapons'] : i % 4 === 2 ? ['gore'] : ['corporate'];
  return { line: i + 2, brief: `brief ${i}`, censored: `censored ${i}`, categories };
});

describe('seededRandom', () => {
  test('the same seed gives the same sequence, in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  test('pins the sequence, so exports stay the same bytes across versions', () => {
    const random = seededRandom(42);
    expect([random(), random(), random()].map((v) => v.toFixed(8))).toEqual(['0.60110375', '0.44829056', '0.85246579']);
  });
});

describe('shuffle and sample', () => {
  test('shuffle is a permutation and leaves its input alone', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffle(items, seededRandom(1));
    expect(out.toSorted((a, b) => a - b)).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('sample draws a fixed number, the same for the same seed', () => {
    expect(sample([...'abcdefghij'], 3, 5)).toEqual(sample([...'abcdefghij'], 3, 5));
    expect(sample([...'abc'], 10, 5)).toHaveLength(3);
  });
});

describe('splitPairs', () => {
  test('is the same for the same rows, ratio and seed', () => {
    expect(splitPairs(pairs, 0.8, 3)).toEqual(splitPairs(pairs, 0.8, 3));
  });

  test('a different seed gives a different split', () => {
    expect(splitPairs(pairs, 0.8, 3).validation).not.toEqual(splitPairs(pairs, 0.8, 4).validation);
  });

  test('every row lands in exactly one set', () => {
    const { train, validation } = splitPairs(pairs, 0.8, 3);
    expect([...train, ...validation].map((p) => p.line).toSorted((a, b) => a - b)).toEqual(pairs.map((p) => p.line));
  });

  test('is stratified: each category and the safe rows give their share to validation', () => {
    const { validation } = splitPairs(pairs, 0.8, 3);
    const count = (key: string) => validation.filter((p) => (p.categories[0] ?? 'safe') === key).length;
    expect(['safe', 'weapons', 'gore', 'corporate'].map(count)).toEqual([2, 2, 2, 2]);
  });

  test('does not depend on the order of the file', () => {
    const forward = splitPairs(pairs, 0.8, 3).validation.map((p) => p.line);
    const reversed = splitPairs(pairs.toReversed(), 0.8, 3).validation.map((p) => p.line);
    expect(new Set(forward).size).toBe(8);
    expect(reversed).toHaveLength(8);
  });

  test('a ratio of 1 keeps everything for training', () => {
    expect(splitPairs(pairs, 1, 3).validation).toEqual([]);
  });

  test.each([0, -0.5, 1.5, Number.NaN])('refuses a ratio of %s', (ratio) => {
    expect(() => splitPairs(pairs, ratio, 3)).toThrow(RangeError);
  });
});
