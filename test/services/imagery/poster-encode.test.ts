import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { DEFAULT_STYLE } from '../../../src/config.js';
import { registerPosterFonts } from '../../../src/services/imagery/poster/fonts.js';
import { PosterModel } from '../../../src/services/imagery/poster/index.js';
import { paintPoster } from '../../../src/services/imagery/poster/poster.js';
import { passed } from '../censor/passed.js';

/** RGBA pixels of a PNG, decoded by libvips (a decoder other than the canvas that drew them). */
async function pixels(png: Buffer): Promise<{ data: Buffer; channels: number; width: number; height: number }> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, channels: info.channels, width: info.width, height: info.height };
}

describe('the poster PNG encoding', () => {
  test.each([
    ['a knight with a brand-safe ceremonial implement', 1, 1024, 1024],
    ['a quiet sea at night', 7, 512, 768],
    ['a city skyline wellness gathering', 42, 1024, 1024],
  ])('%s (seed %i, %ix%i) decodes to exactly the pixels Skia encodes', async (brief, seed, width, height) => {
    const prompt = await passed(`${brief}, ${DEFAULT_STYLE}`);
    const image = await new PosterModel().render({ prompt, performanceNumber: seed, seed, width, height });
    // The reference: the same drawing encoded by the canvas's own PNG encoder, as the poster did before.
    const canvas = createCanvas(width, height);
    paintPoster(canvas.getContext('2d'), width, height, registerPosterFonts(), {
      prompt,
      performanceNumber: seed,
      seed,
    });
    const reference = await canvas.encode('png');

    expect(image.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [ours, theirs] = await Promise.all([pixels(image.png), pixels(reference)]);
    expect({ width: ours.width, height: ours.height, channels: ours.channels }).toEqual({
      width,
      height,
      channels: 4,
    });
    expect(ours.width).toBe(theirs.width);
    expect(ours.data.equals(theirs.data)).toBe(true);
  });

  test('the same prompt and seed give the same bytes', async () => {
    const model = new PosterModel();
    const request = { prompt: await passed(`a stakeholder, ${DEFAULT_STYLE}`), performanceNumber: 3, seed: 3 };
    const [a, b] = await Promise.all([model.render(request), model.render(request)]);
    expect(a.png.equals(b.png)).toBe(true);
  });
});
