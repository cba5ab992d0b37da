import { existsSync } from 'node:fs';
import { createBot } from './bot.js';
import { ConfigError, loadBotConfig } from './config.js';
import { createLogger } from './logger.js';
import { Lexicon, loadBuiltInLexiconEntries } from './services/censor/lexicon/index.js';
import { createCensorModel, createImageModel } from './services/engines.js';
import { openStore } from './services/store/index.js';

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
  const store = await openStore(config.STORE_URL, log);
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
