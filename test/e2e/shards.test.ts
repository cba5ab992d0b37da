import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { openStore, type Store } from '../../src/services/store/index.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { redisAvailable, startRedisServer } from '../services/store/redis-server.js';

/**
 * `SHARDS=2 npm start` as a deployment runs it: the ShardingManager forks two bot processes, each identifies as
 * its shard, and Discord (the fake) routes each guild's interactions to its own shard. Both share one Redis store.
 */

/** (id >> 22) % 2 is 0 for the first guild and 1 for the second. */
const GUILDS = [
  { id: '100000000000000001', stage: '100000000000000010', name: 'Gallery zero' },
  { id: '100000000004194305', stage: '100000000004194310', name: 'Gallery one' },
];
const AUTHOR = { id: '300000000000000001', username: 'artist' };

/** The shard processes the manager forked (tsx also runs an esbuild service beside them). */
function shardProcesses(pid: number): number[] {
  // ps exits 1 when a process has no children.
  const out = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .filter((line) => line.includes('src/index.ts'))
    .map((line) => Number.parseInt(line, 10));
}

describe.skipIf(!redisAvailable)('two shards on a shared Redis store', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  let fake: FakeDiscord | undefined;
  let store: Store | undefined;
  let manager: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    redis = await startRedisServer();
    fake = await new FakeDiscord({
      shards: 2,
      guilds: GUILDS.map((g) => ({ id: g.id, name: g.name, channels: [{ id: g.stage, name: 'stage' }] })),
      editLimit: { count: 100, windowMs: 1000 },
      createLimit: { count: 100, windowMs: 1000 },
    }).start();
    // Pace 0 plays the frames without waiting: this test is about where the acts run, not how long they take.
    store = await openStore(redis.url, silentLogger());
    for (const guild of GUILDS) await store.guilds.update(guild.id, { pace: 0 });
  });

  afterAll(async () => {
    if (manager?.exitCode === null) manager.kill('SIGKILL');
    await store?.close();
    await fake?.stop();
    redis?.stop();
  });

  test('each guild is performed by its own shard process', async () => {
    const server = fake!;
    manager = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: 'fake-bot-token',
        DISCORD_APPLICATION_ID: server.applicationId,
        DISCORD_API_URL: server.apiUrl,
        STORE_URL: redis!.url,
        SHARDS: 'auto',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    manager.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    manager.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const lines = () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg: string; shard?: string; guilds?: number });
    // discord.js waits 5.5 s between the two IDENTIFYs, as Discord's rate limit asks.
    // Each process writes its own lines, so the manager's may arrive before a shard's.
    const ready = () =>
      lines().some((l) => l.msg === 'all shards on stage') && lines().filter((l) => l.msg === 'on stage').length === 2;
    await server.waitFor(ready, {
      timeoutMs: 60_000,
      intervalMs: 100,
      description: `both shards ready; output so far:\n${output}`,
    });
    const onStage = lines().filter((l) => l.msg === 'on stage');
    expect(onStage.map((l) => [l.shard, l.guilds]).sort()).toEqual([
      ['0', 1],
      ['1', 1],
    ]);
    const shardPids = shardProcesses(manager.pid!);
    expect(shardPids).toHaveLength(2);
    expect(server.gateway.shardSessions.size).toBe(2);

    for (const guild of GUILDS) {
      const brief = await server.slashCommand({
        guildId: guild.id,
        channelId: guild.stage,
        user: AUTHOR,
        name: 'brief',
        options: [{ name: 'text', type: 3, value: `a knight with a bloody sword in ${guild.name}` }],
      });
      await brief.response();
    }
    for (const guild of GUILDS) {
      const thread = await server.waitFor(() => server.threads(guild.stage)[0], {
        timeoutMs: 20_000,
        description: `the thread in ${guild.name}`,
      });
      const finale = await server.waitFor(
        () => server.messagesIn(thread.id).find((m) => JSON.stringify(m.components).includes('vote:')),
        { timeoutMs: 30_000, description: `the finale in ${guild.name}` },
      );
      expect(finale.embeds[0]?.fields?.[0]?.value).toContain(guild.name);
      expect(finale.attachments[0]?.bytes.subarray(1, 4).toString()).toBe('PNG');
      // The done record is written just after the finale is posted.
      const performance = await server.waitFor(
        async () => (await store!.performances.listByGuild(guild.id)).find((p) => p.status === 'done'),
        { timeoutMs: 10_000, description: `the done record in ${guild.name}` },
      );
      expect(performance?.number).toBe(1);
    }
    server.assertAllRequestsValid();

    const exited = new Promise<number | null>((resolve) => manager!.once('exit', resolve));
    manager.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines().filter((l) => l.msg === 'closing the curtain')).toHaveLength(2);
    for (const pid of shardPids) expect(() => process.kill(pid, 0)).toThrow();
  }, 120_000);
});
