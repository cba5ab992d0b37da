import { afterAll, beforeAll, describe, test } from 'vitest';
import { useStores } from './helpers.js';
import { redisAvailable, roundTripAcrossReopen, startRedis, type TestServer } from './servers.js';

/**
 * The same repositories on a real Redis server (a store sharded bots share). `.ci/run` installs redis-server and
 * sets REQUIRE_REDIS=1, so there this suite cannot be skipped; elsewhere it runs when redis-server is on the PATH
 * and says so when it is not.
 */
const available = redisAvailable();
if (!available && process.env.REQUIRE_REDIS === '1')
  throw new Error('REQUIRE_REDIS=1 but redis-server is not installed');

describe.skipIf(!available)('the store on Redis', () => {
  let server: TestServer | undefined;
  const stores = useStores();

  beforeAll(async () => {
    server = await startRedis();
  });

  afterAll(async () => {
    await server?.stop();
  });

  test('performances, votes and settings round-trip, and survive reopening', async () => {
    await roundTripAcrossReopen(stores, server!.url);
  });
});
