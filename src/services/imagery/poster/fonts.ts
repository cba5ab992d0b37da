import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/** CSS font-family lists for the poster's three voices, each with fallbacks for glyphs the first face lacks. */
export interface PosterFonts {
  /** Archivo Black: the stamp and the big headline. */
  display: string;
  /** Inter 800: labels and the performance number (its Cyrillic subset carries №). */
  heavy: string;
  /** Inter 600: the caption. */
  body: string;
  /** JetBrains Mono: the footer and reference codes. */
  mono: string;
}

// One alias per file, so `GlobalFonts.has(alias)` says exactly whether that file is registered.
const FACES = [
  ['CT Archivo Black', 'archivo-black/files/archivo-black-latin-400-normal.woff2'],
  ['CT Archivo Black Ext', 'archivo-black/files/archivo-black-latin-ext-400-normal.woff2'],
  ['CT Inter 800', 'inter/files/inter-latin-800-normal.woff2'],
  ['CT Inter 800 Ext', 'inter/files/inter-latin-ext-800-normal.woff2'],
  ['CT Inter 800 Cyr', 'inter/files/inter-cyrillic-800-normal.woff2'],
  ['CT Inter 600', 'inter/files/inter-latin-600-normal.woff2'],
  ['CT Inter 600 Ext', 'inter/files/inter-latin-ext-600-normal.woff2'],
  ['CT Inter 600 Cyr', 'inter/files/inter-cyrillic-600-normal.woff2'],
  ['CT Inter 600 Greek', 'inter/files/inter-greek-600-normal.woff2'],
  ['CT Mono 500', 'jetbrains-mono/files/jetbrains-mono-latin-500-normal.woff2'],
] as const;

const family = (...names: string[]) => [...names.map((n) => `"${n}"`), '"DejaVu Sans"', 'sans-serif'].join(', ');

/**
 * Registers the bundled fonts with Skia (once per process: registering checks what is already there) and
 * returns the family lists to draw with. Throws if a font file is missing, naming it.
 */
export function registerPosterFonts(): PosterFonts {
  const require = createRequire(import.meta.url);
  for (const [alias, file] of FACES) {
    if (GlobalFonts.has(alias)) continue;
    const path = require.resolve(`@fontsource/${file}`);
    if (!GlobalFonts.registerFromPath(path, alias)) throw new Error(`poster: could not register font ${path}`);
  }
  return {
    display: family('CT Archivo Black', 'CT Archivo Black Ext', 'CT Inter 800', 'CT Inter 800 Cyr'),
    heavy: family('CT Inter 800', 'CT Inter 800 Ext', 'CT Inter 800 Cyr'),
    body: family('CT Inter 600', 'CT Inter 600 Ext', 'CT Inter 600 Cyr', 'CT Inter 600 Greek'),
    mono: family('CT Mono 500', 'CT Inter 600', 'CT Inter 600 Ext'),
  };
}

/** A canvas `font` shorthand. */
export function font(families: string, px: number, weight = 400): string {
  return `${weight} ${Math.round(px * 10) / 10}px ${families}`;
}
