import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Segment } from '../services/show/frames-types.js';

/** One word (or a blackout bar) placed on a line of the redline document. */
interface Token {
  kind: Segment['kind'];
  text: string;
  width: number;
}

const BAR = '\u2588';

/** Splits segments into words that keep their kind; a blackout is one unbreakable bar as long as its word. */
function tokens(ctx: SKRSContext2D, segments: readonly Segment[]): Token[] {
  const out: Token[] = [];
  for (const segment of segments) {
    if (segment.kind === 'blackout') {
      const text = BAR.repeat(segment.length);
      out.push({ kind: 'blackout', text, width: ctx.measureText('n').width * 1.05 * segment.length });
      continue;
    }
    for (const word of segment.text.split(/(\s+)/)) {
      if (word === '') continue;
      out.push({ kind: segment.kind, text: word, width: ctx.measureText(word).width });
    }
  }
  return out;
}

const COLORS: Record<Segment['kind'], string> = {
  plain: '#1c1d22',
  flagged: '#1c1d22',
  struck: '#c8201a',
  blackout: '#111111',
  inserted: '#0f7b4a',
};

/**
 * Draws segments wrapped to `width` from (x, y) with the current font: struck words in red with a heavy rule,
 * blackouts as solid bars. Returns the y below the last line. At most `maxLines` lines; the rest is elided.
 */
export function drawSegments(
  ctx: SKRSContext2D,
  segments: readonly Segment[],
  box: { x: number; y: number; width: number; lineHeight: number; maxLines: number },
): number {
  const lines: Token[][] = [[]];
  let used = 0;
  for (const token of tokens(ctx, segments)) {
    const blank = /^\s+$/.test(token.text);
    if (used + token.width > box.width && used > 0 && !blank) {
      lines.push([]);
      used = 0;
    }
    if (blank && used === 0) continue;
    lines.at(-1)?.push(token);
    used += token.width;
  }
  const shown = lines.slice(0, box.maxLines);
  const size = box.lineHeight / 1.3;
  shown.forEach((line, i) => {
    let x = box.x;
    const baseline = box.y + box.lineHeight * (i + 1) - box.lineHeight * 0.28;
    for (const token of line) {
      ctx.fillStyle = COLORS[token.kind];
      if (token.kind === 'blackout') {
        ctx.fillRect(x, baseline - size * 0.82, token.width, size * 1.02);
      } else {
        ctx.fillText(token.text, x, baseline);
        if (token.kind === 'struck' && token.text.trim()) {
          ctx.fillRect(x - 4, baseline - size * 0.36, token.width + 8, Math.max(6, size * 0.1));
        }
        if (token.kind === 'inserted' && token.text.trim())
          ctx.fillRect(x, baseline + size * 0.16, token.width, size * 0.08);
      }
      x += token.width;
    }
  });
  if (lines.length > box.maxLines) {
    ctx.fillStyle = COLORS.plain;
    ctx.fillText('…', box.x + box.width - ctx.measureText('…').width, box.y + box.lineHeight * box.maxLines);
  }
  return box.y + box.lineHeight * shown.length;
}

/** Plain text wrapped into lines that fit `width` with the current font. */
export function wrapText(ctx: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
