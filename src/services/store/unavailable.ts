import type { Logger } from '../../logger.js';
import { StoreError } from './store-error.js';

/**
 * A store that cannot answer for a while — a Redis server restarting, a SQLite file locked by another program, a
 * PostgreSQL connection dropped — is waited for, not treated as a broken record: every store call tries again with
 * backoff for a bounded time, and only then fails with a transient StoreError.
 */

const SQLITE_BUSY = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
// node-redis: offline (reconnecting, its offline queue switched off), a socket that dropped under a command.
const REDIS_DOWN = new Set([
  'ClientOfflineError',
  'SocketClosedUnexpectedlyError',
  'ConnectionTimeoutError',
  'SocketTimeoutError',
  'ReconnectStrategyError',
]);
// PostgreSQL: connection exceptions (class 08), the server shutting down or starting up (57P01-57P03).
const POSTGRES_DOWN = /^(?:08\d{3}|57P0[123])$/;
const MESSAGES = /Connection terminated|Redis client is not connected|timeout exceeded when trying to connect/i;

/** Whether an error (or one of its causes) says the store could not be reached or was locked, for now. */
export function isStoreUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof StoreError) {
      if (e.transient) return true;
      continue;
    }
    const { code, message } = e as { code?: unknown; message?: unknown };
    const kind = (e as { constructor?: { name?: string } }).constructor?.name;
    if (typeof code === 'string' && (SQLITE_BUSY.has(code) || NETWORK.has(code) || POSTGRES_DOWN.test(code)))
      return true;
    // node-redis's error classes keep the name `Error`: their class is what tells them apart.
    if (kind && REDIS_DOWN.has(kind)) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
  }
  return false;
}

export interface WaitForStoreOptions {
  /** How long to keep trying; 0 tries once. */
  forMs: number;
  log: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 2_000;

/**
 * Runs a store call, again while it fails because the store is unavailable, for `forMs` at most (logged once per
 * call). Any other failure is thrown at once; so is the last one, as a transient StoreError naming the wait.
 */
export async function whileUnavailable<T>(call: () => Promise<T>, options: WaitForStoreOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = now();
  let delay = FIRST_DELAY_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!isStoreUnavailable(err)) throw err;
      const waited = now() - started;
      if (waited + delay > options.forMs) {
        if (err instanceof StoreError) throw err;
        throw new StoreError(`store: unavailable for ${waited} ms: ${(err as Error)?.message ?? String(err)}`, {
          cause: err,
          transient: true,
        });
      }
      if (attempt === 1) options.log.warn({ err }, 'store unavailable; waiting for it');
      await sleep(delay);
      delay = Math.min(MAX_DELAY_MS, delay * 2);
    }
  }
}
