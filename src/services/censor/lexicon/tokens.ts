import { Gap, gapFlags } from './gaps.js';
import { CharClass, type FoldedChar, foldChar } from './normalize.js';
import { FNV_PRIME, HASH_SEED, hashEnd, hashWord } from './word-index.js';

export { Gap };

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
  /** Nothing to decode: no digits, leet or mask symbols, no letter three times in a row ("kiiill"). Most tokens. */
  plain: boolean;
  /** `hashWord(core)`, to look the word up in the trie's first level without hashing it again. */
  hash: number;
}

/** The flags of the gap nearly every word follows, one space (see gapFlags). */
const ONE_SPACE = Gap.Phrase | Gap.Single;

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

/** Whether a folded core holds one character three times in a row ("kiiill"), so it may be a stretched word. */
function hasRunOfThree(core: string): boolean {
  for (let i = 2; i < core.length; i++) {
    const c = core.charCodeAt(i);
    if (c === core.charCodeAt(i - 1) && c === core.charCodeAt(i - 2)) return true;
  }
  return false;
}

function close(text: string, t: Open, previousEnd: number): Token {
  const norm = t.ascii ? text.slice(t.start, t.end).toLowerCase() : t.norm;
  const hasCore = t.coreStart >= 0;
  const core = hasCore ? (t.ascii ? norm : norm.slice(t.coreFrom, t.coreTo)) : '';
  return {
    start: t.start,
    end: t.end,
    norm,
    coreStart: hasCore ? t.coreStart : t.start,
    coreEnd: hasCore ? t.coreEnd : t.start,
    core,
    gap: previousEnd < 0 ? 0 : gapFlags(text, previousEnd, t.start),
    leet: t.leet,
    masked: t.masked,
    plain: !t.leet && !t.masked && !hasRunOfThree(core),
    hash: hashWord(core),
  };
}

// ASCII letters and digits, by code: one load instead of three range checks per character.
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(code)) ? 1 : 0,
);
const isAsciiWord = (code: number) => code < 128 && ASCII_WORD[code] === 1;
// ASCII separators (spaces, most punctuation), by code, so the commonest characters between words skip foldChar.
const ASCII_SEPARATOR = Uint8Array.from({ length: 128 }, (_, code) =>
  foldChar(String.fromCharCode(code)).cls === CharClass.Separator ? 1 : 0,
);

/**
 * The commonest token, read in one go: ASCII letters and digits, then a separator or the end of the text. Undefined
 * when the token goes on with other characters; the general path reads it then.
 */
function asciiWord(text: string, from: number, previousEnd: number): Token | undefined {
  let upper = false;
  let leet = false;
  let runCode = 0;
  let runLength = 0;
  let stretched = false;
  let hash = HASH_SEED;
  let i = from;
  // Every character of nearly every word passes here, interpreted until V8 optimises the loop (most of a fresh
  // process's first thousand briefs): hence no helper calls inside it.
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || ASCII_WORD[code] === 0) break;
    // ORing in 32 lowercases an ASCII letter and leaves a digit as it is.
    const lower = code | 32;
    hash = Math.imul(hash ^ lower, FNV_PRIME);
    if (lower !== code) upper = true;
    if (code <= 57) leet = true;
    if (lower === runCode) stretched ||= ++runLength >= 3;
    else {
      runCode = lower;
      runLength = 1;
    }
  }
  if (i < text.length) {
    const code = text.charCodeAt(i);
    if (code >= 128 || ASCII_SEPARATOR[code] === 0) return undefined;
  }
  const sliced = text.slice(from, i);
  const norm = upper ? sliced.toLowerCase() : sliced;
  return {
    start: from,
    end: i,
    norm,
    coreStart: from,
    coreEnd: i,
    core: norm,
    gap:
      previousEnd < 0
        ? 0
        : from - previousEnd === 1 && text.charCodeAt(previousEnd) === 32
          ? ONE_SPACE
          : gapFlags(text, previousEnd, from),
    leet,
    masked: false,
    plain: !leet && !stretched,
    hash: hashEnd(hash),
  };
}

/** Reads the run of ASCII letters and digits from `from` into the open token; returns where it ends. */
function readAscii(text: string, from: number, t: Open): number {
  let i = from;
  if (t.coreStart < 0) {
    t.coreStart = from;
    t.coreFrom = t.ascii ? from - t.start : t.norm.length;
  }
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isAsciiWord(code)) break;
    if (!t.ascii) t.norm += String.fromCharCode(code | 32);
    if (code <= 57) t.leet = true;
  }
  t.end = t.coreEnd = i;
  t.coreTo = t.ascii ? i - t.start : t.norm.length;
  return i;
}

/** Adds a character that was folded on its own (non-ASCII, a leet or mask symbol, a joiner) to the open token. */
function addFolded(text: string, i: number, width: number, { folded, cls }: FoldedChar, t: Open): void {
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

/** What one past the end of the text reads as: a separator, so an open token is closed in one place. */
const END: FoldedChar = { folded: ' ', cls: CharClass.Separator };

/**
 * Splits a brief into folded tokens. Zero-width characters, soft hyphens and accents vanish inside a token; leet
 * symbols stay in it; everything else separates tokens. Linear in the length of the text; a token of plain ASCII
 * letters is sliced and lowercased once instead of being folded character by character. The rare cases sit in
 * helpers: V8 optimises this loop early, on the first briefs, and a branch it has not seen run yet throws that away.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const record: Open = open({} as Open, 0);
  let t: Open | undefined;
  let previousEnd = -1;
  for (let i = 0; i <= text.length; ) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    let width = 1;
    let char = END;
    if (code >= 128 || ASCII_SEPARATOR[code] === 0) {
      if (isAsciiWord(code)) {
        const word = t ? undefined : asciiWord(text, i, previousEnd);
        if (word) {
          tokens.push(word);
          previousEnd = i = word.end;
          continue;
        }
        t ??= open(record, i);
        i = readAscii(text, i, t);
        continue;
      }
      width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
      char = foldChar(width === 1 ? (text[i] as string) : text.slice(i, i + 2));
    }
    if (char.cls === CharClass.Separator || (char.cls === CharClass.Joiner && !t)) {
      if (t) {
        tokens.push(close(text, t, previousEnd));
        previousEnd = t.end;
        t = undefined;
      }
    } else {
      t ??= open(record, i);
      addFolded(text, i, width, char, t);
    }
    i += width;
  }
  return tokens;
}
