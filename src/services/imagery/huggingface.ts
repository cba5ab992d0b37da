import type { InferenceClient } from '@huggingface/inference';
import { z } from 'zod';
import { optionalUrl, withDefault } from '../../config-fields.js';
import { ModelError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { createInferenceClient, HUGGINGFACE_KEYS, withRetryAfter } from '../clients/huggingface.js';
import { callHosted } from '../hosted-call.js';
import { defineProvider, retryPolicyFrom } from '../provider.js';
import type { RetryPolicy } from '../retry.js';
import { renderedImage } from './check.js';
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

/** The `huggingface` image engine, through @huggingface/inference's text-to-image task. */
export class HuggingFaceImageModel implements ImageModel {
  readonly name = 'huggingface' as const;
  readonly #options: HuggingFaceImageOptions;
  #client: Promise<InferenceClient> | undefined;

  constructor(options: HuggingFaceImageOptions) {
    this.#options = options;
  }

  async render(request: ImageRequest): Promise<RenderedImage> {
    // The SDK loads before the first attempt's deadline starts.
    this.#client ??= createInferenceClient(this.#options.token, this.#options.log);
    const client = await this.#client;
    return callHosted((signal) => this.#renderOnce(client, request, signal), {
      engine: this.name,
      kind: 'image',
      retry: this.#options.retry,
      signal: request.signal,
      log: this.#options.log,
    });
  }

  async #renderOnce(client: InferenceClient, request: ImageRequest, signal: AbortSignal): Promise<RenderedImage> {
    const { model, endpointUrl } = this.#options;
    const blob = await withRetryAfter(this.#options.fetch, (fetch) =>
      client.textToImage(
        {
          model,
          ...(endpointUrl ? { endpointUrl } : {}),
          inputs: request.prompt,
          parameters: { seed: request.seed, width: request.width ?? 1024, height: request.height ?? 1024 },
        },
        { signal, fetch, retry_on_error: false, outputType: 'blob' },
      ),
    );
    if (!(blob instanceof Blob)) throw new ModelError(this.name, 'returned no image');
    return renderedImage(new Uint8Array(await blob.arrayBuffer()), this.name);
  }
}

/** The `huggingface` image provider: HF_TOKEN, a text-to-image model or a dedicated endpoint. */
export const huggingFaceImageProvider = defineProvider({
  name: 'huggingface',
  keys: {
    ...HUGGINGFACE_KEYS,
    HF_IMAGE_MODEL: withDefault(z.string().min(1), 'stabilityai/stable-diffusion-xl-base-1.0'),
    HF_IMAGE_ENDPOINT_URL: optionalUrl,
  },
  required: ['HF_TOKEN'],
  create: (config, deps): ImageModel =>
    new HuggingFaceImageModel({
      token: config.HF_TOKEN as string,
      model: config.HF_IMAGE_MODEL,
      retry: retryPolicyFrom(config),
      log: deps.log,
      ...(config.HF_IMAGE_ENDPOINT_URL ? { endpointUrl: config.HF_IMAGE_ENDPOINT_URL } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    }),
});
