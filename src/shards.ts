import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import { type BotConfig, ConfigError } from './config.js';
import type { Logger } from './logger.js';
import { parseStoreUrl } from './services/store/index.js';

/**
 * Sharding on discord.js's ShardingManager: one process per gateway shard, each running the whole bot for the
 * guilds Discord routes to it, so a guild's queue, acts and votes stay in one process. The store is shared.
 */

/** The ShardingManager marks the processes it forks; there SHARDS and SHARD_COUNT are that shard's own. */
export const isShardProcess = (env: NodeJS.ProcessEnv) => env.SHARDING_MANAGER !== undefined;

/** A shard's environment as the bot's config reads it: discord.js's SHARDS (the shard ids) is not ours. */
export function shardProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { SHARDS: _ids, ...rest } = env;
  return rest;
}

/** The shard Discord routes a guild to. */
export const shardOfGuild = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

/** In a shard process: the shard ids it runs and the total, as the manager passed them. */
export function shardOfProcess(env: NodeJS.ProcessEnv): { ids: number[]; count: number } | undefined {
  if (!isShardProcess(env) || !env.SHARDS || !env.SHARD_COUNT) return undefined;
  return { ids: [JSON.parse(env.SHARDS)].flat().map(Number), count: Number(env.SHARD_COUNT) };
}

/** In a shard process: whether a guild is one of this process's. */
export function ownsGuildInShard(env: NodeJS.ProcessEnv): ((guildId: string) => boolean) | undefined {
  const shard = shardOfProcess(env);
  if (!shard) return undefined;
  const ids = new Set(shard.ids);
  return (guildId) => ids.has(shardOfGuild(guildId, shard.count));
}

/** How many shards to run: SHARDS as given, or Discord's recommendation for `auto`. */
export async function shardCount(config: BotConfig): Promise<number> {
  if (config.SHARDS === undefined) return 1;
  if (config.SHARDS !== 'auto') return config.SHARDS;
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

/** More than one process needs a store they can all reach; a SQLite file (or memory) belongs to one process. */
export function checkShardableStore(config: BotConfig, count: number): void {
  const { backend } = parseStoreUrl(config.STORE_URL);
  if (count > 1 && (backend === 'sqlite' || backend === 'memory'))
    throw new ConfigError(
      `config: SHARDS=${config.SHARDS} runs ${count} processes, which need a shared store: set STORE_URL to redis://… or postgres://… (${backend === 'sqlite' ? 'a SQLite file' : 'memory:'} belongs to one process)`,
    );
}

/** How long stopping waits for each shard to close its curtain (the bot itself waits up to 10 s for acts). */
const SHARD_STOP_MS = 15_000;

/**
 * Runs `count` shard processes of this entry point and keeps them up (a shard that dies is respawned). On SIGTERM
 * or SIGINT each shard is asked to stop and given time to close its curtain; then the manager exits.
 */
export async function runShards(config: BotConfig, count: number, log: Logger, entry: string): Promise<void> {
  const manager = new ShardingManager(fileURLToPath(entry), {
    totalShards: count,
    token: config.DISCORD_TOKEN,
    // Source maps, and under tsx its loader: the shards run the same code the same way.
    execArgv: process.execArgv,
  });
  manager.on('shardCreate', (shard) => {
    log.info({ shard: shard.id, of: count }, 'shard starting');
    shard.on('death', () => log.warn({ shard: shard.id }, 'shard process exited'));
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, shards: manager.shards.size }, 'stopping the shards');
    await Promise.all(
      manager.shards.map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null) return;
        const exited = once(child, 'exit');
        shard.kill(); // SIGTERM, and no respawn.
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, SHARD_STOP_MS).unref())]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }),
    );
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // Discord allows one IDENTIFY per five seconds per bucket; discord.js waits 5.5 s between shards.
  await manager.spawn({ amount: count, timeout: 60_000 });
  log.info({ shards: count }, 'all shards on stage');
}
