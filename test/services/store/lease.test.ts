import { join } from 'node:path';
import type Keyv from 'keyv';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { openKeyv, type StoreTarget } from '../../../src/services/store/backend.js';
import { acquireLease, type LeaseBackend, leasesFor, memoryLeases } from '../../../src/services/store/lease.js';
import { StoreError } from '../../../src/services/store/store-error.js';
import { useStores } from './helpers.js';
import { redisAvailable, startRedisServer } from './redis-server.js';
import { postgresBin, startPostgres, type TestServer } from './servers.js';

const log = silentLogger();
const fast = { ttlMs: 300, waitMs: 0, log };

/**
 * Each connection stands for one process: SQLite and Redis connections share nothing but the store, as two bots
 * on one store would.
 */
type Connect = () => Promise<LeaseBackend>;

let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
const pgBin = postgresBin();
let postgres: TestServer | undefined;
beforeAll(async () => {
  if (redisAvailable) redis = await startRedisServer();
  if (pgBin) postgres = await startPostgres(pgBin);
}, 60_000);
afterAll(async () => {
  await redis?.stop();
  await postgres?.stop();
});

const stores = useStores();
const opened: Keyv[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((keyv) => keyv.disconnect()));
});

async function connector(backend: 'sqlite' | 'redis' | 'postgres'): Promise<Connect> {
  const target: StoreTarget =
    backend === 'sqlite'
      ? { backend, path: join(await stores.tempDir(), 'stage.sqlite') }
      : backend === 'redis'
        ? { backend, url: redis?.url ?? '' }
        : { backend, url: postgres?.url ?? '' };
  // @keyv/postgres pools connections per URL (one pool, ended once): its "processes" share the pool, each claim
  // still one statement of its own.
  let shared: Promise<Keyv> | undefined;
  return async () => {
    const open = async () => {
      const keyv = await openKeyv(target, log);
      opened.push(keyv);
      return keyv;
    };
    if (backend !== 'postgres') return leasesFor(await open(), backend);
    shared ??= open();
    return leasesFor(await shared, backend);
  };
}

const backends = [
  ['sqlite', true],
  ['redis', redisAvailable],
  ['postgres', pgBin !== undefined],
] as const;

describe.each(backends)('the store lease on %s', (backend, available) => {
  test.skipIf(!available)('a second owner is refused with one line naming the first', async () => {
    const connect = await connector(backend);
    const first = await acquireLease(await connect(), { ...fast, name: 'store', owner: 'pid 1 on stage-a' });
    const second = acquireLease(await connect(), { ...fast, name: 'store', owner: 'pid 2 on stage-b' });
    await expect(second).rejects.toThrow(StoreError);
    await expect(second).rejects.toThrow(
      'store: another compliance-theatre process (pid 1 on stage-a) owns this store (store); stop it first',
    );
    await first.release();
  });

  test.skipIf(!available)('of 12 processes starting at once, exactly one owns the store', async () => {
    const connect = await connector(backend);
    const connections = await Promise.all(Array.from({ length: 12 }, () => connect()));
    const results = await Promise.allSettled(
      connections.map((c, i) => acquireLease(c, { ...fast, name: 'store', owner: `owner ${i}` })),
    );
    const winners = results.filter((r) => r.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    await (winners[0] as PromiseFulfilledResult<{ release(): Promise<void> }>).value.release();
  });

  test.skipIf(!available)('a killed owner’s lease runs out, and the next start waits for it', async () => {
    const connect = await connector(backend);
    // A process killed with -9 leaves its last claim behind and never renews it.
    await (await connect()).claim('store', 'pid 1 (killed)', 400, Date.now());
    const started = Date.now();
    const next = await acquireLease(await connect(), { ...fast, waitMs: 3_000, name: 'store', owner: 'pid 2' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(next.owner).toBe('pid 2');
    await next.release();
  });

  test.skipIf(!available)('a live owner renews its lease; released, it is free at once', async () => {
    const connect = await connector(backend);
    // Renewed every 200 ms, a 600 ms lease outlives three of its TTLs; a loaded machine has slack.
    const owner = await acquireLease(await connect(), { ...fast, ttlMs: 600, name: 'shard 0/2', owner: 'pid 1' });
    await new Promise((resolve) => setTimeout(resolve, 1_800));
    await expect(acquireLease(await connect(), { ...fast, name: 'shard 0/2', owner: 'pid 2' })).rejects.toThrow(
      /pid 1/,
    );
    // Another shard's lease is another lease.
    const otherShard = await acquireLease(await connect(), { ...fast, name: 'shard 1/2', owner: 'pid 2' });
    await owner.release();
    const taken = await acquireLease(await connect(), { ...fast, name: 'shard 0/2', owner: 'pid 3' });
    expect(taken.owner).toBe('pid 3');
    await Promise.all([taken.release(), otherShard.release()]);
  });
});

describe('the lease rules', () => {
  test('an owner that finds its lease taken is told once, and stops renewing', async () => {
    const leases = memoryLeases();
    let lost = 0;
    const lease = await acquireLease(leases, { ...fast, ttlMs: 150, name: 'store', owner: 'a', onLost: () => lost++ });
    // Another process took it over after an outage longer than the TTL.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await leases.claim('store', 'b', 60_000, Date.now() + 1_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lost).toBe(1);
    await lease.release();
    expect(await leases.claim('store', 'c', 1_000, Date.now())).toMatchObject({ owner: 'b' });
  });
});
