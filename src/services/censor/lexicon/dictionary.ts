import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * data/dictionary.txt: the ordinary English words (Debian's wamerican and wbritish, from SCOWL; see
 * data/dictionary.md), one a line. The fuzzy disguise passes never touch a token that is one of these.
 */
export const BUILT_IN_DICTIONARY_PATH = fileURLToPath(new URL('../../../../data/dictionary.txt', import.meta.url));

/** A set of lowercase words the disguise passes leave alone. */
export type Dictionary = ReadonlySet<string>;

const loaded = new Map<string, Dictionary>();

/** Reads a dictionary file once per path; every Lexicon built from it shares the same read-only set. */
export function loadDictionary(path: string = BUILT_IN_DICTIONARY_PATH): Dictionary {
  let words = loaded.get(path);
  if (!words) {
    words = new Set(readFileSync(path, 'utf8').split('\n').filter(Boolean));
    loaded.set(path, words);
  }
  return words;
}
