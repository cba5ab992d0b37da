import { describe, expect, test } from 'vitest';
import { Lexicon } from '../../../../src/services/censor/lexicon/index.js';
import type { Change } from '../../../../src/services/censor/types.js';
import { entry, sampleLexicon } from './fixtures.js';

const lexicon = sampleLexicon();

/** Applies changes to the brief in order: the show rebuilds the censored text this way. */
function apply(brief: string, changes: Change[]): string {
  let out = '';
  let cursor = 0;
  for (const change of changes) {
    expect(brief.slice(change.start, change.end)).toBe(change.from);
    out += brief.slice(cursor, change.start) + change.to;
    cursor = change.end;
  }
  return out + brief.slice(cursor);
}

describe('tiers and verdicts', () => {
  test.each([
    // redline and blackout terms are replaced
    ['a red gun', 'rewrite', 'a red approved device', ['redline']],
    ['blood on the floor', 'rewrite', 'ketchup on the floor', ['blackout']],
    ['gun and blood', 'rewrite', 'approved device and ketchup', ['redline', 'blackout']],
    // one block term refuses the whole brief; the changes still list everything found
    ['sex with a gun', 'block', '', ['block', 'redline']],
    ['s.e.x', 'block', '', ['block']],
    // nothing found: the brief passes byte for byte
    ['a quiet lake at dawn', 'pass', 'a quiet lake at dawn', []],
    ['  spaces\tand\nnewlines  ', 'pass', '  spaces\tand\nnewlines  ', []],
  ])('%j → %s', (brief, verdict, censored, tiers) => {
    const result = lexicon.rewrite(brief);
    expect(result.verdict).toBe(verdict);
    expect(result.censored).toBe(censored);
    expect(result.changes.map((c) => c.tier)).toEqual(tiers);
    if (verdict !== 'block') expect(apply(brief, result.changes)).toBe(result.censored);
  });

  test('a change carries the entry category, reason and layer', () => {
    const [change] = lexicon.rewrite('stabbing').changes;
    expect(change).toEqual({
      start: 0,
      end: 8,
      from: 'stabbing',
      to: 'gently tapping',
      category: 'violence',
      tier: 'redline',
      reason: 'Policy on stab',
      layer: 'safety',
    });
  });
});

describe('the reconsider stance (second pass on appeal)', () => {
  test.each([
    // redline lets through, blackout still replaced, block still blocks
    ['a gun and blood', 'rewrite', 'a gun and ketchup'],
    ['a gun', 'pass', 'a gun'],
    ['a gun and sex', 'block', ''],
    ['corpse', 'rewrite', 'inactive colleague'],
  ])('%j → %s %j', (brief, verdict, censored) => {
    const result = lexicon.rewrite(brief, 'reconsider');
    expect(result.verdict).toBe(verdict);
    expect(result.censored).toBe(censored);
    expect(result.changes.every((c) => c.tier !== 'redline')).toBe(true);
  });
});

describe('replacements keep the brief grammatical', () => {
  test.each([
    // nouns: plural pluralises the euphemism's last word
    ['one gun', 'one approved device'],
    ['two guns', 'two approved devices'],
    ['knives', 'letter openers'],
    ['assault rifles', 'team-building kits'],
    ['corpses', 'inactive colleagues'],
    // verbs: -s, -ed, -ing inflect the euphemism's verb (after any adverb)
    ['he kills', 'he offboards'],
    ['killed', 'offboarded'],
    ['killing', 'offboarding'],
    ['stabbed twice', 'gently tapped twice'],
    ['shaming', 'giving feedback to'],
    ['shamed', 'gave feedback to'],
    ['was shamed', 'was given feedback to'],
    ['was shot', 'was photographed'],
    ['dying', 'stepping away'],
    ['beaten up', 'taken aside'],
    ['beating up', 'taking aside'],
    ['buried', 'archived'],
    // adjectives as they are
    ['naked', 'business casual'],
    // capitalisation of the first letter, and shouting
    ['Gun', 'Approved device'],
    ['GUNS', 'APPROVED DEVICES'],
    ['KILLED', 'OFFBOARDED'],
    ['G U N', 'APPROVED DEVICE'],
    // articles follow the replacement's first sound
    ['a gun', 'an approved device'],
    ['A gun', 'An approved device'],
    ['A GUN', 'AN APPROVED DEVICE'],
    ['an axe', 'a wellness tool'],
    ['An axe', 'A wellness tool'],
    ['a\tgun', 'an\tapproved device'],
    ['a knife', 'a letter opener'],
    ['a red gun', 'a red approved device'],
    ['banana gun', 'banana approved device'],
    ['a g u n', 'an approved device'],
    ['a gun, an axe, a knife', 'an approved device, a wellness tool, a letter opener'],
  ])('%j → %j', (brief, censored) => {
    const result = lexicon.rewrite(brief);
    expect(result.censored).toBe(censored);
    expect(apply(brief, result.changes)).toBe(censored);
  });

  test.each([
    // from and start/end refer to the original text; an article that had to change is part of the change
    ['a gun', [[0, 5, 'a gun', 'an approved device']]],
    ['my gun', [[3, 6, 'gun', 'approved device']]],
    ['the k1ll', [[4, 8, 'k1ll', 'offboard']]],
    ['🔫 a gun', [[3, 8, 'a gun', 'an approved device']]],
  ])('%j changes', (brief, expected) => {
    expect(lexicon.rewrite(brief).changes.map((c) => [c.start, c.end, c.from, c.to])).toEqual(expected);
  });
});

describe('euphemisms are picked deterministically', () => {
  const varied = Lexicon.fromEntries([entry('gun', ['device one', 'device two', 'device three', 'device four'])]);
  const brief = Array.from({ length: 12 }, () => 'gun').join(', ');

  test('the same brief always reads the same, from any compiled copy', () => {
    const again = Lexicon.fromEntries(varied.entries);
    expect(again.rewrite(brief)).toEqual(varied.rewrite(brief));
  });

  test('repeated occurrences get varied euphemisms, all from the entry', () => {
    const used = new Set(varied.rewrite(brief).changes.map((c) => c.to));
    expect(used.size).toBeGreaterThan(1);
    for (const to of used) expect(varied.entries[0]?.euphemisms).toContain(to);
  });
});
