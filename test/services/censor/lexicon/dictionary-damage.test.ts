import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadDictionary } from '../../../../src/services/censor/lexicon/dictionary.js';
import { Lexicon, loadBuiltInLexiconEntries } from '../../../../src/services/censor/lexicon/index.js';

const safety = Lexicon.fromEntries(loadBuiltInLexiconEntries()).safetyOnly;
const listed = new Map(
  readFileSync(new URL('../../../../data/dictionary-damage.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line): [string, string] => {
      const [word = '', ...why] = line.split('\t');
      return [word, why.join(' — ')];
    }),
);

describe('dictionary damage: what the safety layer changes among ordinary words', () => {
  test('exactly the reviewed list in data/dictionary-damage.tsv, each with the entry that makes it unsafe', () => {
    const changed: string[] = [];
    for (const word of loadDictionary()) {
      if (safety.scan(word).length > 0 || safety.scan(`a painting of a ${word} on a table`).length > 0)
        changed.push(word);
    }
    expect(changed.filter((w) => !listed.has(w))).toEqual([]);
    expect([...listed.keys()].filter((w) => !changed.includes(w))).toEqual([]);
  });

  test.each([
    'classic',
    'grapes',
    'therapist',
    'cocktail',
    'peacock',
    'shuttlecock',
    'scunthorpe',
    'assistant',
    'bassist',
    'mishit',
    'snigger',
    'shitake',
    'cocker',
    'analyst',
    'cumulus',
    'document',
    'pushing',
    'sextant',
    'shooting',
  ])('%s is not in it', (word) => {
    expect(listed.has(word)).toBe(false);
    expect(safety.rewrite(`a painting of a ${word} on a table`).changes).toEqual([]);
  });
});
