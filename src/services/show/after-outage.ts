import type { Logger } from '../../logger.js';

export interface AfterOutageOptions {
  log: Logger;
  /** Whether the show has stopped: nothing is tried again after that (the next start resumes it from the store). */
  stopped(): boolean;
  /** The first wait; it doubles with each attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts after the first; then the work is left for the next start, which resumes unfinished acts. */
  maxAttempts?: number;
}

/**
 * Work the store cut off — an act, a released finale — taken up again once the store may answer: a store outage
 * longer than one call waits for is not the act's fault, so it is neither failed nor shown as failed. Each piece
 * of work is tried again with backoff, a bounded number of times.
 */
export class AfterOutage {
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxAttempts: number;
  private readonly attempts = new Map<string, number>();

  constructor(private readonly options: AfterOutageOptions) {
    this.baseDelayMs = options.baseDelayMs ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 40;
  }

  /** Runs `again` later for the work named `key`; returns false when it has been tried too often already. */
  schedule(key: string, again: () => void): boolean {
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    if (attempt > this.maxAttempts) {
      this.attempts.delete(key);
      this.options.log.error({ key, attempts: attempt - 1 }, 'the store stayed unavailable; left for the next start');
      return false;
    }
    this.attempts.set(key, attempt);
    const delayMs = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    this.options.log.warn({ key, attempt, delayMs }, 'the store is unavailable; the work is taken up again later');
    // Unref'd: a stopping process does not wait for it, and the next start resumes the work from the store.
    setTimeout(() => {
      if (!this.options.stopped()) again();
    }, delayMs).unref();
    return true;
  }

  /** The work went through: a later outage starts counting again. */
  done(key: string): void {
    this.attempts.delete(key);
  }
}
