import { describe, expect, test } from 'vitest';
import { Lexicon } from '../../../../src/services/censor/lexicon/index.js';
import type { LexiconOverrides } from '../../../../src/services/censor/types.js';
import { entry, SAMPLE_ENTRIES, sampleLexicon } from './fixtures.js';

const lexicon = sampleLexicon();

describe('Lexicon.find categorises a word or phrase through the same normalisation', () => {
  test.each([
    ['gun', 'gun'],
    ['Guns', 'gun'],
    ['  k1lled ', 'kill'],
    ['assault-rifles', 'assault rifle'],
    ['bl00d', 'blood'],
    ['ｓｈｏｔ', 'shoot'],
    ['beaten up', 'beat up'],
  ])('%j → %s', (word, term) => {
    expect(lexicon.find(word)?.term).toBe(term);
  });

  test.each(['grapes', 'gun control', 'a gun', 'gun gun', '', 'assistant'])('%j → nothing', (word) => {
    expect(lexicon.find(word)).toBeUndefined();
  });
});

describe('Lexicon.withOverrides layers a guild over the built-in lexicon', () => {
  const cases: Array<[string, LexiconOverrides, string, string]> = [
    [
      'an added entry takes effect',
      { add: [entry('spreadsheet', 'joy matrix')], remove: [] },
      'a spreadsheet',
      'a joy matrix',
    ],
    [
      'added entries inflect too',
      { add: [entry('spreadsheet', 'joy matrix')], remove: [] },
      'spreadsheets',
      'joy matrixes',
    ],
    [
      'a removed term no longer matches',
      { add: [], remove: ['gun'] },
      'a gun and a knife',
      'a gun and a letter opener',
    ],
    ['a removal may name a form', { add: [], remove: ['Guns'] }, 'a gun', 'a gun'],
    [
      'removing one term keeps the phrase',
      { add: [], remove: ['assault'] },
      'assault rifle, assault',
      'team-building kit, assault',
    ],
    [
      'a guild entry replaces the built-in one',
      { add: [entry('gun', 'water pistol')], remove: [] },
      'a gun',
      'a water pistol',
    ],
    [
      'a guild entry may change the tier',
      { add: [entry('blood', 'paint', { tier: 'redline' })], remove: [] },
      'blood',
      'paint',
    ],
  ];
  test.each(cases)('%s', (_, overrides, brief, censored) => {
    expect(lexicon.withOverrides(overrides).rewrite(brief).censored).toBe(censored);
  });

  test('the base lexicon is unchanged and sizes add up', () => {
    const layered = lexicon.withOverrides({
      add: [entry('gun', 'water pistol'), entry('memo', 'note')],
      remove: ['axe'],
    });
    expect(layered.size).toBe(SAMPLE_ENTRIES.length + 1 - 1);
    expect(lexicon.size).toBe(SAMPLE_ENTRIES.length);
    expect(lexicon.rewrite('a gun').censored).toBe('an approved device');
  });

  test('a guild tier change shows in the reconsider stance', () => {
    const stricter = lexicon.withOverrides({ add: [entry('gun', 'device', { tier: 'blackout' })], remove: [] });
    expect(stricter.rewrite('my gun', 'reconsider').censored).toBe('my device');
    expect(lexicon.rewrite('my gun', 'reconsider').censored).toBe('my gun');
  });
});

describe('Lexicon.fromEntries', () => {
  test('the first of two entries with the same spelling wins', () => {
    const twice = Lexicon.fromEntries([entry('gun', 'first'), entry('gun', 'second')]);
    expect(twice.rewrite('gun').censored).toBe('first');
  });

  test('a term beats another entry’s derived form', () => {
    // "shot" is listed as a form of "shoot"; a term of its own wins wherever it sits.
    const both = Lexicon.fromEntries([...SAMPLE_ENTRIES, entry('shot', 'vaccination')]);
    expect(both.find('shot')?.term).toBe('shot');
  });
});
