/**
 * HTML in a brief, read as a browser shows it: tags vanish ("f<b>u</b>ck"), character references become their
 * characters ("sh&#105;t", "&eacute;"). A brief is pasted text, not a page, so the scanner reads it both ways —
 * as written and as shown — and each reading maps its offsets back to the original text.
 */

/** The shown text, and for each of its UTF-16 units the span of the original that produced it. */
export interface MarkupReading {
  text: string;
  starts: number[];
  ends: number[];
}

// The elements people paste from the web or type to split a word; an unknown "<name>" stays text ("<3 you>").
const ELEMENTS: ReadonlySet<string> = new Set(
  (
    'a abbr b bdi bdo big blink blockquote body br center cite code del dfn div em font h1 h2 h3 h4 h5 h6 head hr ' +
    'html i img ins kbd label li mark marquee nobr ol p pre q rp rt ruby s samp small span strike strong sub sup ' +
    'table tbody td th thead tr tt u ul var wbr'
  ).split(' '),
);

// A comment, a start or end tag of a known element (attributes and all), or a character reference: decimal or hex
// (the semicolon optional, as browsers accept) or named (with its semicolon).
// Comments and attributes are bounded, so a run of unclosed "<!--" stays linear.
const MARKUP =
  /<!--[\s\S]{0,200}?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]{0,200})?\/?>|&#(\d{1,7});?|&#[xX]([0-9a-fA-F]{1,6});?|&([a-zA-Z][a-zA-Z0-9]{1,31});/g;

// Named references beyond the accented letters: the characters that hide or split a word, and common punctuation.
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  lrm: '\u200e',
  rlm: '\u200f',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  sect: '§',
  szlig: 'ß',
  aelig: 'æ',
  AElig: 'Æ',
  oelig: 'œ',
  OElig: 'Œ',
  oslash: 'ø',
  Oslash: 'Ø',
  eth: 'ð',
  ETH: 'Ð',
  thorn: 'þ',
  THORN: 'Þ',
};

// "&eacute;" is e with an acute accent: the accented Latin letters are named by letter and accent.
const ACCENTS: Readonly<Record<string, string>> = {
  grave: '\u0300',
  acute: '\u0301',
  circ: '\u0302',
  tilde: '\u0303',
  macr: '\u0304',
  breve: '\u0306',
  dot: '\u0307',
  uml: '\u0308',
  ring: '\u030a',
  caron: '\u030c',
  cedil: '\u0327',
  ogon: '\u0328',
};
const ACCENTED = /^([a-zA-Z])([a-z]+)$/;

// The Greek letters are named in order ("&alpha;" … "&omega;"), final sigma between rho and sigma.
const GREEK =
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega'.split(
    ' ',
  );

function named(name: string): string | undefined {
  const plain = NAMED[name];
  if (plain !== undefined) return plain;
  const accented = ACCENTED.exec(name);
  const accent = accented ? ACCENTS[accented[2] as string] : undefined;
  if (accented && accent) return `${accented[1]}${accent}`.normalize('NFC');
  const lower = name.toLowerCase();
  const greek = GREEK.indexOf(lower);
  if (greek < 0) return undefined;
  const small = String.fromCharCode(0x3b1 + greek);
  if (name === lower) return small;
  return name === `${lower[0]?.toUpperCase()}${lower.slice(1)}` ? small.toUpperCase() : undefined;
}

function codePoint(value: number): string | undefined {
  // No NUL, surrogate or out-of-range code point: a browser shows U+FFFD there, which hides nothing.
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return undefined;
  return String.fromCodePoint(value);
}

/** What one piece of markup shows, or undefined when it is no markup after all (an unknown element or name). */
function shown(match: RegExpExecArray): string | undefined {
  const [whole, element, decimal, hex, name] = match;
  if (whole.startsWith('<!--')) return '';
  if (element !== undefined) return ELEMENTS.has(element.toLowerCase()) ? '' : undefined;
  if (decimal !== undefined) return codePoint(Number.parseInt(decimal, 10));
  if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
  return name === undefined ? undefined : named(name);
}

/** `text` as a browser shows it, or undefined when it holds no markup (most briefs). */
export function readMarkup(text: string): MarkupReading | undefined {
  if (!text.includes('<') && !text.includes('&')) return undefined;
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let copied = 0;
  let found = false;
  const copyTo = (to: number) => {
    for (let i = copied; i < to; i++) {
      starts.push(i);
      ends.push(i + 1);
    }
    out += text.slice(copied, to);
  };
  for (const match of text.matchAll(MARKUP)) {
    const replacement = shown(match);
    if (replacement === undefined) continue;
    copyTo(match.index);
    const end = match.index + match[0].length;
    for (let i = 0; i < replacement.length; i++) {
      starts.push(match.index);
      ends.push(end);
    }
    out += replacement;
    copied = end;
    found = true;
  }
  if (!found) return undefined;
  copyTo(text.length);
  return { text: out, starts, ends };
}

/**
 * The matches of both readings over the original text: those of the shown text, mapped back, then those of the
 * text as written that overlap none of them (words inside an attribute, which a model reads but a browser hides).
 */
export function mergeReadings<M extends { start: number; end: number }>(
  reading: MarkupReading,
  asShown: readonly M[],
  asWritten: readonly M[],
): M[] {
  const all = asShown.map((m) => ({
    ...m,
    start: reading.starts[m.start] as number,
    end: reading.ends[m.end - 1] as number,
  }));
  for (const m of asWritten) if (!all.some((s) => s.start < m.end && m.start < s.end)) all.push(m);
  return all.sort((a, b) => a.start - b.start);
}
