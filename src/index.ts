import { existsSync } from 'node:fs';
import { createBot } from './bot.js';
import { type BotConfig, ConfigError, loadBotConfig } from './config.js';
import { createLogger } from './logger.js';
import { Lexicon, loadBuiltInLexiconEntries } from './services/censor/lexicon/index.js';
import { createCensorModel, createImageModel } from './services/engines.js';
import { retryAtStartup } from './services/startup.js';
import { type Lease, openStore, StoreError } from './services/store/index.js';
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
  // Discord or the store briefly down at start-up is waited out (logged), for STARTUP_RETRY_MS at most.
  const retry = { log, forMs: config.STARTUP_RETRY_MS };
  const store = await retryAtStartup(
    () =>
      openStore(config.STORE_URL, log, { ownsGuild: ownsGuildInShard(process.env), retryMs: config.STORE_RETRY_MS }),
    {
      ...retry,
      what: 'store',
      isRetryable: (err) => err instanceof StoreError && err.transient,
    },
  );
  const bot = createBot({ config, log, store, lexicon });
  let lease: Lease;
  try {
    // Lost later (another process took over after a stall): stop at once rather than perform acts twice.
    lease = await store.lease(bot.leaseName, {
      ttlMs: config.STORE_LEASE_MS,
      onLost: () => void shutdown('lease lost'),
    });
  } catch (err) {
    await store.close();
    if (!(err instanceof StoreError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }

  async function shutdown(signal: string) {
    log.info({ signal }, 'closing the curtain');
    await bot.stop();
    await lease.release().catch((err: unknown) => log.warn({ err }, 'could not release the store lease'));
    await store.close();
    process.exit(signal === 'lease lost' ? 1 : 0);
  }
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await retryAtStartup(() => bot.start(), { ...retry, what: 'discord' });
  } catch (err) {
    // The lease and the store are let go, so the process ends and the next start does not wait.
    await lease.release().catch((releaseErr: unknown) => log.warn({ err: releaseErr }, 'could not release the lease'));
    await store.close();
    throw err;
  }
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
