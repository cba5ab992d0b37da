import { describe, expect, test } from 'vitest';
import { Lexicon, loadBuiltInLexiconEntries } from '../../../../src/services/censor/lexicon/index.js';
import type { LexiconEntry } from '../../../../src/services/censor/types.js';

const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
const safetyChanges = (brief: string) => lexicon.safetyOnly.rewrite(brief).changes.map((c) => c.from);

describe('a one- or two-letter mask counts only in its frame (fire phrases)', () => {
  test.each([
    ['fk you', ['fk']],
    ['go f yourself', ['f']],
    ['F off', ['F']],
    ['oh f this', ['f']],
    ['f that noise', ['f']],
    ['f u buddy', ['f']],
    ['holy f*** that', ['f***']],
  ])('%j', (brief, froms) => expect(safetyChanges(brief)).toEqual(froms));

  test.each([
    'f/2.8 lens',
    'f/1.8 lens',
    'shot at f 2.8',
    'an f stop',
    'the letter f',
    'the f word',
    'got an F this semester',
    'press F to pay respects',
    'vitamin F',
    'f, you know',
    'f    u',
    'row F, seat 12',
    'Section F off the main corridor',
    'fk constraint on the table',
  ])('leaves %j alone', (brief) => expect(safetyChanges(brief)).toEqual([]));

  test('fire phrases are a general cue: a frame before the match works too', () => {
    const entry: LexiconEntry = {
      term: 'xx',
      category: 'profanity',
      tier: 'redline',
      euphemisms: ['kisses'],
      reason: 'test',
      cues: { fire: ['hugs and xx'] },
    };
    const own = Lexicon.fromEntries([entry]);
    expect(own.scan('hugs and xx').map((m) => m.text)).toEqual(['xx']);
    expect(own.scan('xx marks the spot')).toEqual([]);
    expect(own.scan('hugs, and xx')).toEqual([]);
  });
});

describe('assassin is an archetype (theatre); assassinate needs someone it is done to', () => {
  test.each([
    ['assassin', [], ['assassin']],
    ['an assassin in a cloak', [], ['an assassin']],
    ["Assassin's Creed cosplay", [], ['Assassin']],
    // The verb's cue gates it in both layers: with no one it is done to, it is a word, not a scene.
    ['assassinate', [], []],
    ['to assassinate or not', [], []],
    // The noun names the event, a killing, as "murder" does: it stays safety on its own.
    ['an assassination attempt', ['an assassination'], ['an assassination']],
    ['jfk assassination, painting', ['assassination'], ['assassination']],
    ['assassinate the president', ['assassinate'], ['assassinate']],
    ['the assassination of Julius Caesar', ['assassination'], ['assassination']],
    ['a plot to assassinate the emperor', ['assassinate'], ['assassinate']],
    ['assassinated the king', ['assassinated'], ['assassinated']],
  ])('%j', (brief, safety, both) => {
    expect(safetyChanges(brief)).toEqual(safety);
    expect(lexicon.rewrite(brief).changes.map((c) => c.from)).toEqual(both);
  });
});
