import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { capturingLogger, useStores } from './helpers.js';
import { postgresBin, roundTripAcrossReopen, startPostgres, type TestServer } from './servers.js';

/**
 * The same repositories on a real PostgreSQL server, started by the test on a temporary folder and a loopback
 * port. `.ci/run` installs postgresql and sets REQUIRE_POSTGRES=1, so there this suite cannot be skipped.
 */
const bin = postgresBin();
if (!bin && process.env.REQUIRE_POSTGRES === '1')
  throw new Error('REQUIRE_POSTGRES=1 but no PostgreSQL server programs were found (set PG_BIN)');

describe.skipIf(!bin)('the store on PostgreSQL', () => {
  let server: TestServer | undefined;
  const stores = useStores();

  beforeAll(async () => {
    server = await startPostgres(bin!);
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
  }, 30_000);

  test('performances, votes and settings round-trip, and survive reopening', async () => {
    await roundTripAcrossReopen(stores, server!.url);
  });
});

describe('a PostgreSQL store that cannot be reached', () => {
  const stores = useStores();

  test('fails to open with one line naming the backend and the reason, never the password', async () => {
    const { log } = capturingLogger();
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const opening = stores.open('postgres://theatre:s3cret-pw@127.0.0.1:1/stage', log);
    await expect(opening).rejects.toThrow(/^store: cannot open the PostgreSQL database in STORE_URL: .*ECONNREFUSED/);
    await expect(opening).rejects.not.toThrow(/s3cret-pw/);
  });
});
