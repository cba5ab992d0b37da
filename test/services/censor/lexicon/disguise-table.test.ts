import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Lexicon, loadBuiltInLexiconEntries } from '../../../../src/services/censor/lexicon/index.js';

const safety = Lexicon.fromEntries(loadBuiltInLexiconEntries()).safetyOnly;

// data/eval/disguises.tsv: kind, text, the safety entry it should reach ("-": leave alone), and a reason when missed.
const rows = readFileSync(new URL('../../../../data/eval/disguises.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [kind = '', text = '', term = '', miss] = line.split('\t');
    return { kind, text, term, miss };
  });

describe('the disguise table (data/eval/disguises.tsv)', () => {
  test('holds every kind issue 9 names, and look-alikes to leave alone', () => {
    const kinds = new Set(rows.map((r) => r.kind));
    for (const kind of ['masked', 'vowel-dropped', 'misspelt', 'glued', 'exotic letters', 'leave alone']) {
      expect(kinds).toContain(kind);
    }
  });

  test.each(rows.filter((r) => r.term !== '-' && !r.miss))('$kind: $text → $term', ({ text, term }) => {
    expect(safety.scan(text).map((m) => m.entry.term)).toContain(term);
  });

  test.each(rows.filter((r) => r.term === '-'))('leave alone: $text', ({ text }) => {
    expect(safety.scan(text)).toEqual([]);
  });

  // A known miss stays listed as one: when the censor learns it, this fails until the row loses its reason.
  test.each(rows.filter((r) => r.miss))('known miss, $kind: $text ($miss)', ({ text, term }) => {
    expect(safety.scan(text).map((m) => m.entry.term)).not.toContain(term);
  });
});
