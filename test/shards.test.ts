import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, test } from 'vitest';
import { ConfigError, loadBotConfig, REPO_ROOT } from '../src/config.js';
import { checkShardableStore, ownsGuildInShard, shardCount, shardOfGuild, shardProcessEnv } from '../src/shards.js';
import { FakeDiscord } from './fakes/discord/index.js';

const base = { DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: '100000000000000009' };
const config = (env: Record<string, string>) => loadBotConfig({ ...base, ...env });

describe('shardOfGuild: (guild_id >> 22) % count, as Discord routes guilds', () => {
  test.each([
    ['100000000000000001', 2, 0],
    ['100000000004194305', 2, 1],
    ['41771983423143937', 1, 0],
    ['41771983423143937', 16, 6],
    ['175928847299117063', 10, 6],
  ])('%s of %i shards is on shard %i', (guildId, count, shard) => {
    expect(shardOfGuild(guildId, count)).toBe(shard);
  });
});

describe('SHARDS', () => {
  test.each([
    ['', undefined],
    ['auto', 'auto'],
    ['1', 1],
    ['4', 4],
  ])('%j parses as %j', (value, parsed) => {
    expect(config({ SHARDS: value }).SHARDS).toBe(parsed);
  });

  test.each(['0', 'two', '1.5', '-3'])('%j is refused with one line', (value) => {
    expect(() => config({ SHARDS: value })).toThrow(
      new ConfigError('config: SHARDS must be auto or a whole number from 1'),
    );
  });

  test('more than one shard on a SQLite file (or memory:) is refused, naming what to use instead', () => {
    const sqlite = config({ SHARDS: '2', STORE_URL: 'sqlite://data/stage.sqlite' });
    expect(() => checkShardableStore(sqlite, 2)).toThrow(
      'config: SHARDS=2 runs 2 processes, which need a shared store: set STORE_URL to redis://… or postgres://… (a SQLite file belongs to one process)',
    );
    expect(() => checkShardableStore(config({ SHARDS: '3', STORE_URL: 'memory:' }), 3)).toThrow(/memory: belongs/);
    expect(() => checkShardableStore(sqlite, 1)).not.toThrow();
    for (const url of ['redis://127.0.0.1:6379', 'postgres://theatre@db/stage'])
      expect(() => checkShardableStore(config({ SHARDS: '2', STORE_URL: url }), 2)).not.toThrow();
  });

  test('npm start refuses SHARDS=2 on the SQLite default with that one line and exit code 1', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, ...base, SHARDS: '2', STORE_URL: 'sqlite://data/never-created.sqlite' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stderr).toBe(
      'config: SHARDS=2 runs 2 processes, which need a shared store: set STORE_URL to redis://… or postgres://… (a SQLite file belongs to one process)\n',
    );
    expect(result.status).toBe(1);
  });
});

describe('shardCount', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.stop();
  });

  test('unset is one process; a number is itself; auto asks GET /gateway/bot', async () => {
    fake = await new FakeDiscord({ shards: 3, guilds: [] }).start();
    expect(await shardCount(config({}))).toBe(1);
    expect(await shardCount(config({ SHARDS: '5' }))).toBe(5);
    expect(await shardCount(config({ SHARDS: 'auto', DISCORD_API_URL: fake.apiUrl }))).toBe(3);
    expect(fake.stats.byRoute['GET /gateway/bot']).toBe(1);
  });
});

describe('in a shard process', () => {
  const shardEnv = { SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' };

  test("discord.js's SHARDS (the shard id) is not read as the SHARDS setting", () => {
    expect(shardProcessEnv(shardEnv)).toEqual({ SHARDING_MANAGER: 'true', SHARD_COUNT: '2' });
  });

  test('a guild is owned when Discord routes it to one of this process’s shards', () => {
    const owns = ownsGuildInShard(shardEnv)!;
    expect(owns('100000000004194305')).toBe(true);
    expect(owns('100000000000000001')).toBe(false);
    expect(ownsGuildInShard({ SHARDS: '2' })).toBeUndefined();
  });
});
