/**
 * The fuzzy disguise passes: masked letters ("f*ck", "wh#re"), dropped vowels ("fck", "prn"), one-edit misspellings
 * ("masterbate"), and strong stems glued inside a longer token ("totalshitshow"). Each runs only on a token that is
 * not a dictionary word, and only looks for the lexicon's strong words, so no ordinary word is ever touched.
 */
import type { Dictionary } from './dictionary.js';
import { soundAlikeReadings } from './sound-alike.js';

/** The strong words the passes look for, indexed every way a pass asks. Built once per compiled lexicon. */
export interface DisguiseIndex {
  dictionary: Dictionary;
  /** Strong words by length, for masks. */
  byLength: Map<number, string[]>;
  /** Strong words by their consonants ("fck" → "fuck"). */
  byConsonants: Map<string, string>;
  /** Strong words and their one-letter deletions, to find one-edit neighbours (symmetric delete). */
  byDeletion: Map<string, string[]>;
  /** Stems that stay strong glued inside a longer token. */
  glueStems: string[];
  /** Every strong word, so a glued stem keeps its ending when the lexicon knows it ("motherfucking"). */
  words: Set<string>;
  /** Words the matcher added to the trie only to remember that they disguise nothing (see matcher-disguise.ts). */
  remembered: string[];
}

const VOWELS = /[aeiouy]/g;
const MASK = /[*#%@$]/;
const MASKS = /[*#%@$]/g;
const GRAWLIX = /^[a-z][*#%]+$/;
/** Endings a glued stem may carry without a dictionary word after it ("shitshows" needs "shows"; "-ing" is free). */
const GLUE_ENDINGS: ReadonlySet<string> = new Set(
  's es ing in er ers ed y ie head face tard wit hole bag stick wad'.split(' '),
);

const MASKED_ENDINGS = ['ers', 'er', 'ing', 'in', 'ed', 'es', 's', 'y'];

const DOUBLE = /(.)\1+/g;
const consonants = (word: string) => word.replace(VOWELS, '');
const vowelCount = (word: string) => word.length - consonants(word).length;

/** Builds the index from the strong words (already every derived form) and the stems allowed to glue. */
export function buildDisguiseIndex(
  strong: Iterable<string>,
  stems: Iterable<string>,
  dictionary: Dictionary,
): DisguiseIndex {
  const index: DisguiseIndex = {
    dictionary,
    byLength: new Map(),
    byConsonants: new Map(),
    byDeletion: new Map(),
    glueStems: [...new Set(stems)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length),
    words: new Set(),
    remembered: [],
  };
  for (const word of strong) {
    if (word.length < 3 || !/^[a-z]+$/.test(word)) continue;
    index.words.add(word);
    push(index.byLength, word.length, word);
    const key = consonants(word);
    if (key.length >= 3 && key !== word && !index.byConsonants.has(key)) index.byConsonants.set(key, word);
    if (word.length >= 4) {
      push(index.byDeletion, word, word);
      for (let i = 0; i < word.length; i++) push(index.byDeletion, word.slice(0, i) + word.slice(i + 1), word);
    }
  }
  return index;
}

function push<K>(map: Map<K, string[]>, key: K, word: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [word]);
  else if (!list.includes(word)) list.push(word);
}

/**
 * "f*ck" → "fuck": each mask symbol stands for one letter; at least two real letters, no more masks than letters —
 * or the grawlix of a first letter and masks only ("f***"), when exactly one strong word of that length fits it.
 */
export function unmask(norm: string, index: DisguiseIndex): string | undefined {
  if (!MASK.test(norm)) return undefined;
  const letters = norm.replace(MASKS, '').length;
  if (letters === 1 && norm.length >= 4 && GRAWLIX.test(norm)) {
    const fitting = (index.byLength.get(norm.length) ?? []).filter((word) => word[0] === norm[0]);
    return fitting.length === 1 ? fitting[0] : undefined;
  }
  if (letters < 2 || letters < norm.length - letters) return undefined;
  for (const word of index.byLength.get(norm.length) ?? []) if (fits(norm, word)) return word;
  // A masked stem with a plain ending the dictionary lacks ("w*nker"): the stem, or its form when that is a word.
  for (const ending of MASKED_ENDINGS) {
    const stem = norm.slice(0, -ending.length);
    if (!norm.endsWith(ending) || !MASK.test(stem) || stem.replace(MASKS, '').length < 2) continue;
    for (const word of index.byLength.get(stem.length) ?? []) {
      if (fits(stem, word)) return index.words.has(word + ending) ? word + ending : word;
    }
  }
  return undefined;
}

function fits(pattern: string, word: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern.charCodeAt(i);
    // * # % @ $ are wildcards.
    if (p !== 42 && p !== 35 && p !== 37 && p !== 64 && p !== 36 && p !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * The strong word a plain (letters-only) token disguises, or undefined. The token must not be a dictionary word;
 * `exotic` says a letter of it was not plain ASCII, which lets a four-letter word count as misspelt ("ʃuck");
 * `decoded` says it was read from leetspeak, where a digit for a vowel is the disguise itself ("f4ck").
 */
export function undisguise(word: string, index: DisguiseIndex, exotic: boolean, decoded = false): string | undefined {
  if (word.length < 3 || index.dictionary.has(word)) return undefined;
  return search(word, index, exotic, decoded) ?? soundsLike(word, index, exotic, decoded);
}

/** A strong word a sound-alike reading spells ("azzhole" → "asshole") or disguises ("fuq" → "fuk" → "fuck"). */
function soundsLike(word: string, index: DisguiseIndex, exotic: boolean, decoded: boolean): string | undefined {
  for (const reading of soundAlikeReadings(word)) {
    if (index.words.has(reading)) return reading;
    const found = index.dictionary.has(reading) ? undefined : search(reading, index, exotic, decoded);
    if (found) return found;
  }
  return undefined;
}

function search(word: string, index: DisguiseIndex, exotic: boolean, decoded: boolean): string | undefined {
  const dropped = index.byConsonants.get(consonants(word));
  if (dropped && vowelCount(word) < vowelCount(dropped)) return dropped;
  // "ph" for "f" ("phuck") is a spelling, not an edit.
  if (word.includes('ph')) {
    const f = word.replaceAll('ph', 'f');
    if (index.words.has(f)) return f;
  }
  const near = oneEditAway(word, index);
  // Short words have many one-edit neighbours: below five letters, the first letter must stay ("fuk", "fcuk", "pr0n"),
  // and one vowel written for another makes another word, often a foreign one or a name ("fick", "feck", "cont").
  if (near && (word.length >= 5 || exotic || (near[0] === word[0] && (decoded || !vowelSwapped(word, near)))))
    return near;
  if (word.length >= 7) return glued(word, index);
  // A doubled letter is a cheap disguise too ("ffuk" is "fuk"): try once more with every double undone.
  const single = word.replace(DOUBLE, '$1');
  return single !== word && single.length >= 3 && !index.dictionary.has(single)
    ? search(single, index, exotic, decoded)
    : undefined;
}

const PLAIN_VOWEL = /^[aeiou]$/;

/** Whether two words of one length differ in one place only, a plain vowel in each. */
function vowelSwapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  return at >= 0 && PLAIN_VOWEL.test(a[at] as string) && PLAIN_VOWEL.test(b[at] as string);
}

/** A dictionary word, or two run together ("wordsbefore"). */
function isWords(text: string, dictionary: Dictionary): boolean {
  if (text.length >= 2 && dictionary.has(text)) return true;
  for (let i = 2; i <= text.length - 2; i++) {
    if (dictionary.has(text.slice(0, i)) && dictionary.has(text.slice(i))) return true;
  }
  return false;
}

function oneEditAway(word: string, index: DisguiseIndex): string | undefined {
  const seen = index.byDeletion.get(word);
  if (seen) for (const target of seen) if (target !== word && withinOneEdit(word, target)) return target;
  for (let i = 0; i < word.length; i++) {
    const list = index.byDeletion.get(word.slice(0, i) + word.slice(i + 1));
    if (list) for (const target of list) if (withinOneEdit(word, target)) return target;
  }
  return undefined;
}

/** One insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** "totalshitshow" → "shit": the stem, with what stands either side of it a dictionary word or a plain ending. */
function glued(word: string, index: DisguiseIndex): string | undefined {
  for (const stem of index.glueStems) {
    const at = word.indexOf(stem);
    if (at < 0) continue;
    const before = word.slice(0, at);
    const after = word.slice(at + stem.length);
    const beforeOk = before === '' || isWords(before, index.dictionary);
    const afterOk = after === '' || GLUE_ENDINGS.has(after) || isWords(after, index.dictionary);
    if (beforeOk && afterOk) return index.words.has(stem + after) ? stem + after : stem;
  }
  return undefined;
}
