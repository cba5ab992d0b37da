import { describe, expect, test } from 'vitest';
import { leetReadings } from '../../../../src/services/censor/lexicon/leet.js';
import { foldText, termKey, termWords } from '../../../../src/services/censor/lexicon/normalize.js';
import { tokenize } from '../../../../src/services/censor/lexicon/tokens.js';

describe('foldText folds what disguises a word', () => {
  test.each([
    ['GUN', 'gun'],
    ['ｇｕｎ', 'gun'],
    ['ﬁre', 'fire'],
    ['nâïvé', 'naive'],
    ['g\u200bu\u00adn', 'gun'],
    ['ѕех', 'sex'],
    ['βlοοd', 'blood'],
    ['𝐠𝐮𝐧', 'gun'],
    ['Straße', 'strasse'],
    ['ⓖⓤⓝ', 'gun'],
    ['🄶🅄🄽', 'gun'],
    ['ɢᴜɴ ᴅᴊ', 'gun dj'],
  ])('%j → %j', (text, folded) => expect(foldText(text)).toBe(folded));

  test('a circled letter joins a word, a symbol that only decomposes to letters does not', () => {
    expect(termWords('ⓖⓤⓝ')).toEqual(['gun']);
    expect(termWords('gun™')).toEqual(['gun']);
  });
});

describe('terms are split into folded words', () => {
  test.each([
    ['Assault-Rifle', ['assault', 'rifle'], 'assault rifle'],
    ['  ak-47 ', ['ak', '47'], 'ak 47'],
    ['2 girls 1 cup', ['2', 'girls', '1', 'cup'], '2 girls 1 cup'],
  ])('%j', (term, words, key) => {
    expect(termWords(term)).toEqual(words);
    expect(termKey(term)).toBe(key);
  });
});

describe('leetReadings', () => {
  test.each([
    ['k1ll', ['kill', 'klll']],
    ['bl00d', ['blood']],
    ['n@ked', ['naked']],
    ['$ex', ['sex']],
    ['|<ill', ['kill']],
    ['gun', []],
    ['1969', []],
    ['$$', []],
  ])('%j → %j', (word, readings) => expect(leetReadings(word)).toEqual(readings));
});

describe('tokenize keeps original offsets', () => {
  test.each([
    [
      'a gun!',
      [
        ['a', 0, 1],
        ['gun!', 2, 6],
      ],
    ],
    [
      'ｇｕｎ bl00d',
      [
        ['gun', 0, 3],
        ['bl00d', 4, 9],
      ],
    ],
    ['💀kill💀', [['kill', 2, 6]]],
    ['na\u0302ked', [['naked', 0, 6]]],
    [
      "gun's",
      [
        ['gun', 0, 3],
        ['s', 4, 5],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(tokenize(text).map((t) => [t.norm, t.start, t.end])).toEqual(expected);
  });
});
