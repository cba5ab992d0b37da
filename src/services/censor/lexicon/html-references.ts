/** HTML character references: the named ones a brief may hold, and numeric ones, decoded to their characters. */

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

/** The character a named reference stands for ("&eacute;", "&omicron;", "&shy;"), or undefined for an unknown name. */
export function named(name: string): string | undefined {
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

/** The character a numeric reference stands for, or undefined where a browser would show U+FFFD. */
export function codePoint(value: number): string | undefined {
  // No NUL, surrogate or out-of-range code point: a browser shows U+FFFD there, which hides nothing.
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return undefined;
  return String.fromCodePoint(value);
}
