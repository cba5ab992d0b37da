import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { Logger } from '../../logger.js';
import { STORE_NAMESPACE } from './keys.js';
import { StoreError } from './store-error.js';
import { isStoreUnavailable } from './unavailable.js';

// Without a timeout a client retries an unreachable server forever and startup hangs.
const CONNECT_TIMEOUT_MS = 10_000;

/** Which backend a STORE_URL names, and where it points. */
export type StoreTarget =
  | { backend: 'memory' }
  | { backend: 'sqlite'; path: string }
  | { backend: 'redis'; url: string }
  | { backend: 'postgres'; url: string };

/**
 * Reads a STORE_URL: `memory:`, `sqlite://relative/path.sqlite` (against `cwd`), `sqlite:///absolute/path.sqlite`,
 * `redis://…`, `rediss://…`, `postgres://…` or `postgresql://…`. The error for an unknown scheme names only the scheme, since a URL may hold a password.
 */
export function parseStoreUrl(url: string, cwd: string = process.cwd()): StoreTarget {
  if (url === 'memory:' || url === 'memory://') return { backend: 'memory' };
  if (url.startsWith('sqlite://')) {
    const path = url.slice('sqlite://'.length);
    if (path === '')
      throw new StoreError('store: STORE_URL "sqlite://" needs a file path, e.g. sqlite://data/stage.sqlite');
    return { backend: 'sqlite', path: resolve(cwd, path) };
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return { backend: 'redis', url };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { backend: 'postgres', url };
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? '(none)';
  throw new StoreError(
    `store: unknown STORE_URL scheme ${JSON.stringify(scheme)}; use sqlite://path/to/file.sqlite, memory:, redis://host:port or postgres://user@host/db`,
  );
}

/**
 * Opens the Keyv instance for a target and proves it works with one read, so a bad path or an unreachable server
 * fails at startup with a clear message instead of at the first /brief. Errors from the adapter also reject the
 * call that hit them (`throwOnErrors`); the listener logs the ones no call sees, such as a Redis reconnect.
 */
export async function openKeyv(target: StoreTarget, log: Logger): Promise<Keyv> {
  const keyv = await create(target);
  // The Postgres adapter reports a failed connection only as an event; the open check then fails with a
  // vaguer error, so the event's message is the one worth showing.
  let firstError: unknown;
  keyv.on('error', (err: unknown) => {
    firstError ??= err;
    // An outage is logged once per call that waits it out (see whileUnavailable), not at every reconnect attempt.
    if (isStoreUnavailable(err)) log.debug({ err, backend: target.backend }, 'store adapter error');
    else log.warn({ err, backend: target.backend }, 'store adapter error');
  });
  try {
    // A key no record uses: the check must not depend on any stored record being readable.
    await keyv.get('open-check');
    if (target.backend === 'sqlite') {
      // Write-ahead logging: fewer fsyncs per commit, and readers never wait for a writer. synchronous=FULL
      // keeps every acknowledged brief on disk even through a power cut.
      const sqlite = keyv.store as KeyvSqlite;
      await sqlite.query('PRAGMA journal_mode=WAL');
      await sqlite.query('PRAGMA synchronous=FULL');
    }
  } catch (err) {
    // Without this a Redis client would keep reconnecting and hold the process open.
    await keyv
      .disconnect()
      .catch((closeErr: unknown) => log.debug({ err: closeErr }, 'store: disconnect after failed open'));
    const reason = target.backend === 'postgres' && firstError ? firstError : err;
    throw new StoreError(`store: cannot open ${describe(target)}: ${(reason as Error).message}`, {
      cause: reason,
      transient: true,
    });
  }
  log.info({ backend: target.backend, ...(target.backend === 'sqlite' ? { path: target.path } : {}) }, 'store opened');
  return keyv;
}

// Adapters are imported when their backend is chosen: the SQLite default never loads a Redis or Postgres client.
async function create(target: StoreTarget): Promise<Keyv> {
  switch (target.backend) {
    case 'memory':
      return new Keyv({ store: new Map(), namespace: STORE_NAMESPACE, throwOnErrors: true });
    case 'sqlite': {
      try {
        await mkdir(dirname(target.path), { recursive: true });
      } catch (err) {
        throw new StoreError(
          `store: cannot create the folder for SQLite file ${target.path}: ${(err as Error).message}`,
          { cause: err },
        );
      }
      // No busy timeout: SQLite would wait for another connection's lock inside a libuv worker thread, and a few
      // statements waiting at once take all four, stalling file and DNS work (a REST call's lookup) with them. A
      // locked file fails at once instead, and the store's own retry waits in JavaScript (see whileUnavailable).
      const { default: KeyvSqlite } = await import('@keyv/sqlite');
      const store = new KeyvSqlite({ uri: `sqlite://${target.path}` });
      oneStatementAtATime(store);
      return new Keyv({ store, namespace: STORE_NAMESPACE, throwOnErrors: true });
    }
    case 'redis': {
      const { createKeyv, defaultReconnectStrategy } = await import('@keyv/redis');
      // While the server is away the client reconnects, and a command fails at once instead of waiting in an
      // unbounded offline queue: the store's own retry (STORE_RETRY_MS) is the one bound on how long a call waits.
      const client = {
        url: target.url,
        disableOfflineQueue: true,
        socket: { reconnectStrategy: defaultReconnectStrategy, connectTimeout: CONNECT_TIMEOUT_MS },
      };
      return createKeyv(client, {
        namespace: STORE_NAMESPACE,
        throwOnErrors: true,
        throwOnConnectError: true,
        connectionTimeout: CONNECT_TIMEOUT_MS,
      });
    }
    case 'postgres': {
      const { default: KeyvPostgres } = await import('@keyv/postgres');
      // One table, `keyv`, in the database the URL names; keys carry the namespace as with every backend.
      const store = new KeyvPostgres({ uri: target.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      return new Keyv({ store, namespace: STORE_NAMESPACE, throwOnErrors: true });
    }
  }
}

/**
 * Runs the connection's statements one after another. Statements overlapping on one SQLite connection share one
 * implicit transaction, committed when the last of them ends: a write already reported done was then rolled back
 * with it when a later statement met a lock (SQLITE_BUSY) — seen as a vote shown on the finale and missing from
 * the store. One at a time, each write commits or fails on its own, and a failed one is simply tried again.
 */
function oneStatementAtATime(store: KeyvSqlite): void {
  const run = store.query.bind(store);
  let tail: Promise<unknown> = Promise.resolve();
  store.query = (sql: string, ...params: unknown[]) => {
    const next = tail.then(() => run(sql, ...params));
    tail = next.catch(() => undefined);
    return next;
  };
}

function describe(target: StoreTarget): string {
  switch (target.backend) {
    case 'memory':
      return 'the in-memory store';
    case 'sqlite':
      return `SQLite file ${target.path}`;
    case 'redis':
      return 'the Redis server in STORE_URL';
    case 'postgres':
      return 'the PostgreSQL database in STORE_URL';
  }
}
