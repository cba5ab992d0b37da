/** What separates two tokens, as flags the matcher reads. */

/** What lies between a token and the one before it. Bit flags, as one gap can be both. */
export const Gap = {
  /** Only whitespace, hyphens, underscores or "&": the words of a phrase may be split by it ("assault-rifle", "s&m"). */
  Phrase: 1,
  /** One to three separator characters: letters spaced out one by one ("g u n", "s.e.x") may be joined across it. */
  Single: 2,
  /** Exactly one full stop: "sh.t" may be one masked word. */
  Dot: 4,
} as const;

const PHRASE_GAP = /^[\s\-_\u2010\u2011&]+$/u;
const SINGLE_GAP = /^[\s.\-_·•~/\\,:;]{1,3}$/u;

// The ASCII characters of each gap class, by code, so the usual gaps (", ", " - ") need no regex.
const asciiCodes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const PHRASE_ASCII = asciiCodes('\t\n\v\f\r -_&');
const SINGLE_ASCII = asciiCodes('\t\n\v\f\r .-_~/\\,:;');

/** Flags of a gap holding a non-ASCII character, by the regexes themselves. */
function unicodeGapFlags(gap: string): number {
  let flags = 0;
  if (PHRASE_GAP.test(gap)) flags |= Gap.Phrase;
  if (SINGLE_GAP.test(gap)) flags |= Gap.Single;
  return flags;
}

/** The `Gap` flags of the text between `from` and `to`. */
export function gapFlags(text: string, from: number, to: number): number {
  // Almost every gap is one space.
  if (to - from === 1 && text.charCodeAt(from) === 32) return Gap.Phrase | Gap.Single;
  let phrase = to > from;
  let single = to > from && to - from <= 3;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return unicodeGapFlags(text.slice(from, to));
    phrase &&= PHRASE_ASCII.has(code);
    single &&= SINGLE_ASCII.has(code);
  }
  let flags = (phrase ? Gap.Phrase : 0) | (single ? Gap.Single : 0);
  if (to - from === 1 && text.charCodeAt(from) === 46) flags |= Gap.Dot;
  return flags;
}
