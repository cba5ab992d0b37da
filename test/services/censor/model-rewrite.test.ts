import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import { Lexicon, loadBuiltInLexiconEntries } from '../../../src/services/censor/lexicon/index.js';
import { DISCRETIONARY, rewriteFromModel } from '../../../src/services/censor/model-rewrite.js';
import type { LexiconEntry, Stance } from '../../../src/services/censor/types.js';
import { applyChanges, wordDiff } from '../../../src/services/censor/word-diff.js';

const entry = (term: string, category: LexiconEntry['category'], tier: LexiconEntry['tier'], euphemism: string) => ({
  term,
  category,
  tier,
  euphemisms: [euphemism],
  reason: `Policy — ${term}`,
});
const lexicon = Lexicon.fromEntries([
  entry('sword', 'weapons', 'redline', 'ceremonial implement'),
  entry('gun', 'weapons', 'redline', 'compliance device'),
  entry('blood', 'gore', 'blackout', 'red paint'),
  entry('riot', 'corporate', 'redline', 'wellness event'),
  entry('nazi', 'hate', 'block', 'refused'),
]);
const style = 'corporate memphis illustration, flat pastel vectors';

const rewrite = (brief: string, raw: string, stance: Stance = 'standard') =>
  rewriteFromModel({ brief, raw, lexicon, stance, style, engine: 'openai' });

const knight = 'a knight with a sword in a village';
const approved = 'a knight with a ceremonial implement in a village';

describe('rewriteFromModel', () => {
  test.each([
    ['a clean rewrite', approved],
    ['trailing gibberish digits (Falcon)', `${approved} 8832 1192 0043`],
    ['wrapping quotes', `"${approved}"`],
    ['a role prefix', `Censored brief: ${approved}`],
    ['the style mangled into a word (GPT "argent")', `${approved}, argent`],
    ['the house style written by the model', `${approved}, ${style}`],
    ['a model that kept the term (leak re-censored)', knight],
  ])('%s becomes the same performable result', (_name, raw) => {
    const result = rewrite(knight, raw);
    expect(result).toEqual({
      verdict: 'rewrite',
      censored: approved,
      engine: 'openai',
      changes: [
        {
          start: 16,
          end: 21,
          from: 'sword',
          to: 'ceremonial implement',
          category: 'weapons',
          tier: 'redline',
          reason: 'Policy — sword',
        },
      ],
    });
  });

  test('a leak next to a model edit: both are changes, and the censored text holds no term', () => {
    const brief = 'a cowboy with a gun and a sword';
    const result = rewrite(brief, 'a cowboy with a gun and a ceremonial implement');
    expect(result.censored).toBe('a cowboy with a compliance device and a ceremonial implement');
    expect(result.changes.map((c) => [c.from, c.to, c.category])).toEqual([
      ['gun', 'compliance device', 'weapons'],
      ['sword', 'ceremonial implement', 'weapons'],
    ]);
  });

  test('on appeal, a redline term the model kept stays', () => {
    expect(rewrite(knight, knight, 'reconsider')).toMatchObject({ verdict: 'pass', censored: knight, changes: [] });
  });

  test('a blackout term keeps its tier, so the show never echoes it', () => {
    const result = rewrite('a knight covered in blood at dawn', 'a knight covered in red paint at dawn');
    expect(result.changes).toMatchObject([{ from: 'blood', to: 'red paint', tier: 'blackout', category: 'gore' }]);
  });

  test('a change the lexicon does not cover is categorised by the euphemism the model chose', () => {
    const result = rewrite('a protest in the town square', 'a wellness event in the town square');
    expect(result.changes).toMatchObject([{ from: 'protest', to: 'wellness event', reason: 'Policy — riot' }]);
  });

  test("a change with no lexicon trace is the model's discretion", () => {
    const result = rewrite('workers on a picket line at noon', 'workers on a coffee break at noon');
    expect(result.changes).toEqual([{ start: 13, end: 24, from: 'picket line', to: 'coffee break', ...DISCRETIONARY }]);
  });

  test.each([
    [
      'case differences keep the brief',
      'A Knight with a sword',
      'a knight with a ceremonial implement',
      'A Knight with a ceremonial implement',
    ],
    [
      'punctuation alone is not a change',
      'a knight, with a sword.',
      'a knight with a ceremonial implement',
      'a knight, with a ceremonial implement.',
    ],
    ['a deletion takes its space along', 'a very angry knight at home', 'a knight at home', 'a knight at home'],
    [
      'an insertion in the middle',
      'a knight in a village',
      'a friendly knight in a village',
      'a friendly knight in a village',
    ],
    [
      'an insertion at the end',
      'a knight in a village',
      'a knight in a village smiling politely',
      'a knight in a village smiling politely',
    ],
    [
      'an insertion before a comma',
      'a boxer hitting his opponent, slow motion',
      'a boxer helping his opponent take a long rest, slow motion',
      'a boxer helping his opponent take a long rest, slow motion',
    ],
    [
      'hyphenated words stay whole',
      'a sit-in protest in the lobby of a bank',
      'a seated gathering in the lobby of a bank',
      'a seated gathering in the lobby of a bank',
    ],
    [
      'an insertion where the model dropped a comma',
      'a knight, in town',
      'a knight wearing armour in town',
      'a knight, wearing armour in town',
    ],
    [
      'double spaces of the brief survive',
      'a knight  with a sword',
      'a knight with a ceremonial implement',
      'a knight  with a ceremonial implement',
    ],
  ])('%s', (_name, brief, raw, censored) => {
    const result = rewrite(brief, raw);
    expect(result.censored).toBe(censored);
    expect(applyChanges(brief, result.changes)).toBe(result.censored);
    for (const change of result.changes) expect(brief.slice(change.start, change.end)).toBe(change.from);
  });

  test('an unexplained change next to a lexicon change takes its policy; a distant one stays discretionary', () => {
    const result = rewrite(
      'a knight swinging a sword wildly at noon, cheering crowds',
      'a knight waving a ceremonial implement wildly at noon, polite crowds',
    );
    expect(result.changes.map((c) => [c.from, c.category, c.reason])).toEqual([
      ['swinging', 'weapons', 'Policy — sword'],
      ['sword', 'weapons', 'Policy — sword'],
      ['cheering', 'corporate', DISCRETIONARY.reason],
    ]);
  });

  test('every pair of the training set performs as written, with changes that rebuild it', () => {
    const builtIn = Lexicon.fromEntries(loadBuiltInLexiconEntries());
    const rows = parse(readFileSync(new URL('../../../data/briefs.csv', import.meta.url)), { columns: true }) as Array<{
      brief: string;
      censored: string;
    }>;
    expect(rows.length).toBeGreaterThan(100);
    for (const { brief, censored } of rows) {
      const result = rewriteFromModel({
        brief,
        raw: censored,
        lexicon: builtIn,
        stance: 'standard',
        style,
        engine: 'huggingface',
      });
      expect(applyChanges(brief, result.changes)).toBe(result.censored);
      expect(builtIn.rewrite(result.censored).changes).toEqual([]);
      if (builtIn.rewrite(censored).changes.length === 0) expect(result.censored).toBe(censored);
    }
  });

  test('an unchanged brief passes', () => {
    expect(rewrite('a cat on a sofa', 'a cat on a sofa')).toEqual({
      verdict: 'pass',
      censored: 'a cat on a sofa',
      changes: [],
      engine: 'openai',
    });
  });

  test.each([
    ['empty output', ''],
    ['only digits', '8832 1192'],
    ['a refused term the model wrote', 'a knight with a nazi flag in a village'],
    ['an answer to something else', 'I am sorry, but I cannot help with that request today'],
  ])('%s is a model failure', (_name, raw) => {
    expect(() => rewrite(knight, raw)).toThrow(ModelError);
  });
});

describe('wordDiff', () => {
  test('offsets point into the brief, replacements come from the rewrite', () => {
    const { hunks } = wordDiff('shoot the cop  now', 'greet the officer now');
    expect(hunks).toEqual([
      { start: 0, end: 5, to: 'greet' },
      { start: 10, end: 13, to: 'officer' },
    ]);
  });
});
