import type Replicate from 'replicate';
import type { Prediction } from 'replicate';
import { z } from 'zod';
import { optionalText, optionalUrl, withDefault } from '../../config-fields.js';
import { ModelError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { callHosted } from '../hosted-call.js';
import { defineProvider, retryPolicyFrom } from '../provider.js';
import { HttpStatusError, isTransient, type RetryPolicy, retryAfterFromHeaders, sleep } from '../retry.js';
import { fetchImageBytes, renderedImage } from './check.js';
import type { ImageModel, ImageRequest, RenderedImage } from './types.js';

export const REPLICATE_DEFAULT_BASE_URL = 'https://api.replicate.com/v1';
const MODEL_REF = /^([\w.-]+)\/([\w.-]+)(?::(\w+))?$/;

/** A model reference: `owner/name` (an official model, its latest version) or `owner/name:version`. */
export function parseReplicateModel(ref: string): { model: string; version?: string } | undefined {
  const match = MODEL_REF.exec(ref.trim());
  if (!match) return undefined;
  return { model: `${match[1]}/${match[2]}`, ...(match[3] ? { version: match[3] } : {}) };
}

export interface ReplicateImageOptions {
  apiToken: string;
  /** `black-forest-labs/flux-schnell`, `stability-ai/sdxl:<version>`, … */
  model: string;
  baseUrl?: string;
  /** Extra inputs for the model, over the defaults (e.g. `{"num_inference_steps": 4}`). */
  input?: Record<string, unknown>;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  /** How often a prediction that is still running is polled. */
  pollIntervalMs?: number;
  log?: Logger;
}

const TERMINAL = new Set(['succeeded', 'failed', 'canceled', 'aborted']);

/** The inputs every text-to-image model on Replicate understands one way or another; unknown ones are ignored. */
export function replicateInput(request: ImageRequest, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const width = request.width ?? 1024;
  const height = request.height ?? 1024;
  return {
    prompt: request.prompt,
    seed: request.seed % 2 ** 31,
    width,
    height,
    ...(width === height ? { aspect_ratio: '1:1' } : {}),
    num_outputs: 1,
    output_format: 'png',
    ...extra,
  };
}

/** The first URL in a prediction's output (a string, or a list of them for models that make several). */
function firstUrl(output: unknown): string | undefined {
  if (typeof output === 'string') return output;
  if (Array.isArray(output)) for (const item of output) if (typeof item === 'string') return item;
  return undefined;
}

/**
 * The `replicate` image engine: creates a prediction (waiting on it with `Prefer: wait`), polls until it ends,
 * downloads the image and checks it. The SDK already retries a 429 five times, so the retry layer does not retry
 * one again; an abandoned prediction is cancelled so it stops costing money.
 */
export class ReplicateImageModel implements ImageModel {
  readonly name = 'replicate' as const;
  readonly #options: ReplicateImageOptions;
  readonly #ref: { model: string; version?: string };
  #client: Promise<Replicate> | undefined;

  constructor(options: ReplicateImageOptions) {
    const ref = parseReplicateModel(options.model);
    if (!ref) throw new ModelError(this.name, `"${options.model}" is not owner/name or owner/name:version`);
    this.#ref = ref;
    this.#options = options;
  }

  async render(request: ImageRequest): Promise<RenderedImage> {
    const retry = this.#options.retry ?? {};
    // The SDK loads before the first attempt's deadline starts.
    const client = await this.#sdk();
    return callHosted((signal) => this.#renderOnce(client, request, signal, retry.timeoutMs ?? 60_000), {
      engine: this.name,
      kind: 'image',
      retry,
      signal: request.signal,
      log: this.#options.log,
      isRetryable: (err) => !(err instanceof HttpStatusError && err.status === 429) && isTransient(err),
    });
  }

  /** The SDK loads on first use. */
  async #sdk(): Promise<Replicate> {
    const { apiToken, baseUrl, fetch } = this.#options;
    this.#client ??= import('replicate').then(
      ({ default: ReplicateSdk }) =>
        new ReplicateSdk({
          auth: apiToken,
          baseUrl: baseUrl ?? REPLICATE_DEFAULT_BASE_URL,
          useFileOutput: false,
          ...(fetch ? { fetch } : {}),
        }),
    );
    return this.#client;
  }

  async #renderOnce(
    client: Replicate,
    request: ImageRequest,
    signal: AbortSignal,
    timeoutMs: number,
  ): Promise<RenderedImage> {
    let prediction: Prediction | undefined;
    try {
      prediction = await client.predictions.create({
        ...(this.#ref.version ? { version: this.#ref.version } : { model: this.#ref.model }),
        input: replicateInput(request, this.#options.input),
        wait: Math.max(1, Math.min(60, Math.floor(timeoutMs / 1000))),
        signal,
      });
      while (!TERMINAL.has(prediction.status)) {
        await sleep(this.#options.pollIntervalMs ?? 1000, signal);
        prediction = await client.predictions.get(prediction.id, { signal });
      }
    } catch (err) {
      if (signal.aborted && prediction?.id) this.#cancel(client, prediction.id);
      throw plainError(err);
    }
    if (prediction.status !== 'succeeded') {
      throw new ModelError(this.name, `prediction ${prediction.status}: ${String(prediction.error ?? 'no reason')}`);
    }
    const url = firstUrl(prediction.output);
    if (!url) throw new ModelError(this.name, 'prediction succeeded without an image URL');
    const bytes = await fetchImageBytes(url, { engine: this.name, signal, fetch: this.#options.fetch });
    return renderedImage(bytes, this.name);
  }

  #cancel(client: Replicate, id: string): void {
    client.predictions.cancel(id, { signal: AbortSignal.timeout(5_000) }).catch((err: unknown) => {
      this.#options.log?.debug(
        { err, engine: this.name, predictionId: id },
        'could not cancel an abandoned prediction',
      );
    });
  }
}

/**
 * The SDK's ApiError carries the whole Request, Authorization header included; only its status, Retry-After and
 * message are kept, so a log line can never hold the token.
 */
function plainError(err: unknown): unknown {
  const response = (err as { response?: unknown } | null)?.response;
  if (!(response instanceof Response)) return err;
  return new HttpStatusError(
    response.status,
    `replicate: ${(err as Error).message}`.slice(0, 500),
    retryAfterFromHeaders(response.headers),
  );
}

/** The `replicate` image provider: REPLICATE_API_TOKEN and a model reference, with optional extra inputs. */
export const replicateImageProvider = defineProvider({
  name: 'replicate',
  keys: {
    REPLICATE_API_TOKEN: optionalText,
    REPLICATE_BASE_URL: optionalUrl,
    REPLICATE_IMAGE_MODEL: withDefault(z.string().min(1), 'black-forest-labs/flux-schnell'),
    /** Extra inputs for the Replicate model as a JSON object, e.g. {"num_inference_steps":4}. */
    REPLICATE_IMAGE_INPUT: z.preprocess((v) => {
      if (v === '' || v === undefined) return undefined;
      try {
        return JSON.parse(String(v));
      } catch {
        return v;
      }
    }, z.record(z.string(), z.unknown(), { error: 'must be a JSON object' }).optional()),
  },
  required: ['REPLICATE_API_TOKEN'],
  check: (config) =>
    parseReplicateModel(config.REPLICATE_IMAGE_MODEL)
      ? undefined
      : `needs REPLICATE_IMAGE_MODEL as owner/name or owner/name:version (it is "${config.REPLICATE_IMAGE_MODEL}")`,
  create: (config, deps): ImageModel =>
    new ReplicateImageModel({
      apiToken: config.REPLICATE_API_TOKEN as string,
      model: config.REPLICATE_IMAGE_MODEL,
      retry: retryPolicyFrom(config),
      log: deps.log,
      ...(config.REPLICATE_BASE_URL ? { baseUrl: config.REPLICATE_BASE_URL } : {}),
      ...(config.REPLICATE_IMAGE_INPUT ? { input: config.REPLICATE_IMAGE_INPUT } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    }),
});
