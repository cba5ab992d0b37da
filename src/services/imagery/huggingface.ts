import { InferenceClient } from '@huggingface/inference';
import { ModelError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { routeHuggingFaceLogs } from '../censor/huggingface.js';
import { asModelError, isTransient, type RetryPolicy, retryAfterFromHeaders, withRetry } from '../retry.js';
import { checkImage } from './check.js';
import type { ImageModel, ImageRequest, RenderedImage } from './types.js';

export interface HuggingFaceImageOptions {
  token: string;
  /** A text-to-image model id on the Hub, routed through Inference Providers. */
  model: string;
  /** A dedicated Inference Endpoint; when set, requests go there instead of the router. */
  endpointUrl?: string;
  /** Reaches every request the client makes, the Hub lookup of a model's provider included. */
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  log?: Logger;
}

/**
 * The `huggingface` image engine, through @huggingface/inference's text-to-image task. The client's own retry
 * on 503 is off (it has no limit); the retry layer retries within bounds, honouring Retry-After.
 */
export class HuggingFaceImageModel implements ImageModel {
  readonly name = 'huggingface' as const;
  readonly #client: InferenceClient;
  readonly #options: HuggingFaceImageOptions;

  constructor(options: HuggingFaceImageOptions) {
    this.#options = options;
    this.#client = new InferenceClient(options.token, { retry_on_error: false });
    routeHuggingFaceLogs(options.log);
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
    const seen: { retryAfterMs?: number } = {};
    const baseFetch = this.#options.fetch ?? fetch;
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await baseFetch(input, init);
      if (!response.ok) seen.retryAfterMs = retryAfterFromHeaders(response.headers);
      return response;
    };
    let blob: Blob;
    try {
      blob = await this.#client.textToImage(
        {
          model: this.#options.model,
          ...(this.#options.endpointUrl ? { endpointUrl: this.#options.endpointUrl } : {}),
          inputs: request.prompt,
          parameters: { seed: request.seed, width: request.width ?? 1024, height: request.height ?? 1024 },
        },
        { signal, fetch: recordingFetch, retry_on_error: false, outputType: 'blob' },
      );
    } catch (err) {
      if (seen.retryAfterMs !== undefined && typeof err === 'object' && err !== null && !('retryAfterMs' in err)) {
        Object.assign(err, { retryAfterMs: seen.retryAfterMs });
      }
      throw err;
    }
    if (!(blob instanceof Blob)) throw new ModelError(this.name, 'returned no image');
    const checked = await checkImage(new Uint8Array(await blob.arrayBuffer()), { engine: this.name });
    return {
      png: checked.bytes,
      contentType: checked.contentType,
      width: checked.width,
      height: checked.height,
      engine: this.name,
    };
  }
}
