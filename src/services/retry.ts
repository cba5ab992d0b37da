import { ModelError } from '../errors.js';

/**
 * Timeouts and bounded retries for calls to hosted models. Every attempt gets its own deadline; transient
 * failures (rate limits, 5xx, dropped connections) are retried with exponential backoff and jitter, waiting at
 * least as long as the server's Retry-After; everything is abortable by the caller's signal.
 */

/** An attempt ran past its deadline. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
  }
}

/** A call that answered with an HTTP error status, with what a retry needs to know. */
export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface RetryPolicy {
  /** Deadline of one attempt, in milliseconds. */
  timeoutMs: number;
  /** Attempts after the first one. */
  retries: number;
  /** First backoff delay; doubles each retry. */
  baseDelayMs: number;
  /** Cap of one backoff delay. */
  maxDelayMs: number;
  /** A Retry-After longer than this ends the retries: the audience will not wait that long. */
  maxRetryAfterMs: number;
  /**
   * Whether a timed-out attempt is tried again. Off by default: a model that took the whole deadline once will
   * most likely do it again, and the show falls back instead of keeping the audience waiting twice as long.
   */
  retryOnTimeout: boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  timeoutMs: 60_000,
  retries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 20_000,
  retryOnTimeout: false,
};

export interface RetryOptions extends Partial<RetryPolicy> {
  signal?: AbortSignal;
  /** Whether a failure is worth another attempt. Defaults to {@link isTransient}. */
  isRetryable?: (err: unknown) => boolean;
  /** Called before each wait, for logging. */
  onRetry?: (info: { attempt: number; delayMs: number; err: unknown }) => void;
  /** A number in [0, 1), for jitter; tests pass a constant. */
  random?: () => number;
}

/** What a failed HTTP call tells a retry: its status and how long the server asked to wait. */
export interface FailureHints {
  status?: number;
  retryAfterMs?: number;
}

const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
const NETWORK_CODES = /^(?:ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|UND_ERR_\w+)$/;

type Loose = Record<string, unknown> | undefined;
const asObject = (value: unknown): Loose =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;

function headerOf(headers: unknown, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = asObject(headers)?.[name];
  return typeof value === 'string' ? value : null;
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Retry-After in milliseconds from response headers, preferring the precise `retry-after-ms` some APIs send. */
export function retryAfterFromHeaders(headers: unknown): number | undefined {
  const ms = Number(headerOf(headers, 'retry-after-ms'));
  if (headerOf(headers, 'retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms;
  return parseRetryAfter(headerOf(headers, 'retry-after'));
}

/**
 * Reads the status and Retry-After from the error shapes of the SDKs in use (openai: `status`/`headers`;
 * replicate: `response`; @huggingface/inference: `httpResponse`), or from `status`/`retryAfterMs` an adapter set,
 * following `cause` a few levels down.
 */
export function failureHints(err: unknown): FailureHints {
  for (let current = asObject(err), depth = 0; current && depth < 4; current = asObject(current.cause), depth++) {
    const response = asObject(current.response) ?? asObject(current.httpResponse);
    const status = [current.status, response?.status].find((s): s is number => typeof s === 'number');
    if (status === undefined) continue;
    const retryAfterMs =
      typeof current.retryAfterMs === 'number'
        ? current.retryAfterMs
        : retryAfterFromHeaders(current.headers ?? response?.headers);
    return { status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  return {};
}

/** A dropped or refused connection, at any depth of `cause`. */
export function isNetworkError(err: unknown): boolean {
  for (let current = asObject(err), depth = 0; current && depth < 5; current = asObject(current.cause), depth++) {
    if (typeof current.code === 'string' && NETWORK_CODES.test(current.code)) return true;
    if (current.name === 'APIConnectionError') return true;
    if (current instanceof TypeError && /fetch failed|network|terminated/i.test(String(current.message))) return true;
  }
  return false;
}

/** The default retry rule: rate limits, server errors and dropped connections; never a 4xx or bad output. */
export function isTransient(err: unknown): boolean {
  const { status } = failureHints(err);
  if (status !== undefined) return TRANSIENT_STATUSES.has(status);
  return isNetworkError(err);
}

/** Exponential backoff with "equal jitter": half the capped delay is fixed, half random. */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: number) {
  const capped = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(capped / 2 + (capped / 2) * random);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs one attempt under its own deadline. The attempt's signal aborts on timeout or when the caller aborts, and
 * the race guarantees the deadline even against an operation that ignores its signal.
 */
async function attemptWithDeadline<T>(
  operation: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  outer: AbortSignal | undefined,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutError(timeoutMs)), timeoutMs);
  const forward = () => controller.abort(abortReason(outer as AbortSignal));
  outer?.addEventListener('abort', forward, { once: true });
  if (outer?.aborted) forward();
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(abortReason(controller.signal));
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener('abort', fail, { once: true });
  });
  try {
    const running = operation(controller.signal);
    // The loser of the race may still settle later; its outcome no longer matters.
    running.catch(() => undefined);
    aborted.catch(() => undefined);
    return await Promise.race([running, aborted]);
  } catch (err) {
    // An SDK reports its own abort error; the reason of the abort says what actually happened.
    if (controller.signal.aborted) throw abortReason(controller.signal);
    throw err;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}

/**
 * Calls `operation` until it succeeds, a failure is not retryable, or the retries run out; the last error is
 * thrown. Each attempt receives a signal that aborts at its deadline (then a {@link TimeoutError} is thrown) or
 * when `options.signal` aborts (then its reason is thrown, and nothing is retried).
 */
export async function withRetry<T>(
  operation: (signal: AbortSignal, attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(options) };
  const isRetryable = options.isRetryable ?? isTransient;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptWithDeadline((signal) => operation(signal, attempt), policy.timeoutMs, options.signal);
    } catch (err) {
      if (options.signal?.aborted || attempt > policy.retries) throw err;
      const retryable = err instanceof TimeoutError ? policy.retryOnTimeout : isRetryable(err);
      if (!retryable) throw err;
      const { retryAfterMs } = failureHints(err);
      if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) throw err;
      const delayMs = Math.max(retryAfterMs ?? 0, backoffDelay(attempt, policy, random()));
      options.onRetry?.({ attempt, delayMs, err });
      await sleep(delayMs, options.signal);
    }
  }
}

function definedOnly(options: RetryOptions): Partial<RetryPolicy> {
  const out: Partial<Record<keyof RetryPolicy, unknown>> = {};
  for (const key of Object.keys(DEFAULT_RETRY_POLICY) as Array<keyof RetryPolicy>) {
    if (options[key] !== undefined) out[key] = options[key];
  }
  return out as Partial<RetryPolicy>;
}

/** A hosted call's final failure as one ModelError whose message says why; the original stays as its cause. */
export function asModelError(engine: string, err: unknown): ModelError {
  if (err instanceof ModelError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ModelError(engine, message.slice(0, 500), { cause: err });
}
