import { Lexicon } from '../../../../src/services/censor/lexicon/index.js';
import type { Category, LexiconEntry, Tier } from '../../../../src/services/censor/types.js';

/** A lexicon entry with one euphemism, so a test can say exactly what the rewrite should read. */
export function entry(
  term: string,
  euphemism: string | string[],
  options: { tier?: Tier; category?: Category; pos?: LexiconEntry['pos']; forms?: string[] } = {},
): LexiconEntry {
  const { tier = 'redline', category = 'weapons', pos, forms } = options;
  return {
    term,
    category,
    tier,
    euphemisms: Array.isArray(euphemism) ? euphemism : [euphemism],
    reason: `Policy on ${term}`,
    ...(pos ? { pos } : {}),
    ...(forms ? { forms } : {}),
  };
}

/** A small lexicon covering every tier, part of speech and shape of term the matcher handles. */
export const SAMPLE_ENTRIES: LexiconEntry[] = [
  entry('gun', 'approved device'),
  entry('axe', 'wellness tool'),
  entry('knife', 'letter opener', { forms: ['knives'] }),
  entry('assault rifle', 'team-building kit'),
  entry('assault', 'spirited discussion'),
  entry('grenade', 'stress ball'),
  entry('ak-47', 'legacy device'),
  entry('kill', 'offboard', { pos: 'verb', category: 'violence' }),
  entry('stab', 'gently tap', { pos: 'verb', category: 'violence' }),
  entry('shame', 'give feedback to', { pos: 'verb', category: 'violence' }),
  entry('shoot', 'photograph', { pos: 'verb', category: 'violence', forms: ['shot'] }),
  entry('bury', 'archive', { pos: 'verb', category: 'violence' }),
  entry('beat up', 'take aside', { pos: 'verb', category: 'violence', forms: ['beaten up'] }),
  entry('blood', 'ketchup', { tier: 'blackout', category: 'gore' }),
  entry('corpse', 'inactive colleague', { tier: 'blackout', category: 'gore' }),
  entry('naked', 'business casual', { pos: 'adjective', category: 'nudity' }),
  entry('sex', 'synergy', { tier: 'block', category: 'sexual' }),
  entry('ass', 'rear', { category: 'profanity' }),
  entry('cock', 'rooster', { category: 'profanity' }),
  entry('tit', 'songbird', { category: 'profanity' }),
  entry('cum', 'arrive', { category: 'sexual' }),
  entry('rape', 'misconduct', { tier: 'block', category: 'sexual' }),
  entry('rapist', 'offender', { tier: 'block', category: 'sexual' }),
  entry('anal', 'thorough', { pos: 'adjective', category: 'sexual' }),
  entry('cunt', 'colleague', { tier: 'blackout', category: 'profanity' }),
  entry('dick', 'detective', { category: 'profanity' }),
  entry('shit', 'stuff', { category: 'profanity' }),
  entry('meth', 'energy supplement', { category: 'drugs' }),
  entry('heroin', 'hero product', { category: 'drugs' }),
  entry('nude', 'tastefully draped', { pos: 'adjective', category: 'nudity' }),
  entry('hang', 'suspend', { pos: 'verb', category: 'self-harm', forms: ['hung', 'hanged'] }),
  entry('die', 'step away', { pos: 'verb', category: 'violence' }),
  entry('strip', 'declutter', { pos: 'verb', category: 'nudity' }),
  entry('in flames', 'under review', { category: 'violence' }),
];

/** The sample lexicon, compiled. */
export function sampleLexicon(): Lexicon {
  return Lexicon.fromEntries(SAMPLE_ENTRIES);
}
