/**
 * The npm word filters a developer would otherwise pick, each built the way its README recommends, reduced to the
 * one question every filter answers: does this text hold something it would flag?
 */
import { profanity as toadProfanity } from '@2toad/profanity';
import allProfanity from 'allprofanity';
import { Filter } from 'bad-words';
import { Filter as GlinFilter } from 'glin-profanity';
import leoProfanity from 'leo-profanity';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';

/** A censor reduced to a yes/no: would it flag this text? */
export interface Detector {
  name: string;
  flags(text: string): boolean;
}

/** The six peers, in the order the tables list them. */
export function createPeerDetectors(): Detector[] {
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const badWords = new Filter();
  const glin = new GlinFilter({ languages: ['english'], detectLeetspeak: true, normalizeUnicode: true });
  return [
    { name: 'obscenity', flags: (text) => obscenity.hasMatch(text) },
    { name: 'bad-words', flags: (text) => badWords.isProfane(text) },
    { name: '@2toad/profanity', flags: (text) => toadProfanity.exists(text) },
    { name: 'leo-profanity', flags: (text) => leoProfanity.check(text) },
    { name: 'allprofanity', flags: (text) => allProfanity.check(text) },
    { name: 'glin-profanity', flags: (text) => glin.isProfane(text) },
  ];
}
