import type OpenAI from 'openai';
import { z } from 'zod';
import { withDefault } from '../../config-fields.js';
import { ModelError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { createOpenAIClient, OPENAI_KEYS } from '../clients/openai.js';
import { callHosted } from '../hosted-call.js';
import { defineProvider, retryPolicyFrom } from '../provider.js';
import type { RetryPolicy } from '../retry.js';
import { fetchImageBytes, renderedImage } from './check.js';
import type { ImageModel, ImageRequest, RenderedImage } from './types.js';

export interface OpenAIImageOptions {
  apiKey: string;
  /** `gpt-image-1`, `dall-e-3`, … */
  model: string;
  baseURL?: string;
  /** `1024x1024` by default; the sizes a model accepts differ (gpt-image-1: 1024x1024, 1536x1024, 1024x1536, auto). */
  size?: string;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  log?: Logger;
}

/**
 * The `openai` image engine (Images API). The GPT image models always answer base64; DALL·E is asked for base64
 * too, and a URL answer is downloaded and checked all the same. The Images API takes no seed.
 */
export class OpenAIImageModel implements ImageModel {
  readonly name = 'openai' as const;
  readonly #options: OpenAIImageOptions;
  #client: Promise<OpenAI> | undefined;

  constructor(options: OpenAIImageOptions) {
    this.#options = options;
  }

  async render(request: ImageRequest): Promise<RenderedImage> {
    // The SDK loads before the first attempt's deadline starts.
    const { apiKey, baseURL, fetch } = this.#options;
    this.#client ??= createOpenAIClient({ apiKey, baseURL, timeoutMs: this.#options.retry?.timeoutMs, fetch });
    const client = await this.#client;
    return callHosted((signal) => this.#renderOnce(client, request, signal), {
      engine: this.name,
      kind: 'image',
      retry: this.#options.retry,
      signal: request.signal,
      log: this.#options.log,
    });
  }

  async #renderOnce(client: OpenAI, request: ImageRequest, signal: AbortSignal): Promise<RenderedImage> {
    const { model, fetch } = this.#options;
    const response = await client.images.generate(
      {
        model,
        prompt: request.prompt,
        n: 1,
        size: this.#options.size ?? '1024x1024',
        ...(model.startsWith('dall-e') ? { response_format: 'b64_json' as const } : {}),
      },
      { signal, maxRetries: 0 },
    );
    const image = response?.data?.[0];
    let bytes: Buffer;
    if (typeof image?.b64_json === 'string' && image.b64_json) bytes = Buffer.from(image.b64_json, 'base64');
    else if (typeof image?.url === 'string') {
      bytes = await fetchImageBytes(image.url, { engine: this.name, signal, fetch });
    } else throw new ModelError(this.name, 'returned no image');
    return renderedImage(bytes, this.name);
  }
}

/** The `openai` image provider: OPENAI_API_KEY, and the model and size it asks for. */
export const openAIImageProvider = defineProvider({
  name: 'openai',
  keys: {
    ...OPENAI_KEYS,
    OPENAI_IMAGE_MODEL: withDefault(z.string().min(1), 'gpt-image-1'),
    OPENAI_IMAGE_SIZE: withDefault(
      z.string().regex(/^(?:\d{2,4}x\d{2,4}|auto)$/, 'must be WIDTHxHEIGHT or auto'),
      '1024x1024',
    ),
  },
  required: ['OPENAI_API_KEY'],
  create: (config, deps): ImageModel =>
    new OpenAIImageModel({
      apiKey: config.OPENAI_API_KEY as string,
      model: config.OPENAI_IMAGE_MODEL,
      size: config.OPENAI_IMAGE_SIZE,
      retry: retryPolicyFrom(config),
      log: deps.log,
      ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    }),
});
