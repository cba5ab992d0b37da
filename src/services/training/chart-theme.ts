import { createRequire } from 'node:module';
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';

/** The evaluation chart's look: paper, ink, one colour per engine, and the Inter faces it is set in. */

export const PAPER = '#f6f4ef';
export const CARD = '#ffffff';
export const INK = '#1d2330';
export const MUTED = '#6b7280';
export const GRID = '#e6e3dc';
export const GOOD = '#2f855a';

/** A colour per engine, the same in every panel and in the legend. */
const ENGINE_COLOURS: Record<string, string> = {
  lexicon: '#3d5a80',
  openai: '#10a37f',
  huggingface: '#e09f1f',
};
const SPARE_COLOURS = ['#c0392b', '#8e44ad', '#d6336c', '#6d4c41'];

const FACES = [
  ['CT Chart 400', 'inter/files/inter-latin-400-normal.woff2'],
  ['CT Chart 600', 'inter/files/inter-latin-600-normal.woff2'],
  ['CT Chart 700', 'inter/files/inter-latin-700-normal.woff2'],
  ['CT Chart 400 Ext', 'inter/files/inter-latin-ext-400-normal.woff2'],
] as const;

/** Registers the chart's faces with Skia, once per process. */
export function registerChartFonts(): void {
  const require = createRequire(import.meta.url);
  for (const [alias, file] of FACES) {
    if (GlobalFonts.has(alias)) continue;
    const path = require.resolve(`@fontsource/${file}`);
    if (!GlobalFonts.registerFromPath(path, alias)) throw new Error(`chart: could not register font ${path}`);
  }
}

/** A canvas `font` shorthand in the chart's face. */
export const font = (px: number, weight: 400 | 600 | 700 = 400) =>
  `${weight} ${px}px "CT Chart ${weight}", "CT Chart 400 Ext", "DejaVu Sans", sans-serif`;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** An engine's own colour; a second run of an engine with another model (`openai=ft:…`) gets a spare one. */
export function colourOf(engine: string, index: number): string {
  return ENGINE_COLOURS[engine] ?? SPARE_COLOURS[index % SPARE_COLOURS.length] ?? INK;
}

/** `text` cut with an ellipsis to fit `maxWidth` in the context's current font (long fine-tune names). */
export function fitText(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && ctx.measureText(`${chars.join('')}…`).width > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}
