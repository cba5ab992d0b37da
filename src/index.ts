import { existsSync } from 'node:fs';
import { createBot } from './bot.js';
import { ConfigError, loadBotConfig } from './config.js';
import { createLogger } from './logger.js';
import { Lexicon, loadBuiltInLexiconEntries } from './services/censor/lexicon/index.js';
import { createCensorModel, createImageModel } from './services/engines.js';
import { retryAtStartup } from './services/startup.js';
import { type Lease, openStore, StoreError } from './services/store/index.js';

async function main(): Promise<number> {
  // Variables already set in the environment win over the file.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: ReturnType<typeof loadBotConfig>;
  try {
    config = loadBotConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
  const log = createLogger(config.LOG_LEVEL);
  const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
  // A selected engine that cannot run (no key) stops start-up here, not in the middle of a show.
  createCensorModel(config.CENSOR_ENGINE, { config, log, lexicon });
  createImageModel(config.IMAGE_ENGINE, { config, log, lexicon });
  // Discord or the store briefly down at start-up is waited out (logged), for STARTUP_RETRY_MS at most.
  const retry = { log, forMs: config.STARTUP_RETRY_MS };
  const store = await retryAtStartup(() => openStore(config.STORE_URL, log), {
    ...retry,
    what: 'store',
    isRetryable: (err) => err instanceof StoreError && err.transient,
  });
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
