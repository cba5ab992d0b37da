import { describe, expect, test } from 'vitest';
import { Lexicon, loadBuiltInLexiconEntries } from '../../../../src/services/censor/lexicon/index.js';
import { LETTER_READINGS } from '../../../../src/services/censor/lexicon/letters.js';
import { foldText } from '../../../../src/services/censor/lexicon/normalize.js';

const safety = Lexicon.fromEntries(loadBuiltInLexiconEntries()).safetyOnly;

describe('look-alike letters that neither NFKD nor the confusables data reads', () => {
  test.each([
    ['ƈ', 'c'],
    ['Ƈ', 'c'],
    ['ɦ', 'h'],
    ['ɗ', 'd'],
    ['ƙ', 'k'],
    ['ɓ', 'b'],
    ['ʂ', 's'],
    ['ȶ', 't'],
    ['ɲ', 'n'],
    ['ꞓ', 'c'],
    ['ʃ', 'f'],
    ['ε', 'e'],
    ['χ', 'x'],
    ['ω', 'w'],
    ['μ', 'u'],
    ['ὗ', 'u'],
  ])('%s reads as %s', (letter, plain) => {
    expect(foldText(letter)).toBe(plain);
  });

  test('the table holds single letters read as single plain letters', () => {
    for (const [letter, plain] of LETTER_READINGS) {
      expect([...letter]).toHaveLength(1);
      expect(plain).toMatch(/^[a-z]$/);
    }
  });

  test.each([
    ['ʃ𝐟ʃὗƈｋ ỹоứ', 'fuck'],
    ['ʃṳ𝒸𝗄', 'fuck'],
    ['ƈunt', 'cunt'],
    ['ʂɦit', 'shit'],
    ['ɓitƈɦ', 'bitch'],
    ['pεnis', 'penis'],
  ])('%j is caught as %s', (brief, term) => {
    expect(safety.scan(brief).map((m) => m.entry.term)).toContain(term);
  });

  test.each(['ƈlassiƈ ƈar', 'Ελληνικά γράμματα', 'ʃhell beach', 'μg of salt', 'ωmega'])('leaves %j alone', (brief) => {
    expect(safety.scan(brief)).toEqual([]);
  });
});

describe('Indic vowel signs stay in a word, unlike Latin accents', () => {
  test.each([
    ['चूतिया', 'चूतिया'],
    ['गाँड', 'गांड'],
    ['\u092d\u094b\u0938\u0921\u093c\u0940', 'भोसडी'],
    ['\u092d\u094b\u0938\u095c\u0940', 'भोसडी'],
    ['café', 'cafe'],
  ])('%s folds to %s', (word, folded) => {
    expect(foldText(word)).toBe(folded);
  });

  test('words that differ only in their vowel signs stay apart', () => {
    expect(foldText('लंड')).not.toBe(foldText('लड़ो'));
    expect(foldText('चूत')).not.toBe(foldText('चित'));
  });
});
