/**
 * Poster render time: the embedded image engine drawing and encoding 1024x1024 PNGs, one at a time, for a
 * rotation of briefs that exercise different motifs (castle, sea at night, city crowd, abstract, long caption).
 *
 * Run directly (`npx tsx bench/poster.ts`) to print the figures.
 */
import { pathToFileURL } from 'node:url';
import { DEFAULT_STYLE } from '../src/config.js';
import { Lexicon, LexiconCensor, loadBuiltInLexiconEntries } from '../src/services/censor/lexicon/index.js';
import { recheckPrompt } from '../src/services/censor/pipeline.js';
import { PosterModel } from '../src/services/imagery/poster/index.js';

const BRIEFS = [
  'a knight with a brand-safe ceremonial implement in a village experiencing a warmth event',
  'a quiet sea at night',
  'a city skyline wellness gathering',
  'a stakeholder expressing mild enthusiasm about a deliverable',
  'a snowy forest cabin under the stars with a family and a garden of flowers '.repeat(12),
].map((brief) => `${brief}, ${DEFAULT_STYLE}`);

/** Median and 95th percentile wall time of one render (draw + PNG encode), and the median PNG size. */
export async function benchPoster(runs = 20): Promise<{ medianMs: number; p95Ms: number; bytes: number }> {
  const model = new PosterModel();
  // Only the censor pipeline makes a prompt an image model accepts: the briefs pass through the built-in censor.
  const censor = new LexiconCensor({ lexicon: Lexicon.fromEntries(loadBuiltInLexiconEntries()) });
  const prompts = await Promise.all(BRIEFS.map((brief) => recheckPrompt(censor, brief)));
  // Warm-up: font registration, JIT and Skia's caches are paid once per process, not per performance.
  for (const prompt of prompts) await model.render({ prompt, performanceNumber: 0, seed: 0 });
  const times: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const image = await model.render({ prompt: prompts[i % prompts.length]!, performanceNumber: i + 1, seed: i });
    times.push(performance.now() - started);
    sizes.push(image.png.length);
  }
  return { medianMs: round(quantile(times, 0.5)), p95Ms: round(quantile(times, 0.95)), bytes: quantile(sizes, 0.5) };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2] ?? 20);
  const { medianMs, p95Ms, bytes } = await benchPoster(runs);
  console.log(
    `poster 1024x1024, ${runs} renders: median ${medianMs} ms, p95 ${p95Ms} ms, ${Math.round(bytes / 1024)} KiB`,
  );
}
