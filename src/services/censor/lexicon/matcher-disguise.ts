/** Where nothing matched exactly: a token that disguises a strong word (see ./disguise.ts). */

import { type TrieNode, trieNode } from './compile.js';
import { undisguise, unmask } from './disguise.js';
import { leetReadings } from './leet.js';
import type { Found, Scan } from './readings.js';
import { Gap, type Token } from './tokens.js';

const LETTERS = /^[a-z]+$/;
const MASKS = /[*#%]/g;
const LETTER = /^\p{L}$/u;

/**
 * Whether a token of letters only was written with a non-ASCII letter ("ʃuck", "ｆuck"); undefined when it is not
 * letters only (digits, or a symbol no confusable folds).
 */
function exoticLetters(token: Token, text: string): boolean | undefined {
  const { core } = token;
  let exotic = token.coreEnd - token.coreStart !== core.length;
  for (let i = 0; i < core.length; i++) {
    const c = core.charCodeAt(i);
    if (c >= 97 && c <= 122) continue;
    if (c < 128 || !LETTER.test(core[i] as string)) return undefined;
    exotic = true;
  }
  if (!exotic) for (let i = token.coreStart; i < token.coreEnd && !exotic; i++) exotic = text.charCodeAt(i) > 127;
  return exotic;
}

/** How many words the trie remembers as disguising nothing before it forgets them all; bounds memory. */
const REMEMBERED = 50_000;

/**
 * What a plain word disguises, remembered on its trie node: briefs repeat their words (artists, styles), so the
 * answer is worked out once, and the one lookup that finds the trie node also finds it.
 */
function plainDisguise(scan: Scan, token: Token, node: TrieNode | undefined): string | undefined {
  if (node?.disguise !== undefined) return node.disguise ?? undefined;
  const { root, disguises } = scan.lexicon;
  // Most new words are dictionary words, which disguise nothing however their letters were written.
  const known = disguises.dictionary.has(token.core);
  const exotic = known ? false : exoticLetters(token, scan.text);
  if (exotic === undefined) return undefined;
  const word = known ? undefined : undisguise(token.core, disguises, exotic);
  if (exotic) return word;
  if (node) node.disguise = word ?? null;
  // Only a plain word is ever looked up by its own spelling again (a stretched one is read every way each time).
  else if (token.plain) {
    if (disguises.remembered.length >= REMEMBERED) {
      for (const key of disguises.remembered) root.delete(key);
      disguises.remembered.length = 0;
    }
    root.setHashed(token.core, token.hash, trieNode(word ?? null));
    disguises.remembered.push(token.core);
  }
  return word;
}

/**
 * The strong word token `i` disguises — masked, vowel-dropped, misspelt or glued — as a match, or undefined.
 * `node` is the trie node of a plain token's word, when the scan already looked it up.
 */
export function disguisedAt(scan: Scan, i: number, node?: TrieNode): Found | undefined {
  const { tokens, lexicon } = scan;
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
    if (
      !word &&
      spaced.length >= 3 &&
      token.core.length === spaced.length * 2 - 1 &&
      lexicon.root.get(spaced)?.terminal
    ) {
      word = spaced;
    }
  }
  if (!word && !token.leet && !token.masked) word = plainDisguise(scan, token, node);
  // "f4ck1ng": decoded from leetspeak, then misspelt.
  if (!word && token.leet)
    for (const reading of leetReadings(token.core)) word ??= undisguise(reading, index, false, true);
  const terminal = word ? lexicon.root.get(word)?.terminal : undefined;
  return terminal ? { start, end, terminal, firstToken: i, lastToken: last } : undefined;
}
