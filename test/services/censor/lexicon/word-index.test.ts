import { describe, expect, test } from 'vitest';
import { tokenize } from '../../../../src/services/censor/lexicon/tokens.js';
import { hashWord, WordIndex } from '../../../../src/services/censor/lexicon/word-index.js';

describe('the tokenizer hashes each token as hashWord does', () => {
  test.each(['a gun', 'KILL the Duke', 'k1ll!! $ex', 'ｇｕｎ bl00d', 'nâïvé f*ck', 'kiiiill, s.e.x - g u n'])(
    '%j',
    (text) => {
      for (const token of tokenize(text)) expect(token.hash).toBe(hashWord(token.core));
    },
  );
});

describe('WordIndex reads by hash what the Map holds', () => {
  const lookup = (index: WordIndex<number>, word: string) => index.getHashed(word, hashWord(word));

  test('set, update and miss', () => {
    const index = new WordIndex<number>();
    index.set('gun', 1).set('knife', 2).set('gun', 3);
    expect([lookup(index, 'gun'), lookup(index, 'knife'), lookup(index, 'sword')]).toEqual([3, 2, undefined]);
    expect(index.size).toBe(2);
  });

  test('deletions in bulk, then more writes', () => {
    const index = new WordIndex<number>();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    for (const [i, word] of words.entries()) index.set(word, i);
    for (const word of words.slice(0, 4000)) index.delete(word);
    index.set('late', -1);
    expect(lookup(index, 'w0')).toBeUndefined();
    expect(lookup(index, words[4500] as string)).toBe(4500);
    expect(lookup(index, 'late')).toBe(-1);
    index.clear();
    expect(lookup(index, 'late')).toBeUndefined();
    index.set('again', 7);
    expect(lookup(index, 'again')).toBe(7);
  });

  test('every key stays found as the index grows', () => {
    const index = new WordIndex<number>();
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
    for (const [i, word] of words.entries()) index.set(word, i);
    expect(words.every((word, i) => lookup(index, word) === i)).toBe(true);
  });

  test('setHashed is set with the hash handed in, updates included', () => {
    const index = new WordIndex<number>();
    const words = Array.from({ length: 3000 }, (_, i) => `hashed${i}`);
    for (const [i, word] of words.entries()) index.setHashed(word, hashWord(word), i);
    index.setHashed('hashed7', hashWord('hashed7'), -7);
    expect(index.size).toBe(3000);
    expect(index.get('hashed7')).toBe(-7);
    expect(words.every((word, i) => lookup(index, word) === (i === 7 ? -7 : i))).toBe(true);
  });
});
