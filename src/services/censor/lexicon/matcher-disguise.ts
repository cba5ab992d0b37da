/** Where nothing matched exactly: a token that disguises a strong word (see ./disguise.ts). */
import { undisguise, unmask } from './disguise.js';
import { leetReadings } from './leet.js';
import type { Found, Scan } from './readings.js';
import { Gap, type Token } from './tokens.js';

const LETTERS = /^[a-z]+$/;
// Letters only, exotic ones included: "ʃuck" keeps the "ʃ" no confusable folds.
const WORD = /^\p{L}+$/u;
const MASKS = /[*#%]/g;
const NON_ASCII = /[^\x00-\x7F]/;

/** The strong word token `i` disguises — masked, vowel-dropped, misspelt or glued — as a match, or undefined. */
export function disguisedAt(scan: Scan, i: number): Found | undefined {
  const { tokens, lexicon, text } = scan;
  const token = tokens[i] as Token;
  const index = lexicon.disguises;
  let word: string | undefined;
  let start = token.coreStart;
  let end = token.coreEnd;
  let last = i;
  const next = tokens[i + 1];
  if (next && next.gap & Gap.Dot && LETTERS.test(token.core) && LETTERS.test(next.core)) {
    // "sh.t": a full stop standing for one letter inside a word.
    word = unmask(`${token.core}.${next.core}`.replace('.', '*'), index);
    if (word) {
      end = next.coreEnd;
      last = i + 1;
    }
  }
  if (!word && (token.masked || token.leet)) {
    word = unmask(token.core, index) ?? unmask(token.norm, index);
    if (word && !unmask(token.core, index)) {
      start = token.start;
      end = token.end;
    }
    const spaced = token.masked ? token.core.replace(MASKS, '') : '';
    // "g*u*n": masks used as separators between every letter.
    if (!word && spaced.length >= 3 && token.core.length === spaced.length * 2 - 1 && lexicon.root.has(spaced)) {
      word = spaced;
    }
  }
  if (!word && WORD.test(token.core)) {
    word = undisguise(token.core, index, NON_ASCII.test(text.slice(token.coreStart, token.coreEnd)));
  }
  // "f4ck1ng": decoded from leetspeak, then misspelt.
  if (!word && token.leet) for (const reading of leetReadings(token.core)) word ??= undisguise(reading, index, false);
  const terminal = word ? lexicon.root.get(word)?.terminal : undefined;
  return terminal ? { start, end, terminal, firstToken: i, lastToken: last } : undefined;
}
