import type { Logger } from '../logger.js';
import { asModelError, isTransient, type RetryPolicy, withRetry } from './retry.js';

export interface HostedCallOptions {
  /** The engine named in the log and in the ModelError. */
  engine: string;
  /** What the engine does, for the log line: "censor" or "image". */
  kind: 'censor' | 'image';
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  log?: Logger;
  isRetryable?: (err: unknown) => boolean;
}

/**
 * One call to a hosted model under the retry policy: every attempt has its deadline, transient failures are
 * retried within bounds and logged, and the final failure is one ModelError. A cancelled call is rethrown as is.
 */
export async function callHosted<T>(
  operation: (signal: AbortSignal) => Promise<T>,
  options: HostedCallOptions,
): Promise<T> {
  const { engine, kind, log, signal } = options;
  try {
    return await withRetry(operation, {
      ...options.retry,
      signal,
      isRetryable: options.isRetryable ?? isTransient,
      onRetry: ({ attempt, delayMs, err }) =>
        log?.info({ err, engine, attempt, delayMs }, `${kind} engine call failed; retrying`),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw asModelError(engine, err);
  }
}
