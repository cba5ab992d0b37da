import OpenAI from 'openai';
import { ModelError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { asModelError, isTransient, type RetryPolicy, withRetry } from '../retry.js';
import { checkImage, fetchImageBytes } from './check.js';
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
  readonly #client: OpenAI;
  readonly #options: OpenAIImageOptions;

  constructor(options: OpenAIImageOptions) {
    this.#options = options;
    this.#client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL ?? 'https://api.openai.com/v1',
      organization: null,
      project: null,
      maxRetries: 0,
      timeout: options.retry?.timeoutMs ?? 60_000,
      logLevel: 'off',
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  async render(request: ImageRequest): Promise<RenderedImage> {
    try {
      return await withRetry((signal) => this.#renderOnce(request, signal), {
        ...this.#options.retry,
        signal: request.signal,
        isRetryable: isTransient,
        onRetry: ({ attempt, delayMs, err }) =>
          this.#options.log?.info({ err, engine: this.name, attempt, delayMs }, 'image engine call failed; retrying'),
      });
    } catch (err) {
      if (request.signal?.aborted) throw err;
      throw asModelError(this.name, err);
    }
  }

  async #renderOnce(request: ImageRequest, signal: AbortSignal): Promise<RenderedImage> {
    const model = this.#options.model;
    const response = await this.#client.images.generate(
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
      bytes = await fetchImageBytes(image.url, { engine: this.name, signal, fetch: this.#options.fetch });
    } else throw new ModelError(this.name, 'returned no image');
    const checked = await checkImage(bytes, { engine: this.name });
    return {
      png: checked.bytes,
      contentType: checked.contentType,
      width: checked.width,
      height: checked.height,
      engine: this.name,
    };
  }
}
