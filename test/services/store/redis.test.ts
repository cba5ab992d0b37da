import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GUILD_A, GUILD_B, newPerformance, useStores } from './helpers.js';

/**
 * The same repositories on a real Redis server (the store a sharded deployment uses). `.ci/run` installs
 * redis-server and sets REQUIRE_REDIS=1, so there this suite cannot be skipped; elsewhere it runs when
 * redis-server is on the PATH and says so when it is not.
 */
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

describe.skipIf(!available)('the store on Redis', () => {
  let redis: ChildProcess | undefined;
  let url = '';
  const stores = useStores();

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
