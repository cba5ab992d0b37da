import { setTimeout as wait } from 'node:timers/promises';

/**
 * A wait that ends early when the act is stopped — at once if it already was — rejecting with the signal's
 * reason (`'skip'`, `'shutdown'`), not a generic AbortError, so the act can tell why it stopped.
 */
export async function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await wait(ms, undefined, { signal });
  } catch (err) {
    throw signal?.aborted ? signal.reason : err;
  }
}
