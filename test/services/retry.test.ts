import { describe, expect, test } from 'vitest';
import { ModelError } from '../../src/errors.js';
import {
  backoffDelay,
  failureHints,
  HttpStatusError,
  isTransient,
  parseRetryAfter,
  TimeoutError,
  withRetry,
} from '../../src/services/retry.js';

const fast = { baseDelayMs: 1, maxDelayMs: 4, random: () => 0 };
const never = () => new Promise<never>(() => undefined);

/** An operation that fails with each error in turn, then answers "ok"; it counts its calls. */
function failing(...errors: unknown[]) {
  const calls: number[] = [];
  const operation = async (_signal: AbortSignal, attempt: number) => {
    calls.push(attempt);
    const err = errors[calls.length - 1];
    if (err) throw err;
    return 'ok';
  };
  return { operation, calls };
}

describe('withRetry', () => {
  test('a transient failure is retried until it succeeds', async () => {
    const { operation, calls } = failing(new HttpStatusError(503, 'busy'), new HttpStatusError(429, 'slow down'));
    await expect(withRetry(operation, { ...fast, retries: 2 })).resolves.toBe('ok');
    expect(calls).toEqual([1, 2, 3]);
  });

  test('retries are bounded: the last error is thrown', async () => {
    const last = new HttpStatusError(500, 'third');
    const { operation, calls } = failing(new HttpStatusError(500, 'first'), new HttpStatusError(500, 'second'), last);
    await expect(withRetry(operation, { ...fast, retries: 2 })).rejects.toBe(last);
    expect(calls).toHaveLength(3);
  });

  test.each([
    ['a 400', new HttpStatusError(400, 'bad request')],
    ['a 401', new HttpStatusError(401, 'no key')],
    ['unusable output', new ModelError('openai', 'returned an empty rewrite')],
    ['a plain error', new Error('bug')],
  ])('%s is not retried', async (_name, err) => {
    const { operation, calls } = failing(err);
    await expect(withRetry(operation, { ...fast, retries: 3 })).rejects.toBe(err);
    expect(calls).toHaveLength(1);
  });

  test('Retry-After sets the wait when it is longer than the backoff', async () => {
    const delays: number[] = [];
    const { operation } = failing(new HttpStatusError(429, 'slow down', 60));
    const started = Date.now();
    await withRetry(operation, { ...fast, retries: 1, onRetry: ({ delayMs }) => delays.push(delayMs) });
    expect(delays).toEqual([60]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  test('a Retry-After beyond the limit ends the retries at once', async () => {
    const err = new HttpStatusError(429, 'come back in an hour', 3_600_000);
    const { operation, calls } = failing(err);
    await expect(withRetry(operation, { ...fast, retries: 3, maxRetryAfterMs: 1000 })).rejects.toBe(err);
    expect(calls).toHaveLength(1);
  });

  test('an attempt past its deadline throws a TimeoutError and aborts its signal, without a retry', async () => {
    let seen: AbortSignal | undefined;
    let calls = 0;
    const started = Date.now();
    const outcome = withRetry(
      (signal) => {
        calls++;
        seen = signal;
        return never();
      },
      { ...fast, timeoutMs: 50, retries: 2 },
    );
    await expect(outcome).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls).toBe(1);
    expect(seen?.aborted).toBe(true);
  });

  test('timeouts are retried when the policy says so', async () => {
    let calls = 0;
    const outcome = withRetry(
      () => {
        calls++;
        return never();
      },
      { ...fast, timeoutMs: 20, retries: 2, retryOnTimeout: true },
    );
    await expect(outcome).rejects.toBeInstanceOf(TimeoutError);
    expect(calls).toBe(3);
  });

  test("the caller's abort ends everything with its reason, mid-attempt or mid-wait", async () => {
    const midAttempt = new AbortController();
    setTimeout(() => midAttempt.abort(new Error('show cancelled')), 20);
    await expect(withRetry(never, { signal: midAttempt.signal, retries: 3 })).rejects.toThrow('show cancelled');

    const midWait = new AbortController();
    const { operation, calls } = failing(new HttpStatusError(503, 'busy'));
    const started = Date.now();
    const outcome = withRetry(operation, {
      signal: midWait.signal,
      retries: 3,
      baseDelayMs: 5_000,
      onRetry: () => midWait.abort(new Error('show cancelled')),
    });
    await expect(outcome).rejects.toThrow('show cancelled');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls).toHaveLength(1);
  });
});

describe('failure hints', () => {
  test.each([
    ['openai (status, headers)', { status: 429, headers: new Headers({ 'retry-after-ms': '250' }) }, 429, 250],
    [
      'replicate (response)',
      { response: new Response('', { status: 503, headers: { 'retry-after': '2' } }) },
      503,
      2000,
    ],
    ['huggingface (httpResponse) + recorded wait', { httpResponse: { status: 503 }, retryAfterMs: 700 }, 503, 700],
    ['wrapped in a cause', new ModelError('openai', 'x', { cause: { status: 502 } }), 502, undefined],
  ])('%s', (_name, err, status, retryAfterMs) => {
    expect(failureHints(err)).toEqual({ status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  });

  test.each([
    ['a dropped connection', Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }), true],
    ['a refused connection', { code: 'ECONNREFUSED' }, true],
    ['openai connection error', { name: 'APIConnectionError' }, true],
    ['a 404', { status: 404 }, false],
    ['a syntax error', new SyntaxError('Unexpected token <'), false],
  ])('%s is transient: %s', (_name, err, transient) => {
    expect(isTransient(err)).toBe(transient);
  });

  test('Retry-After: seconds, an HTTP date, nonsense', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  test('backoff doubles, is capped, and half of it is jitter', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, 0))).toEqual([50, 100, 200, 400, 500]);
    expect(backoffDelay(5, policy, 0.999)).toBeLessThanOrEqual(1000);
  });
});
