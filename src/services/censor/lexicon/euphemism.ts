import type { LexiconEntry } from '../types.js';
import { type Inflection, pastTense, pluralize, presentParticiple, thirdPerson } from './inflect.js';

/** FNV-1a over UTF-16 code units: a stable hash, so the same brief always gets the same euphemisms. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The euphemism for the `occurrence`-th match of an entry in one brief: varied, but never random. */
export function pickEuphemism(entry: LexiconEntry, occurrence: number): string {
  const { euphemisms } = entry;
  return euphemisms[stableHash(`${entry.term}\u0000${occurrence}`) % euphemisms.length] as string;
}

// Verbs that end in -ly, so they are not mistaken for adverbs ("comply with" inflects "comply").
const LY_VERBS: ReadonlySet<string> = new Set(
  'apply supply reply rely comply multiply imply fly ally rally tally bully sully dally'.split(' '),
);
const isAdverb = (word: string) => word.length > 4 && word.endsWith('ly') && !LY_VERBS.has(word.toLowerCase());

/** Index of the noun to pluralise: the last word, or the head before "of" ("bottles of sparkling juice"). */
function nounHead(words: string[]): number {
  const of = words.findIndex((w, i) => i > 0 && w.toLowerCase() === 'of');
  return of > 0 ? of - 1 : words.length - 1;
}

/** Index of the verb to inflect: the first word, after any leading adverbs ("permanently offboarded"). */
function verbHead(words: string[]): number {
  let i = 0;
  while (i < words.length - 1 && isAdverb(words[i] as string)) i++;
  return i;
}

/**
 * Inflects a euphemism like the matched word: a plural noun pluralises the euphemism's noun, a verb form
 * inflects its verb. `participle` picks "taken" over "took" after an auxiliary ("was taken offline").
 */
export function inflectEuphemism(euphemism: string, inflection: Inflection, participle = false): string {
  if (inflection === 'base') return euphemism;
  const words = euphemism.split(' ');
  const at = inflection === 'plural' ? nounHead(words) : verbHead(words);
  const word = words[at] as string;
  const inflected =
    inflection === 'plural'
      ? pluralize(word)
      : inflection === 'third'
        ? thirdPerson(word)
        : inflection === 'past' || inflection === 'participle'
          ? pastTense(word, participle || inflection === 'participle')
          : presentParticiple(word);
  return words.with(at, inflected).join(' ');
}

/** Gives the replacement the case of the original: "Gun" → "Approved device", "GUN" → "APPROVED DEVICE". */
export function matchCase(replacement: string, original: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return replacement.toUpperCase();
  }
  const first = letters.charAt(0);
  if (first && first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
