/**
 * Character folding: every code point of a brief is folded on its own, so offsets into the original text survive
 * whatever a disguise did (fullwidth letters, ligatures, accents, Cyrillic look-alikes, zero-width characters).
 */

/** How the tokenizer treats a folded code point. */
export const CharClass = {
  /** Ends a word: spaces, punctuation, emoji. */
  Separator: 0,
  /** A letter or digit. */
  Word: 1,
  /** A symbol that stands in for a letter in leetspeak (`@`, `$`, `!`, `|`…). It stays inside a word. */
  Leet: 2,
  /** Invisible inside a word (zero-width characters, soft hyphens, combining marks): folds to nothing. */
  Joiner: 3,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

/** Symbols that leetspeak uses for letters; they are kept inside tokens so the matcher can decode them. */
export const LEET_SYMBOLS = '@$!|+<(€£§¥';

// Look-alikes a plain NFKD cannot fold: Cyrillic and Greek letters that render like Latin ones, and a few Latin
// letters without a decomposition.
const CONFUSABLES: ReadonlyMap<string, string> = new Map(
  [
    ...'аa вb еe ёe кk мm нh оo рp сc тt уy хx ьb ѕs іi їi јj ԁd ԛq ԝw ӏl'.split(' '),
    ...'αa βb γy εe ηn ιi κk νv οo ρp σo ςc τt υu χx ωw μu'.split(' '),
    ...'ɑa ɡg ıi ɩi ʟl ɪi ʏy ᴀa ᴇe ᴏo ßss æae œoe øo łl đd ðd þth ŋn ħh'.split(' '),
  ].map((pair): [string, string] => [pair.slice(0, 1), pair.slice(1)]),
);

const INVISIBLE = /^[\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]$/u;
const MARKS = /\p{M}/gu;
const LETTERS_AND_DIGITS = /^[\p{L}\p{N}]+$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** Folds one non-ASCII code point: compatibility forms, accents, case, look-alikes. May return "" or several letters. */
function foldNonAscii(char: string): string {
  if (INVISIBLE.test(char)) return '';
  const lower = char.normalize('NFKD').replace(MARKS, '').toLowerCase();
  let out = '';
  for (const c of lower) out += CONFUSABLES.get(c) ?? c;
  return out;
}

/** The folded form of a code point and how the tokenizer treats it. */
export interface FoldedChar {
  folded: string;
  cls: CharClass;
}

const ASCII: readonly FoldedChar[] = Array.from({ length: 128 }, (_, code) => {
  const char = String.fromCharCode(code);
  if (/[A-Za-z0-9]/.test(char)) return { folded: char.toLowerCase(), cls: CharClass.Word };
  if (LEET_SYMBOLS.includes(char)) return { folded: char, cls: CharClass.Leet };
  return { folded: char, cls: CharClass.Separator };
});

/** Folds the code point at the start of `char` (one code point, possibly a surrogate pair). */
export function foldChar(char: string): FoldedChar {
  const code = char.charCodeAt(0);
  if (code < 128) return ASCII[code] as FoldedChar;
  const folded = foldNonAscii(char);
  if (folded === '') return { folded, cls: CharClass.Joiner };
  // Only a letter or digit folds into letters: "™" decomposes to "tm" but must not glue onto "gun™".
  if (LETTERS_AND_DIGITS.test(folded) && LETTER_OR_DIGIT.test(char)) return { folded, cls: CharClass.Word };
  if (folded.length === 1 && LEET_SYMBOLS.includes(folded)) return { folded, cls: CharClass.Leet };
  return { folded, cls: CharClass.Separator };
}

/** Folds a whole string (a lexicon term, a removal key) the same way briefs are folded. */
export function foldText(text: string): string {
  let out = '';
  for (const char of text) out += foldChar(char).folded;
  return out;
}

/**
 * The words of a lexicon term or form, folded: "Assault-Rifle" → ["assault", "rifle"]. Leet symbols are not
 * letters here: terms are written plainly, disguises are the matcher's business.
 */
export function termWords(term: string): string[] {
  const words: string[] = [];
  let current = '';
  for (const char of term) {
    const { folded, cls } = foldChar(char);
    if (cls === CharClass.Word) current += folded;
    else if (cls !== CharClass.Joiner && current) {
      words.push(current);
      current = '';
    }
  }
  if (current) words.push(current);
  return words;
}

/** A symbol term ("🍆") as it is searched for: without emoji variation selectors, which are optional in text. */
export function symbolLiteral(term: string): string {
  return term.replace(/\uFE0F/g, '').trim();
}

/** A stable identity for a term, so overrides can replace or remove it whatever its case or spacing. */
export function termKey(term: string): string {
  const words = termWords(term);
  return words.length > 0 ? words.join(' ') : symbolLiteral(term);
}
