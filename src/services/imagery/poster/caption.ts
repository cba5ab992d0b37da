/** Measures the drawn width of a string in the current font, in pixels. */
export type Measure = (text: string) => number;

export interface CaptionLayout {
  lines: string[];
  /** True when the text did not fit and the last line ends with "…". */
  truncated: boolean;
}

export interface FittedCaption extends CaptionLayout {
  fontSize: number;
  lineHeight: number;
}

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

// The bundled fonts have no emoji and no CJK or Indic faces; Skia would draw "no glyph" boxes. Emoji here are
// the astral pictographs: BMP symbols such as ™ ★ ✓ stay, because the bundled faces and DejaVu draw them.
const EMOJI =
  /(?=[\u{10000}-\u{10FFFF}])\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u{FE0F}|\u{20E3}/gu;
const FACELESS_SCRIPTS =
  'Han Hiragana Katakana Hangul Thai Devanagari Bengali Tamil Telugu Gujarati Gurmukhi Kannada Malayalam Sinhala Khmer Myanmar Ethiopic Tibetan';
const UNDRAWABLE = new RegExp(
  `[${FACELESS_SCRIPTS.split(' ')
    .map((script) => `\\p{Script=${script}}`)
    .join('')}]+`,
  'gu',
);

/** Makes prompt text drawable with the bundled fonts: no emoji, no control characters, one space between words. */
export function sanitizeCaption(text: string): string {
  return text
    .normalize('NFC')
    .replace(EMOJI, ' ')
    .replace(UNDRAWABLE, '□')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Greedy word wrap into at most `maxLines` lines no wider than `maxWidth`. Words wider than a line are broken
 * between graphemes. When the text does not fit, the last line ends with "…".
 */
export function layoutCaption(text: string, measure: Measure, maxWidth: number, maxLines: number): CaptionLayout {
  const limit = Math.max(1, Math.floor(maxLines));
  const words = text.split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let i = 0;
  while (i < words.length && lines.length < limit) {
    const word = words[i]!;
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      current = candidate;
      i++;
    } else if (current) {
      lines.push(current);
      current = '';
    } else {
      // A single word wider than the line: break it and carry the rest to the next line.
      const [head, tail] = splitToFit(word, measure, maxWidth);
      lines.push(head);
      if (tail) words[i] = tail;
      else i++;
    }
  }
  if (current) lines.push(current);
  const truncated = i < words.length;
  if (!truncated || lines.length === 0) return { lines, truncated: false };
  lines[lines.length - 1] = withEllipsis(lines.at(-1)!, measure, maxWidth);
  return { lines, truncated: true };
}

/**
 * Picks the largest font size in [minSize, maxSize] whose wrapped lines fit in `maxHeight`; at `minSize`
 * whatever does not fit is cut with "…". `measureAt` measures text at a given font size.
 */
export function fitCaption(
  text: string,
  measureAt: (fontSize: number) => Measure,
  box: { maxWidth: number; maxHeight: number; minSize: number; maxSize: number; lineSpacing?: number },
): FittedCaption {
  const spacing = box.lineSpacing ?? 1.3;
  const step = Math.max(1, Math.round(box.maxSize / 20));
  for (let size = box.maxSize; ; size = Math.max(box.minSize, size - step)) {
    const lineHeight = Math.round(size * spacing);
    const maxLines = Math.max(1, Math.floor(box.maxHeight / lineHeight));
    const layout = layoutCaption(text, measureAt(size), box.maxWidth, maxLines);
    if (!layout.truncated || size <= box.minSize) return { ...layout, fontSize: size, lineHeight };
  }
}

function splitToFit(word: string, measure: Measure, maxWidth: number): [string, string] {
  const parts = [...graphemes.segment(word)].map((s) => s.segment);
  let head = parts[0] ?? '';
  let i = 1;
  while (i < parts.length && measure(head + parts[i]) <= maxWidth) head += parts[i++];
  return [head, parts.slice(i).join('')];
}

function withEllipsis(line: string, measure: Measure, maxWidth: number): string {
  let words = line.split(' ');
  // Drop whole words until the ellipsis fits, then trim dangling punctuation so it reads "…", not ",…".
  while (words.length > 1 && measure(`${words.join(' ')}${ELLIPSIS}`) > maxWidth) words = words.slice(0, -1);
  let text = words.join(' ');
  while (text.length > 0 && measure(`${text}${ELLIPSIS}`) > maxWidth) {
    text = [...graphemes.segment(text)]
      .map((s) => s.segment)
      .slice(0, -1)
      .join('');
  }
  return `${text.replace(/[\s,;:.\-–—]+$/u, '')}${ELLIPSIS}`;
}
