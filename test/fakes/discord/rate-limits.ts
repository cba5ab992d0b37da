import { createHash } from 'node:crypto';

/** `count` requests per `windowMs`, counted in fixed windows that start at the first request (as Discord does). */
export interface LimitConfig {
  count: number;
  windowMs: number;
}

/** The state of one bucket after a request, enough to write Discord's rate-limit headers. */
export interface BucketState {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: number;
  bucket: string;
}

interface Window {
  used: number;
  resetAt: number;
}

/** Fixed-window buckets keyed by route (or by channel for message writes). */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  /** Counts one request against `key`; a refused request does not use up the window. */
  hit(key: string, bucketName: string, config: LimitConfig, now = Date.now()): BucketState {
    const window = this.window(key, config, now);
    const allowed = window.used < config.count;
    if (allowed) window.used++;
    return this.state(window, allowed, bucketName, config);
  }

  /** The bucket's state without counting a request. */
  peek(key: string, bucketName: string, config: LimitConfig, now = Date.now()): BucketState {
    const window = this.window(key, config, now);
    return this.state(window, window.used < config.count, bucketName, config);
  }

  private window(key: string, config: LimitConfig, now: number): Window {
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      window = { used: 0, resetAt: now + config.windowMs };
      this.windows.set(key, window);
    }
    return window;
  }

  private state(window: Window, allowed: boolean, bucketName: string, config: LimitConfig): BucketState {
    return {
      allowed,
      limit: config.count,
      remaining: config.count - window.used,
      resetAt: window.resetAt,
      bucket: bucketHash(bucketName),
    };
  }
}

/** Discord's opaque bucket ids look like 32 hex digits. */
const bucketHash = (name: string): string => createHash('sha1').update(name).digest('hex').slice(0, 32);

const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

/** The `x-ratelimit-*` headers Discord puts on every response. */
export function rateLimitHeaders(state: BucketState, now = Date.now()): Record<string, string> {
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(Math.max(0, state.remaining)),
    'x-ratelimit-reset': seconds(state.resetAt),
    'x-ratelimit-reset-after': seconds(state.resetAt - now),
    'x-ratelimit-bucket': state.bucket,
  };
}

/** A 429 as Discord sends it: JSON `retry_after` in seconds, `retry-after` header (whole seconds, rounded up). */
export function tooManyRequests(retryAfterMs: number, scope: 'user' | 'shared' | 'global' = 'user') {
  const retryAfter = Math.max(0.001, retryAfterMs / 1000);
  const headers: Record<string, string> = { 'retry-after': String(Math.ceil(retryAfter)), 'x-ratelimit-scope': scope };
  if (scope === 'global') headers['x-ratelimit-global'] = 'true';
  return {
    status: 429,
    headers,
    body: {
      message: 'You are being rate limited.',
      retry_after: Number(retryAfter.toFixed(3)),
      global: scope === 'global',
    },
  };
}

/** A failure to inject into the next matching request(s). */
export interface FaultSpec {
  /** Only requests with this HTTP method (any when absent). */
  method?: string;
  /** Only requests whose path (after `/api/v10`, decoded, e.g. `/channels/1/messages/2`) matches; a string must equal it. */
  path?: RegExp | string;
  status: 429 | 500 | 502 | 503;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** For 429: seconds to ask the client to wait (default 0.25). */
  retryAfter?: number;
  /** For 429: a global rate limit instead of a per-route one. */
  global?: boolean;
}

/** Faults queued with failNext; each matching request takes one. */
export class FaultInjector {
  private readonly queue: (FaultSpec & { left: number })[] = [];

  add(spec: FaultSpec): void {
    this.queue.push({ ...spec, left: spec.times ?? 1 });
  }

  /** Faults not yet used up. */
  get pending(): number {
    return this.queue.reduce((sum, fault) => sum + fault.left, 0);
  }

  take(method: string, path: string): FaultSpec | undefined {
    const fault = this.queue.find(
      (candidate) =>
        (!candidate.method || candidate.method.toUpperCase() === method) &&
        (candidate.path === undefined ||
          (typeof candidate.path === 'string' ? candidate.path === path : candidate.path.test(path))),
    );
    if (!fault) return undefined;
    fault.left--;
    if (fault.left <= 0) this.queue.splice(this.queue.indexOf(fault), 1);
    return fault;
  }
}

/** The response an injected fault produces; Discord's own answers carry the route's rate-limit headers. */
export function faultResponse(
  fault: FaultSpec,
  bucket: BucketState,
): { status: number; headers: Record<string, string>; body: unknown } {
  if (fault.status === 429) {
    const retryAfterMs = (fault.retryAfter ?? 0.25) * 1000;
    const limited = tooManyRequests(retryAfterMs, fault.global ? 'global' : 'user');
    const exhausted = { ...bucket, remaining: 0, resetAt: Date.now() + retryAfterMs };
    return { ...limited, headers: { ...(fault.global ? {} : rateLimitHeaders(exhausted)), ...limited.headers } };
  }
  if (fault.status === 500) {
    return { status: 500, headers: rateLimitHeaders(bucket), body: { message: '500: Internal Server Error', code: 0 } };
  }
  // Cloudflare answers 502/503 in front of Discord with HTML, not JSON.
  const text = fault.status === 502 ? '502 Bad Gateway' : '503 Service Unavailable';
  return { status: fault.status, headers: { 'content-type': 'text/html' }, body: `<html><body>${text}</body></html>` };
}
