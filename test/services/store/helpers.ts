import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { afterEach } from 'vitest';
import { createLogger, type Logger } from '../../../src/logger.js';
import { type NewPerformance, openStore, STORE_NAMESPACE, type Store } from '../../../src/services/store/index.js';

/** A logger that keeps every line it writes, parsed, so tests can assert on warnings. */
export function capturingLogger(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger('debug', destination), lines };
}

/** A clock that moves one second forward on every reading, so createdAt/updatedAt are distinct and ordered. */
export function tickingClock(start = '2025-03-01T12:00:00.000Z'): () => Date {
  let ms = Date.parse(start);
  return () => {
    ms += 1000;
    return new Date(ms);
  };
}

/**
 * A fresh temporary folder per test, removed afterwards, and stores opened in it that are closed afterwards.
 * Call once at the top of a describe block.
 */
export function useStores() {
  const dirs: string[] = [];
  const open: Store[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return {
    async tempDir(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'compliance-theatre-store-'));
      dirs.push(dir);
      return dir;
    },
    async open(url: string, log: Logger = capturingLogger().log, now = tickingClock()): Promise<Store> {
      const store = await openStore(url, log, { now });
      open.push(store);
      return store;
    },
    /** Closes a store opened with `open` early (to reopen its file). */
    async close(store: Store): Promise<void> {
      open.splice(open.indexOf(store), 1);
      await store.close();
    },
  };
}

/** The URL of a SQLite file inside `dir`. */
export const sqliteUrl = (dir: string) => `sqlite://${join(dir, 'stage.sqlite')}`;

/** A plain Keyv on the same file and namespace as the store, as another program (or an old version) would see it. */
export function plainKeyv(dir: string): Keyv {
  return new Keyv({
    store: new KeyvSqlite({ uri: sqliteUrl(dir), busyTimeout: 5_000 }),
    namespace: STORE_NAMESPACE,
    throwOnErrors: true,
  });
}

export const GUILD_A = '100000000000000001';
export const GUILD_B = '200000000000000002';

export function newPerformance(overrides: Partial<NewPerformance> = {}): NewPerformance {
  return {
    guildId: GUILD_A,
    authorId: '300000000000000003',
    channelId: '400000000000000004',
    brief: 'a knight with a bloody sword',
    style: 'corporate memphis illustration',
    status: 'queued',
    censorEngine: 'lexicon',
    imageEngine: 'poster',
    ...overrides,
  };
}
