import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { RedisFeed } from '../../src/wall/redis-feed.js';
import type { WallMessage } from '../../src/wall/state.js';
import { redisAvailable, startRedisServer } from '../services/store/redis-server.js';

/** The feed a sharded bot and `npm run wall` share, on a real Redis server (required in CI, as for the store). */
describe.skipIf(!redisAvailable)('the wall feed on Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  let url = '';

  beforeAll(async () => {
    redis = await startRedisServer();
    url = redis.url;
  });

  afterAll(() => {
    redis?.stop();
  });

  test('a wall process follows a shard’s acts in order, and one that starts late reads where the act stands', async () => {
    const shard = await RedisFeed.open(url, silentLogger());
    const wall = await RedisFeed.open(url, silentLogger());
    try {
      const seen: WallMessage[] = [];
      const got = new Promise<void>((resolve) =>
        wall.subscribe('g', (message) => {
          seen.push(message);
          if (seen.length === 3) resolve();
        }),
      );
      wall.subscribe('other', () => seen.push({} as WallMessage));
      await shard.publish('g', { type: 'act', performanceId: 'g-1', number: 1, brief: [], queue: [] });
      const frame = { stage: 'scanning' as const, title: 'Scanning', segments: [], notes: [] };
      await Promise.all([
        shard.publish('g', { type: 'frame', performanceId: 'g-1', index: 0, frame }),
        shard.publish('g', { type: 'frame', performanceId: 'g-1', index: 1, frame }),
      ]);
      await got;
      expect(seen.map((m) => [m.kind, m.state.seq, m.state.act?.frameIndex])).toEqual([
        ['act', 1, -1],
        ['frame', 2, 0],
        ['frame', 3, 1],
      ]);
      const late = await RedisFeed.open(url, silentLogger());
      expect((await late.current('g')).act?.frameIndex).toBe(1);
      expect((await late.current('nobody')).seq).toBe(0);
      await late.close();
    } finally {
      await shard.close();
      await wall.close();
    }
  });
});
