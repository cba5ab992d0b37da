import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GUILD_A, GUILD_B, newPerformance, useStores } from './helpers.js';
import { redisAvailable, startRedisServer } from './redis-server.js';

/** The same repositories on a real Redis server (the store a sharded deployment uses). */
describe.skipIf(!redisAvailable)('the store on Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  let url = '';
  const stores = useStores();

  beforeAll(async () => {
    redis = await startRedisServer();
    url = redis.url;
  });

  afterAll(() => {
    redis?.stop();
  });

  test('performances, votes and settings round-trip, and survive reopening', async () => {
    const store = await stores.open(url);
    const created = await Promise.all(Array.from({ length: 10 }, () => store.performances.create(newPerformance())));
    expect(created.map((p) => p.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await store.performances.create(newPerformance({ guildId: GUILD_B }));
    await store.performances.update(created[0]!.id, { status: 'done', prompt: 'a knight, flat vectors' });
    const tallies = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        store.votes.cast(created[0]!.id, `5000000000000000${i + 10}`, i % 3 ? 'original' : 'censored'),
      ),
    );
    expect(tallies.at(-1)).toBeDefined();
    await store.guilds.update(GUILD_A, { pace: 0.5, reviewMode: true });
    await stores.close(store);

    const reopened = await stores.open(url);
    expect((await reopened.performances.get(created[0]!.id))?.prompt).toBe('a knight, flat vectors');
    expect(await reopened.votes.tally(created[0]!.id)).toEqual({ original: 20, censored: 10 });
    expect(await reopened.guilds.get(GUILD_A)).toMatchObject({ pace: 0.5, reviewMode: true, cooldownSeconds: 30 });
    const unfinished = await reopened.performances.listUnfinished();
    expect(unfinished).toHaveLength(10);
    expect(new Set(unfinished.map((p) => p.guildId))).toEqual(new Set([GUILD_A, GUILD_B]));
    expect((await reopened.performances.create(newPerformance())).number).toBe(11);
  });
});
