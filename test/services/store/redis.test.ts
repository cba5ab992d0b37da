import { afterAll, beforeAll, describe, test } from 'vitest';
import { useStores } from './helpers.js';
import { redisAvailable, startRedisServer } from './redis-server.js';
import { roundTripAcrossReopen } from './servers.js';

/** The same repositories on a real Redis server (a store sharded bots share). */
describe.skipIf(!redisAvailable)('the store on Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  const stores = useStores();

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterAll(() => {
    redis?.stop();
  });

  test('performances, votes and settings round-trip, and survive reopening', async () => {
    await roundTripAcrossReopen(stores, redis!.url);
  });
});
