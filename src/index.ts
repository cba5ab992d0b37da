import { existsSync } from 'node:fs';
import { createBot } from './bot.js';
import { type BotConfig, ConfigError, loadBotConfig } from './config.js';
import { createLogger } from './logger.js';
import { Lexicon, loadBuiltInLexiconEntries } from './services/censor/lexicon/index.js';
import { createCensorModel, createImageModel } from './services/engines.js';
import { openStore, StoreError } from './services/store/index.js';
import {
  checkShardableStore,
  isShardProcess,
  ownsGuildInShard,
  runShards,
  shardCount,
  shardOfProcess,
  shardProcessEnv,
} from './shards.js';

/** `npm start`: one bot process, or with SHARDS a manager of shard processes that each run this file again. */
async function main(): Promise<number> {
  // Variables already set in the environment win over the file.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const inShard = isShardProcess(process.env);
  let config: BotConfig;
  let count = 1;
  try {
    config = loadBotConfig(inShard ? shardProcessEnv(process.env) : process.env);
    if (!inShard) {
      count = await shardCount(config);
      checkShardableStore(config, count);
    }
  } catch (err) {
    if (!(err instanceof ConfigError || err instanceof StoreError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
  const shard = shardOfProcess(process.env);
  // In a shard, every line says which shard wrote it: all of them share the manager's output.
  const log = shard
    ? createLogger(config.LOG_LEVEL).child({ shard: shard.ids.join(',') })
    : createLogger(config.LOG_LEVEL);
  if (count > 1) {
    await runShards(config, count, log, import.meta.url);
    return 0;
  }
  const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
  // A selected engine that cannot run (no key) stops start-up here, not in the middle of a show.
  createCensorModel(config.CENSOR_ENGINE, { config, log, lexicon });
  createImageModel(config.IMAGE_ENGINE, { config, log, lexicon });
  const store = await openStore(config.STORE_URL, log, { ownsGuild: ownsGuildInShard(process.env) });
  const bot = createBot({ config, log, store, lexicon });

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'closing the curtain');
    await bot.stop();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await bot.start();
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
