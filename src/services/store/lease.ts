import { hostname } from 'node:os';
import type KeyvPostgres from '@keyv/postgres';
import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';
import type Keyv from 'keyv';
import type { Logger } from '../../logger.js';
import { StoreError } from './store-error.js';

/** Who holds a lease, and until when (epoch milliseconds). */
export interface LeaseHolder {
  owner: string;
  expiresAt: number;
}

/**
 * The atomic part of a lease, per backend: take it when it is free, expired or already ours, and say who holds it
 * afterwards. One statement (SQLite, Postgres) or one command (Redis) each, so two processes can never both win.
 */
export interface LeaseBackend {
  claim(name: string, owner: string, ttlMs: number, now: number): Promise<LeaseHolder | undefined>;
  release(name: string, owner: string): Promise<void>;
}

/** The lock table, in SQLite and PostgreSQL alike. */
const SQLITE_TABLE = 'compliance_theatre_leases';

/** SQLite: a lock row with an expiry, taken by one upsert that only overwrites an expired or own row. */
export function sqliteLeases(store: KeyvSqlite): LeaseBackend {
  const ready = store.query(
    `CREATE TABLE IF NOT EXISTS ${SQLITE_TABLE} (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL)`,
  );
  return {
    async claim(name, owner, ttlMs, now) {
      await ready;
      await store.query(
        `INSERT INTO ${SQLITE_TABLE} (name, owner, expires_at) VALUES (?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE ${SQLITE_TABLE}.expires_at < ? OR ${SQLITE_TABLE}.owner = excluded.owner`,
        name,
        owner,
        now + ttlMs,
        now,
      );
      const rows = (await store.query(`SELECT owner, expires_at FROM ${SQLITE_TABLE} WHERE name = ?`, name)) as Array<{
        owner: string;
        expires_at: number;
      }>;
      const row = rows[0];
      return row ? { owner: row.owner, expiresAt: Number(row.expires_at) } : undefined;
    },
    async release(name, owner) {
      await ready;
      await store.query(`DELETE FROM ${SQLITE_TABLE} WHERE name = ? AND owner = ?`, name, owner);
    },
  };
}

/**
 * PostgreSQL: the same lock row as SQLite, taken by one INSERT … ON CONFLICT … WHERE (expired or ours) …
 * RETURNING; no row back means another owner holds it, read only to name them in the refusal.
 */
export function postgresLeases(store: KeyvPostgres): LeaseBackend {
  const ready = store.query(
    `CREATE TABLE IF NOT EXISTS ${SQLITE_TABLE} (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at BIGINT NOT NULL)`,
  );
  type Row = { owner: string; expires_at: string | number };
  const holder = (row: Row | undefined) => (row ? { owner: row.owner, expiresAt: Number(row.expires_at) } : undefined);
  return {
    async claim(name, owner, ttlMs, now) {
      await ready;
      const taken = (await store.query(
        `INSERT INTO ${SQLITE_TABLE} (name, owner, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
         WHERE ${SQLITE_TABLE}.expires_at < $4 OR ${SQLITE_TABLE}.owner = EXCLUDED.owner
         RETURNING owner, expires_at`,
        [name, owner, now + ttlMs, now],
      )) as Row[];
      if (taken[0]) return holder(taken[0]);
      const rows = (await store.query(`SELECT owner, expires_at FROM ${SQLITE_TABLE} WHERE name = $1`, [
        name,
      ])) as Row[];
      return holder(rows[0]);
    },
    async release(name, owner) {
      await ready;
      await store.query(`DELETE FROM ${SQLITE_TABLE} WHERE name = $1 AND owner = $2`, [name, owner]);
    },
  };
}

// Takes the key when absent or ours, in one step; answers the holder and the milliseconds it has left.
const REDIS_CLAIM = `
local holder = redis.call('GET', KEYS[1])
if (not holder) or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return {ARGV[1], tonumber(ARGV[2])}
end
return {holder, redis.call('PTTL', KEYS[1])}`;
const REDIS_RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Redis: a key with a TTL, claimed and released by scripts that only touch an absent or own key. */
export function redisLeases(store: KeyvRedis<unknown>): LeaseBackend {
  const key = (name: string) => `compliance-theatre:lease:${name}`;
  return {
    async claim(name, owner, ttlMs, now) {
      const [holder, left] = (await store.client.eval(REDIS_CLAIM, {
        keys: [key(name)],
        arguments: [owner, String(ttlMs)],
      })) as [string, number];
      return { owner: holder, expiresAt: now + Math.max(0, Number(left)) };
    },
    async release(name, owner) {
      await store.client.eval(REDIS_RELEASE, { keys: [key(name)], arguments: [owner] });
    },
  };
}

/** One process's memory: nothing else can share it, but the same rules hold for the tests. */
export function memoryLeases(): LeaseBackend {
  const held = new Map<string, LeaseHolder>();
  return {
    async claim(name, owner, ttlMs, now) {
      const current = held.get(name);
      if (!current || current.expiresAt < now || current.owner === owner) {
        held.set(name, { owner, expiresAt: now + ttlMs });
      }
      return held.get(name);
    },
    async release(name, owner) {
      if (held.get(name)?.owner === owner) held.delete(name);
    },
  };
}

/** The lease backend of an opened Keyv, by what its store is. */
export function leasesFor(keyv: Keyv, backend: 'memory' | 'sqlite' | 'redis' | 'postgres'): LeaseBackend {
  if (backend === 'sqlite') return sqliteLeases(keyv.store as KeyvSqlite);
  if (backend === 'postgres') return postgresLeases(keyv.store as KeyvPostgres);
  if (backend === 'redis') return redisLeases(keyv.store as KeyvRedis<unknown>);
  return memoryLeases();
}

/** This process, as a lease owner: readable in the refusal another process prints. */
export function leaseOwnerName(): string {
  return `pid ${process.pid} on ${hostname()} (${Math.random().toString(36).slice(2, 8)})`;
}

export interface LeaseOptions {
  /** What the lease guards: the store, or one shard's share of it. */
  name: string;
  owner: string;
  /** How long a lease lasts unless renewed; a killed process frees it after this. */
  ttlMs?: number;
  /** How long start-up waits for a held lease to be freed (a killed process's lease running out). */
  waitMs?: number;
  log: Logger;
  /** Called once if a renewal finds the lease taken: this process no longer owns the store. */
  onLost?: () => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A held lease, renewed in the background until released. */
export interface Lease {
  readonly owner: string;
  release(): Promise<void>;
}

const DEFAULT_TTL_MS = 15_000;

/**
 * Takes the store's lease, waiting up to `waitMs` for a holder's lease to run out; refuses with one clear line
 * otherwise. Renews at a third of the TTL, so a live owner never loses it to a slow tick.
 */
export async function acquireLease(backend: LeaseBackend, options: LeaseOptions): Promise<Lease> {
  const { name, owner, log } = options;
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + (options.waitMs ?? ttlMs + 2_000);
  let holder = await backend.claim(name, owner, ttlMs, now());
  let announced = false;
  while (holder?.owner !== owner) {
    if (now() >= deadline) {
      throw new StoreError(
        `store: another compliance-theatre process (${holder?.owner ?? 'unknown'}) owns this store (${name}); stop it first — two bots on one store would perform every act twice`,
      );
    }
    if (!announced)
      log.info({ lease: name, holder: holder?.owner }, 'store is owned by another process; waiting for its lease');
    announced = true;
    await sleep(Math.min(1_000, Math.max(50, (holder?.expiresAt ?? now()) - now() + 50)));
    holder = await backend.claim(name, owner, ttlMs, now());
  }
  let released = false;
  // A renewal still on its way when the lease is released would claim it again after the release: waited for.
  let renewing: Promise<void> = Promise.resolve();
  const renew = setInterval(
    () => {
      renewing = backend.claim(name, owner, ttlMs, now()).then(
        (current) => {
          if (released || current?.owner === owner) return;
          released = true;
          clearInterval(renew);
          log.error({ lease: name, holder: current?.owner }, 'store lease lost to another process');
          options.onLost?.();
        },
        (err: unknown) => log.warn({ err, lease: name }, 'store lease renewal failed; retrying'),
      );
    },
    Math.max(100, Math.floor(ttlMs / 3)),
  );
  renew.unref();
  log.info({ lease: name }, 'store lease taken');
  return {
    owner,
    async release() {
      if (released) return;
      released = true;
      clearInterval(renew);
      await renewing;
      await backend.release(name, owner);
    },
  };
}
