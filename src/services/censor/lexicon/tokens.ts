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
const SINGLE_GAP = /^[\s.\-_·•~/\\,:;]$/u;

function gapFlags(gap: string): number {
  let flags = 0;
  if (PHRASE_GAP.test(gap)) flags |= Gap.Phrase;
  if (SINGLE_GAP.test(gap)) flags |= Gap.Single;
  if (gap === '.') flags |= Gap.Dot;
  return flags;
}

/**
 * Splits a brief into folded tokens. Zero-width characters, soft hyphens and accents vanish inside a token; leet
 * symbols stay in it; everything else separates tokens. Linear in the length of the text.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let norm = '';
  let start = -1;
  let end = 0;
  let coreStart = -1;
  let coreEnd = -1;
  let coreFrom = 0;
  let coreTo = 0;
  let leet = false;
  let masked = false;
  let previousEnd = -1;

  const flush = () => {
    if (start < 0) return;
    const gap = previousEnd < 0 ? 0 : gapFlags(text.slice(previousEnd, start));
    const hasCore = coreStart >= 0;
    tokens.push({
      start,
      end,
      norm,
      coreStart: hasCore ? coreStart : start,
      coreEnd: hasCore ? coreEnd : start,
      core: hasCore ? norm.slice(coreFrom, coreTo) : '',
      gap,
      leet,
      masked,
    });
    previousEnd = end;
    norm = '';
    start = -1;
    coreStart = -1;
    coreEnd = -1;
    leet = false;
    masked = false;
  };

  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const { folded, cls } = foldChar(width === 1 ? (text[i] as string) : text.slice(i, i + 2));
    if (cls === CharClass.Separator || (cls === CharClass.Joiner && start < 0)) {
      flush();
    } else {
      if (start < 0) start = i;
      if (cls === CharClass.Word) {
        if (coreStart < 0) {
          coreStart = i;
          coreFrom = norm.length;
        }
        norm += folded;
        coreEnd = i + width;
        coreTo = norm.length;
        const first = folded.charCodeAt(0);
        if (first >= 48 && first <= 57) leet = true;
      } else if (cls === CharClass.Leet) {
        norm += folded;
        leet = true;
      } else if (cls === CharClass.Mask) {
        norm += folded;
        masked = true;
      } else if (coreEnd === i) {
        // A combining accent or zero-width character right after a letter belongs to that letter.
        coreEnd = i + width;
      }
      end = i + width;
    }
    i += width;
  }
  flush();
  return tokens;
}
