/**
 * Markup in a brief, read as it is shown: HTML tags vanish ("f<b>u</b>ck"), character references become their
 * characters ("sh&#105;t", "&eacute;"), and Discord's inline markdown loses its delimiters ("f**u**ck", "f||u||ck").
 * A brief is pasted text, not a page, so the scanner reads it both ways — as written and as shown — and each
 * reading maps its offsets back to the original text.
 */
import { codePoint, named } from './html-references.js';

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

/** What one piece of markup shows, or undefined when it is no markup after all (an unknown element or name). */
function shown(match: RegExpExecArray): string | undefined {
  const [whole, element, decimal, hex, name] = match;
  if (whole.startsWith('<!--')) return '';
  if (element !== undefined) return ELEMENTS.has(element.toLowerCase()) ? '' : undefined;
  if (decimal !== undefined) return codePoint(Number.parseInt(decimal, 10));
  if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
  return name === undefined ? undefined : named(name);
}

// Discord's inline styles inside a word: a delimiter each side of a run of visible characters — bold, italic,
// underline, strikethrough, spoiler, code ("f**u**ck"). Styled whole words and phrases are read as written already.
const MARKDOWN = /(\*{1,3}|_{1,3}|~~|\|\||`)(?=[^\s*_~|`])(\S{0,40}?[^\s*_~|`])\1(?![*_~|`])/g;

// The characters that open markup: most briefs hold none and are not read twice. A chain of `includes` costs about
// half of one character-class regex here, on the I2P prompts.
const mayHoldHtml = (text: string) => text.includes('<') || text.includes('&');
const mayHoldMarkdown = (text: string) =>
  text.includes('*') || text.includes('_') || text.includes('~') || text.includes('|') || text.includes('`');

/** A piece of the original text, [start, end), and what it shows instead. */
interface Edit {
  start: number;
  end: number;
  shown: string;
}

function htmlEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const match of text.matchAll(MARKUP)) {
    const replacement = shown(match);
    if (replacement !== undefined)
      edits.push({ start: match.index, end: match.index + match[0].length, shown: replacement });
  }
  return edits;
}

/** The delimiters of Discord's inline styles, each pair as two edits that show nothing. */
function markdownEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const match of text.matchAll(MARKDOWN)) {
    const delimiter = (match[1] as string).length;
    const close = match.index + match[0].length - delimiter;
    edits.push(
      { start: match.index, end: match.index + delimiter, shown: '' },
      { start: close, end: close + delimiter, shown: '' },
    );
  }
  return edits;
}

/** `text` as it is shown (HTML rendered, Discord's markdown applied), or undefined when it holds no markup. */
export function readMarkup(text: string): MarkupReading | undefined {
  const html = mayHoldHtml(text) ? htmlEdits(text) : [];
  const markdown = mayHoldMarkdown(text) ? markdownEdits(text) : [];
  // A delimiter inside a tag or a reference is part of it ("<span title='*'>").
  const edits = [...html, ...markdown.filter((m) => !html.some((h) => h.start < m.end && m.start < h.end))];
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let copied = 0;
  for (const edit of edits) {
    for (let i = copied; i < edit.start; i++) {
      starts.push(i);
      ends.push(i + 1);
    }
    out += text.slice(copied, edit.start);
    for (let i = 0; i < edit.shown.length; i++) {
      starts.push(edit.start);
      ends.push(edit.end);
    }
    out += edit.shown;
    copied = edit.end;
  }
  for (let i = copied; i < text.length; i++) {
    starts.push(i);
    ends.push(i + 1);
  }
  return { text: out + text.slice(copied), starts, ends };
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
