/**
 * Poster render time: the embedded image engine drawing and encoding 1024x1024 PNGs, one at a time, for a
 * rotation of briefs that exercise different motifs (castle, sea at night, city crowd, abstract, long caption).
 * The encoding step is also timed alone, beside Skia's own PNG encoder that it replaced.
 *
 * Run directly (`npx tsx bench/poster.ts`) to print the figures.
 */
import { pathToFileURL } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { DEFAULT_STYLE } from '../src/config.js';
import { Lexicon, LexiconCensor, loadBuiltInLexiconEntries } from '../src/services/censor/lexicon/index.js';
import { recheckPrompt } from '../src/services/censor/pipeline.js';
import { registerPosterFonts } from '../src/services/imagery/poster/fonts.js';
import { encodePng, PosterModel } from '../src/services/imagery/poster/index.js';
import { paintPoster } from '../src/services/imagery/poster/poster.js';
import { quantile, round } from './stats.js';

const BRIEFS = [
  'a knight with a brand-safe ceremonial implement in a village experiencing a warmth event',
  'a quiet sea at night',
  'a city skyline wellness gathering',
  'a stakeholder expressing mild enthusiasm about a deliverable',
  'a snowy forest cabin under the stars with a family and a garden of flowers '.repeat(12),
].map((brief) => `${brief}, ${DEFAULT_STYLE}`);

export interface PosterFigures {
  /** Whole render: draw + encode. */
  medianMs: number;
  p95Ms: number;
  /** The encoding step alone, as shipped (libvips, unfiltered, zlib 3). */
  encodeMedianMs: number;
  encodeP95Ms: number;
  /** The encoding step alone with Skia's PNG encoder (what the poster used before). */
  skiaEncodeMedianMs: number;
  bytes: number;
  skiaBytes: number;
}

/** Median and 95th percentile wall times, and the median PNG sizes; the two encoders alternate on each canvas. */
export async function benchPoster(runs = 20): Promise<PosterFigures> {
  const model = new PosterModel();
  // Only the censor pipeline makes a prompt an image model accepts: the briefs pass through the built-in censor.
  const censor = new LexiconCensor({ lexicon: Lexicon.fromEntries(loadBuiltInLexiconEntries()) });
  const prompts = await Promise.all(BRIEFS.map((brief) => recheckPrompt(censor, brief)));
  // Warm-up: font registration, JIT and Skia's caches are paid once per process, not per performance.
  for (const prompt of prompts) await model.render({ prompt, performanceNumber: 0, seed: 0 });
  const fonts = registerPosterFonts();
  const renders: number[] = [];
  const encodes: number[] = [];
  const skiaEncodes: number[] = [];
  const sizes: number[] = [];
  const skiaSizes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prompt = prompts[i % prompts.length]!;
    let started = performance.now();
    await model.render({ prompt, performanceNumber: i + 1, seed: i });
    renders.push(performance.now() - started);

    const canvas = createCanvas(1024, 1024);
    paintPoster(canvas.getContext('2d'), 1024, 1024, fonts, { prompt, performanceNumber: i + 1, seed: i });
    const order = i % 2 ? ['skia', 'shipped'] : ['shipped', 'skia'];
    for (const encoder of order) {
      started = performance.now();
      const png = encoder === 'skia' ? await canvas.encode('png') : await encodePng(canvas);
      (encoder === 'skia' ? skiaEncodes : encodes).push(performance.now() - started);
      (encoder === 'skia' ? skiaSizes : sizes).push(png.length);
    }
  }
  return {
    medianMs: round(quantile(renders, 0.5)),
    p95Ms: round(quantile(renders, 0.95)),
    encodeMedianMs: round(quantile(encodes, 0.5)),
    encodeP95Ms: round(quantile(encodes, 0.95)),
    skiaEncodeMedianMs: round(quantile(skiaEncodes, 0.5)),
    bytes: quantile(sizes, 0.5),
    skiaBytes: quantile(skiaSizes, 0.5),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2] ?? 20);
  const f = await benchPoster(runs);
  console.log(
    `poster 1024x1024, ${runs} renders: median ${f.medianMs} ms, p95 ${f.p95Ms} ms; encode median ${f.encodeMedianMs} ms, p95 ${f.encodeP95Ms} ms (Skia's encoder ${f.skiaEncodeMedianMs} ms); ${Math.round(f.bytes / 1024)} KiB (Skia ${Math.round(f.skiaBytes / 1024)} KiB)`,
  );
}
