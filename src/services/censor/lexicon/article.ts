/**
 * "a gun" becomes "an approved device": when a replacement starts with a different sound, the indefinite article
 * before it is fixed too.
 */

// Written with a vowel but said with a consonant ("a union", "a one-off"), or the other way ("an hour").
const CONSONANT_SOUND = /^(?:eu|ewe|one\b|once|ur[aeio]|us[aeiu]|uni|uti|ubiq|ufo|uk\b)/i;
const VOWEL_SOUND = /^(?:hour|honest|honou?r|heir)/i;
// Letters whose name starts with a vowel sound, for acronyms: "an HR matter", "an NDA", "a PR team".
const VOWEL_LETTERS = 'aefhilmnorsx';

/** "a" or "an" before `phrase`, by the sound of its first word. */
export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const word = phrase.trimStart().split(/[\s-]/)[0] ?? '';
  if (/^\d/.test(word)) return /^(?:8|1[18](?!\d))/.test(word) ? 'an' : 'a';
  if (word.length >= 2 && /^[A-Z]+$/.test(word))
    return VOWEL_LETTERS.includes(word[0]?.toLowerCase() ?? '') ? 'an' : 'a';
  if (VOWEL_SOUND.test(word)) return 'an';
  if (CONSONANT_SOUND.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** An article right before a match: where it starts, and how it was written. */
export interface PrecedingArticle {
  start: number;
  written: string;
}

/** Finds "a"/"an" as the word right before `at`, separated from it by whitespace only. */
export function articleBefore(text: string, at: number): PrecedingArticle | undefined {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1] as string)) end--;
  if (end === at) return undefined;
  let start = end;
  while (start > 0 && start > end - 3 && /[A-Za-z]/.test(text[start - 1] as string)) start--;
  if (start > 0 && /[\p{L}\p{N}'’]/u.test(text[start - 1] as string)) return undefined;
  const written = text.slice(start, end);
  return /^an?$/i.test(written) ? { start, written } : undefined;
}

/** Writes `wanted` in the case the author used: "A" → "An", "AN" → "A", "a" → "an". */
export function casedArticle(wanted: 'a' | 'an', written: string, shouting: boolean): string {
  if (written === written.toLowerCase()) return wanted;
  if ((written.length === 2 && written === written.toUpperCase()) || shouting) return wanted.toUpperCase();
  return wanted === 'an' ? 'An' : 'A';
}
