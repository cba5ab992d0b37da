import type { InferenceClient } from '@huggingface/inference';
import { optionalText } from '../../config-fields.js';
import type { Logger } from '../../logger.js';
import { retryAfterFromHeaders } from '../retry.js';

/** The key every Hugging Face provider reads. */
export const HUGGINGFACE_KEYS = { HF_TOKEN: optionalText };

/**
 * The one place an Inference client is made; the SDK loads on first use. Its own retry on 503 is off (it has no
 * limit): the retry layer retries within bounds. Its log lines (it announces every provider it picks) go to our
 * logger; the SDK has one process-wide logger, which every client sets the same way.
 */
export async function createInferenceClient(token: string, log: Logger | undefined): Promise<InferenceClient> {
  const sdk = await import('@huggingface/inference');
  const debug = (message: string, ...args: unknown[]) => log?.debug({ args }, `huggingface client: ${message}`);
  sdk.setLogger({
    debug,
    info: debug,
    log: debug,
    warn: (message, ...args) => log?.warn({ args }, `huggingface client: ${message}`),
    error: (message, ...args) => log?.error({ args }, `huggingface client: ${message}`),
  });
  return new sdk.InferenceClient(token, { retry_on_error: false });
}

/**
 * Runs one SDK call with a fetch that notes the Retry-After of an error response, and hands it to the error the
 * SDK throws (which drops the headers), so the retry layer can honour it.
 */
export async function withRetryAfter<T>(
  baseFetch: typeof fetch | undefined,
  call: (fetch: typeof globalThis.fetch) => Promise<T>,
): Promise<T> {
  let retryAfterMs: number | undefined;
  const recording: typeof fetch = async (input, init) => {
    const response = await (baseFetch ?? fetch)(input, init);
    if (!response.ok) retryAfterMs = retryAfterFromHeaders(response.headers);
    return response;
  };
  try {
    return await call(recording);
  } catch (err) {
    if (retryAfterMs !== undefined && typeof err === 'object' && err !== null && !('retryAfterMs' in err)) {
      Object.assign(err, { retryAfterMs });
    }
    throw err;
  }
}
