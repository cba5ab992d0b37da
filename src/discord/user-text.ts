import { escapeMarkdown } from 'discord.js';
import { REDACTED_BAR } from '../services/censor/pipeline.js';
import type { Segment } from '../services/show/frames-types.js';

/** Discord's limit on a message's content. */
export const MAX_CONTENT = 2000;

// A scheme Discord would turn into a link, and the invite hosts it would turn into an invite card.
const SCHEME = /\b([a-z][a-z0-9+.-]{1,15}):\/\//gi;
const INVITE = /\b(discord(?:app)?|dsc)\.(gg|com|io|me|li|gift)\b/gi;

/**
 * Links in user text, shown but not followed: `https://x` reads `https[:]//x`, `discord.gg/abc` reads
 * `discord[.]gg/abc`, so neither a masked link nor an invite survives. Meant to run before escaping.
 */
export function inert(text: string): string {
  return text.replace(SCHEME, '$1[:]//').replace(INVITE, '$1[.]$2');
}

/** User text as markdown: links made inert, then escaped, so it cannot break (or fake) the frames' marks. */
export function userMarkdown(text: string): string {
  return escapeMarkdown(inert(text));
}

function wrap(segment: Segment, text: string): string {
  switch (segment.kind) {
    case 'plain':
      return userMarkdown(text);
    case 'flagged':
      return `__**${userMarkdown(text)}**__`;
    case 'struck':
      return `~~${userMarkdown(text)}~~`;
    case 'inserted':
      return `**${userMarkdown(text)}**`;
    case 'blackout':
      return '█'.repeat(segment.length);
  }
}

function textOf(segment: Segment): string {
  return segment.kind === 'blackout' ? '█'.repeat(segment.length) : segment.text;
}

/**
 * The segments as markdown within `max` characters after escaping: a segment that does not fit is cut whole
 * characters at a time (never inside an escape or a mark) and the text ends with "…".
 */
export function segmentsToMarkdown(segments: readonly Segment[], max = Number.POSITIVE_INFINITY): string {
  let out = '';
  for (const segment of segments) {
    const piece = wrap(segment, textOf(segment));
    if (out.length + piece.length <= max) {
      out += piece;
      continue;
    }
    const chars = [...textOf(segment)];
    const cut = (n: number) =>
      wrap(segment.kind === 'blackout' ? { kind: 'blackout', length: n } : segment, chars.slice(0, n).join(''));
    // The escaped length grows with the characters kept: the longest cut that fits is found by bisection.
    let [low, high] = [0, chars.length - 1];
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (out.length + cut(mid).length + 1 <= max) low = mid;
      else high = mid - 1;
    }
    const fit = low > 0 ? cut(low) : '';
    return `${out}${fit}…`;
  }
  return out;
}

/** The segments as plain text, blackout as bars (for alt text, which `altText` reads aloud as "[redacted]"). */
export function plainText(segments: readonly Segment[]): string {
  return segments.map(textOf).join('');
}

/** Alt text for an image: what it shows, blackout read as "[redacted]" rather than as bar glyphs. */
export function altText(label: string, prompt: string, max = 1000): string {
  const spoken = prompt.replaceAll(REDACTED_BAR, '[redacted]').replace(/█+/g, '[redacted]');
  const text = `${label}: ${spoken}`;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
