import { CharClass, foldChar } from './normalize.js';

/** What lies between a token and the one before it. Bit flags, as one gap can be both. */
export const Gap = {
  /** Only whitespace, hyphens, underscores or "&": the words of a phrase may be split by it ("assault-rifle", "s&m"). */
  Phrase: 1,
  /** Exactly one separator character: letters spaced out one by one ("g u n", "s.e.x") may be joined across it. */
  Single: 2,
  /** Exactly one full stop: "sh.t" may be one masked word. */
  Dot: 4,
} as const;

/** A word of a brief, folded, with its offsets in the original text. */
export interface Token {
  /** UTF-16 offsets of the whole token in the original text, leet symbols at its edges included. */
  start: number;
  end: number;
  /** The folded token: lowercase letters, digits and leet symbols. */
  norm: string;
  /** Where the letters and digits begin and end, without leading and trailing symbols ("kill" in "kill!"). */
  coreStart: number;
  coreEnd: number;
  core: string;
  /** `Gap` flags for the separator before this token (0 for the first token or a wide gap). */
  gap: number;
  /** The token holds digits or leet symbols, so it is worth decoding. */
  leet: boolean;
  /** The token holds a mask symbol (`*`, `#`, `%`) between or beside its letters. */
  masked: boolean;
}

const PHRASE_GAP = /^[\s\-_\u2010\u2011&]+$/u;
const SINGLE_GAP = /^[\s.\-_·•~/\\,:;]{1,3}$/u;

function gapFlags(text: string, from: number, to: number): number {
  // Almost every gap is one space.
  if (to - from === 1 && text.charCodeAt(from) === 32) return Gap.Phrase | Gap.Single;
  const gap = text.slice(from, to);
  let flags = 0;
  if (PHRASE_GAP.test(gap)) flags |= Gap.Phrase;
  if (SINGLE_GAP.test(gap)) flags |= Gap.Single;
  if (gap === '.') flags |= Gap.Dot;
  return flags;
}

/** What the tokenizer knows about the token it is reading. */
interface Open {
  start: number;
  end: number;
  /** The folded text so far; built only once the token stops being plain lowercase-able ASCII. */
  norm: string;
  /** True while every character is an ASCII letter or digit, so `norm` is the slice, lowercased. */
  ascii: boolean;
  coreStart: number;
  coreEnd: number;
  coreFrom: number;
  coreTo: number;
  leet: boolean;
  masked: boolean;
}

/** Starts a token at `start`, reusing the one record a tokenize call keeps. */
function open(t: Open, start: number): Open {
  t.start = start;
  t.end = start;
  t.norm = '';
  t.ascii = true;
  t.coreStart = -1;
  t.coreEnd = -1;
  t.coreFrom = 0;
  t.coreTo = 0;
  t.leet = false;
  t.masked = false;
  return t;
}

function close(text: string, t: Open, previousEnd: number): Token {
  const norm = t.ascii ? text.slice(t.start, t.end).toLowerCase() : t.norm;
  const hasCore = t.coreStart >= 0;
  return {
    start: t.start,
    end: t.end,
    norm,
    coreStart: hasCore ? t.coreStart : t.start,
    coreEnd: hasCore ? t.coreEnd : t.start,
    core: hasCore ? (t.ascii ? norm : norm.slice(t.coreFrom, t.coreTo)) : '',
    gap: previousEnd < 0 ? 0 : gapFlags(text, previousEnd, t.start),
    leet: t.leet,
    masked: t.masked,
  };
}

const isAsciiWord = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);

/**
 * Splits a brief into folded tokens. Zero-width characters, soft hyphens and accents vanish inside a token; leet
 * symbols stay in it; everything else separates tokens. Linear in the length of the text; a token of plain ASCII
 * letters is sliced and lowercased once instead of being folded character by character.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const record: Open = open({} as Open, 0);
  let t: Open | undefined;
  let previousEnd = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (isAsciiWord(code)) {
      t ??= open(record, i);
      if (t.coreStart < 0) {
        t.coreStart = i;
        t.coreFrom = t.ascii ? i - t.start : t.norm.length;
      }
      if (!t.ascii) t.norm += String.fromCharCode(code | (code >= 65 && code <= 90 ? 32 : 0));
      if (code <= 57) t.leet = true;
      t.end = t.coreEnd = i + 1;
      t.coreTo = t.ascii ? t.end - t.start : t.norm.length;
      i++;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const { folded, cls } = foldChar(width === 1 ? (text[i] as string) : text.slice(i, i + 2));
    if (cls === CharClass.Separator || (cls === CharClass.Joiner && !t)) {
      if (t) {
        tokens.push(close(text, t, previousEnd));
        previousEnd = t.end;
        t = undefined;
      }
    } else {
      t ??= open(record, i);
      if (t.ascii) {
        // From here on the token is folded character by character.
        t.norm = text.slice(t.start, i).toLowerCase();
        t.ascii = false;
      }
      if (cls === CharClass.Word) {
        if (t.coreStart < 0) {
          t.coreStart = i;
          t.coreFrom = t.norm.length;
        }
        t.norm += folded;
        t.coreEnd = i + width;
        t.coreTo = t.norm.length;
        const first = folded.charCodeAt(0);
        if (first >= 48 && first <= 57) t.leet = true;
      } else if (cls === CharClass.Leet) {
        t.norm += folded;
        t.leet = true;
      } else if (cls === CharClass.Mask) {
        t.norm += folded;
        t.masked = true;
      } else if (t.coreEnd === i) {
        // A combining accent or zero-width character right after a letter belongs to that letter.
        t.coreEnd = i + width;
      }
      t.end = i + width;
    }
    i += width;
  }
  if (t) tokens.push(close(text, t, previousEnd));
  return tokens;
}
