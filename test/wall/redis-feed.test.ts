import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { RedisFeed } from '../../src/wall/redis-feed.js';
import type { WallMessage } from '../../src/wall/state.js';

/** The feed a sharded bot and `npm run wall` share, on a real Redis server (required in CI, as for the store). */
const available = spawnSync('redis-server', ['--version']).status === 0;
if (!available && process.env.REQUIRE_REDIS === '1')
  throw new Error('REQUIRE_REDIS=1 but redis-server is not installed');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(!available)('the wall feed on Redis', () => {
  let redis: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
      redis?.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      redis?.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
  });

  afterAll(() => {
    redis?.kill('SIGTERM');
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
