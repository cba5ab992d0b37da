import { describe, expect, test } from 'vitest';
import { Lexicon, loadBuiltInLexiconEntries } from '../../../../src/services/censor/lexicon/index.js';
import { soundAlikeReadings } from '../../../../src/services/censor/lexicon/sound-alike.js';

const safety = Lexicon.fromEntries(loadBuiltInLexiconEntries()).safetyOnly;
const terms = (brief: string) => safety.scan(brief).map((m) => m.entry.term);

describe('soundAlikeReadings', () => {
  test.each([
    ['fuq', ['fuk']],
    ['fuqua', []],
    ['azzhole', ['asshole']],
    ['masturbait', ['masturbate']],
    ['muthafucker', ['mutherfucker']],
    ['thaw', []],
    ['muthafuq', ['muthafuk', 'mutherfuq', 'mutherfuk']],
    ['gallery', []],
  ])('%s → %j', (word, readings) => {
    expect(soundAlikeReadings(word)).toEqual(readings);
  });
});

describe('internet spellings reach the strong word they sound like', () => {
  test.each([
    ['fuq', 'fuck'],
    ['fuqing idiot', 'fuck'],
    ['azzhole', 'asshole'],
    ['masturbait', 'masturbate'],
    ['masturbaiting', 'masturbate'],
    ['muthafucker', 'motherfucker'],
    ['pron', 'pron'],
    ['pr0n', 'pron'],
    ['prn', 'porn'],
    ['prnhub', 'pornhub'],
  ])('%j → %s', (brief, term) => {
    expect(terms(brief)).toContain(term);
  });

  test.each([
    'pronoun',
    'pronto',
    'pronounce',
    'prone to errors',
    'fuqua school of business',
    'iraqi dinar',
    'Qatar airways',
    'pizzeria',
    'jazz bar',
    'fishing bait',
    'a thaw in spring',
    'Muthaiga club',
  ])('leaves %j alone', (brief) => {
    expect(safety.scan(brief)).toEqual([]);
  });
});
