import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Lexicon, loadBuiltInLexiconEntries } from '../../../../src/services/censor/lexicon/index.js';

const safety = Lexicon.fromEntries(loadBuiltInLexiconEntries()).safetyOnly;
const decode = (text: string) =>
  text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

// data/eval/peer-disguises.tsv: source, kind, text, catch | leave, and a reason when the safety layer gets it wrong.
const rows = readFileSync(new URL('../../../../data/eval/peer-disguises.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [source = '', kind = '', text = '', expected = '', wrong] = line.split('\t');
    return { source, kind, text: decode(text), shown: text, expected, wrong };
  });
const flagged = (text: string) => safety.scan(text).length > 0;

describe('the peers’ disguise cases (data/eval/peer-disguises.tsv)', () => {
  test('every row names its source, a kind and what to expect, each text once', () => {
    for (const row of rows) {
      expect(row.source).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{7}:\S/);
      expect(row.kind).not.toBe('');
      expect(['catch', 'leave']).toContain(row.expected);
      expect(row.expected === 'leave').toBe(row.kind === 'leave alone');
    }
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
  });

  test.each(rows.filter((r) => r.expected === 'catch' && !r.wrong))('$kind: $shown', ({ text }) => {
    expect(flagged(text)).toBe(true);
  });

  test.each(rows.filter((r) => r.expected === 'leave' && !r.wrong))('leave alone: $shown', ({ text }) => {
    expect(flagged(text)).toBe(false);
  });

  // A known miss (or a known flag) stays listed as one: when the censor changes its answer, this fails until the
  // row loses its reason.
  test.each(rows.filter((r) => r.wrong))('known wrong, $kind: $shown ($wrong)', ({ text, expected }) => {
    expect(flagged(text)).toBe(expected === 'leave');
  });
});
