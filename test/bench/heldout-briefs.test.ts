import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadHeldoutBriefs, spansOf } from '../../bench/censor-heldout.js';

// Only the table's shape is checked here; how the censor scores on it belongs to the bench, not to a test.
const file = new URL('../../data/eval/heldout-briefs.tsv', import.meta.url);
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'));
const rows = loadHeldoutBriefs(fileURLToPath(file));

describe('data/eval/heldout-briefs.tsv', () => {
  test('every row has three columns, a kind and a brief', () => {
    expect(rows.length).toBeGreaterThan(300);
    for (const line of lines) expect(line.split('\t')).toHaveLength(3);
    for (const row of rows) {
      expect(row.kind).not.toBe('');
      expect(row.brief.trim()).toBe(row.brief);
      expect(row.brief).not.toBe('');
    }
  });

  test('no brief is listed twice', () => {
    const briefs = rows.map((r) => r.brief.toLowerCase());
    expect(new Set(briefs).size).toBe(briefs.length);
  });

  test.each(rows)(
    '$brief: every term is in the brief, once per row, unsafe and traps apart',
    ({ brief, unsafe, traps }) => {
      const all = [...unsafe, ...traps];
      expect(new Set(all).size).toBe(all.length);
      for (const term of all) expect(spansOf(brief, term).length, term).toBeGreaterThan(0);
      for (const bad of unsafe)
        for (const trap of traps)
          for (const [s, e] of spansOf(brief, bad))
            for (const [ts, te] of spansOf(brief, trap)) expect(s < te && ts < e, `${bad} / ${trap}`).toBe(false);
    },
  );

  test('about half the rows are innocent only, and the rest mark something unsafe', () => {
    const innocent = rows.filter((r) => r.unsafe.length === 0);
    expect(innocent.every((r) => r.traps.length > 0)).toBe(true);
    expect(innocent.length / rows.length).toBeGreaterThan(0.35);
    expect(innocent.length / rows.length).toBeLessThan(0.65);
  });
});
