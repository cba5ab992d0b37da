import { createCanvas } from '@napi-rs/canvas';
import { z } from 'zod';
import { optionalText } from '../../src/config-fields.js';
import type { ImageModel, RenderedImage } from '../../src/services/imagery/types.js';
import { defineProvider } from '../../src/services/provider.js';

/** The port types its names by the built-in engines; an engine a registry adds stands outside that union. */
const RECORDING = 'recording' as ImageModel['name'];

/** Every prompt a recording engine was asked to render, in order, across all its instances. */
export const recordedPrompts: string[] = [];

/**
 * An image provider that exists only in the tests: one file, like every provider. It declares its own key
 * (a colour, required) and renders a flat square of it, recording each prompt it receives. A prompt holding
 * "FAIL" fails, so the fallback to the poster can be seen.
 */
export const recordingImageProvider = defineProvider({
  name: 'recording',
  keys: {
    RECORDING_COLOUR: optionalText,
    RECORDING_SIDE: z.preprocess((v) => (v === '' || v === undefined ? 64 : v), z.coerce.number().int().min(8)),
  },
  required: ['RECORDING_COLOUR'],
  check: (config) => (/^#[0-9a-f]{6}$/i.test(config.RECORDING_COLOUR ?? '') ? undefined : 'needs a #rrggbb colour'),
  create: (config): ImageModel => ({
    name: RECORDING,
    async render(request): Promise<RenderedImage> {
      recordedPrompts.push(request.prompt);
      if (request.prompt.includes('FAIL')) throw new Error('recording engine asked to fail');
      const side = config.RECORDING_SIDE;
      const canvas = createCanvas(side, side);
      const context = canvas.getContext('2d');
      context.fillStyle = config.RECORDING_COLOUR as string;
      context.fillRect(0, 0, side, side);
      return {
        png: await canvas.encode('png'),
        contentType: 'image/png',
        width: side,
        height: side,
        engine: RECORDING,
      };
    },
  }),
});
