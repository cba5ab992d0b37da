import type { Logger } from '../logger.js';
import { backoffDelay, isTransient, sleep as wait } from './retry.js';

export interface StartupRetryOptions {
  log: Logger;
  /** What is being reached, for the log: `discord`, `store`. */
  what: string;
  /** How long to keep trying; the last failure is thrown after this. */
  forMs: number;
  /** Whether a failure may pass with time (a 503, a refused connection); others are thrown at once. */
  isRetryable?: (err: unknown) => boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const POLICY = { baseDelayMs: 500, maxDelayMs: 8_000 };

/** A failure worth another try at start-up: a transient HTTP status or network error, here or in its cause. */
export function isTransientAtStartup(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (isTransient(e)) return true;
  }
  return false;
}

/**
 * Runs a start-up step again with backoff while it fails transiently, for a bounded time: an exhibition bot
 * started while Discord or Redis is briefly down comes up by itself, and says in the log what it is waiting for.
 */
export async function retryAtStartup<T>(task: () => Promise<T>, options: StartupRetryOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => wait(ms));
  const retryable = options.isRetryable ?? isTransientAtStartup;
  const deadline = now() + options.forMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (err) {
      const delayMs = backoffDelay(attempt, POLICY, Math.random());
      if (!retryable(err) || now() + delayMs > deadline) throw err;
      options.log.warn({ err, what: options.what, attempt, delayMs }, 'start-up: not reachable yet; retrying');
      await sleep(delayMs);
    }
  }
}
