import { Client, Events, GatewayIntentBits, RESTEvents } from 'discord.js';
import type { BotConfig, CensorEngineName, ImageEngineName } from './config.js';
import type { Context } from './context.js';
import { BallotBox } from './discord/ballot-box.js';
import { NO_MENTIONS } from './discord/format.js';
import { forgetInteractionWebhooks } from './discord/interaction-webhook.js';
import { DiscordPresenter } from './discord/presenter.js';
import { onInteractionCreate } from './events/interaction-create.js';
import { onReady } from './events/ready.js';
import type { Logger } from './logger.js';
import type { Lexicon } from './services/censor/lexicon/index.js';
import type { CensorModel } from './services/censor/types.js';
import { createCensorModel, createImageModel, type EngineDeps } from './services/engines.js';
import type { ImageModel } from './services/imagery/types.js';
import { Director } from './services/show/director.js';
import { Lanes } from './services/show/lanes.js';
import type { ActPresenter } from './services/show/presenter.js';
import { FanOutPresenter } from './services/show/presenters/fan-out.js';
import { abortableSleep } from './services/show/sleep.js';
import type { Store } from './services/store/index.js';
import { createWall, type ExhibitionWall, queuedNumbers } from './wall/index.js';

export interface BotOptions {
  config: BotConfig;
  log: Logger;
  store: Store;
  lexicon: Lexicon;
  /** Replaces the hosted engines' transport (tests). */
  fetch?: typeof fetch;
  /** The longest an act may run (default ten minutes). */
  actTimeoutMs?: number;
  /** Replaces the presenter's wait between frames (tests and benchmarks). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** discord.js's timeout of one REST request (default 15 s); a request past it is sent again (tests). */
  restTimeoutMs?: number;
  /** Further presenters every act also plays to (the exhibition wall); the Discord thread stays the primary. */
  presenters?: ActPresenter[];
}

export interface Bot {
  client: Client;
  ctx: Context;
  lanes: Lanes;
  /** The store lease this process needs: the whole store, or its shards' share when sharded (`shard 0/2`). */
  leaseName: string;
  /** The exhibition wall, when WALL_PORT (or a Redis store) asks for one. */
  wall?: ExhibitionWall;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** How long stopping waits for the acts on stage to wind down. */
const STOP_GRACE_MS = 10_000;

function memo<K, V>(cache: Map<K, V>, key: K, build: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

/** The lease name for a client's shards: discord.js reads them from SHARDS/SHARD_COUNT under a ShardingManager. */
export function leaseNameFor(client: Client): string {
  const { shards, shardCount } = client.options;
  if (!Array.isArray(shards) || !shardCount || shardCount < 2) return 'store';
  return `shard ${shards.join(',')}/${shardCount}`;
}

/** Wires the show to a discord.js client. Only the entry point and tests call this. */
export function createBot(options: BotOptions): Bot {
  const { config, log, store, lexicon } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: { api: config.DISCORD_API_URL, ...(options.restTimeoutMs ? { timeout: options.restTimeoutMs } : {}) },
  });
  const engines: EngineDeps = { config, log, lexicon, ...(options.fetch ? { fetch: options.fetch } : {}) };
  // Engines are built once per name and reused by every act.
  const censors = new Map<CensorEngineName, CensorModel>();
  const images = new Map<ImageEngineName, ImageModel>();
  const lanes = new Lanes({ log, actTimeoutMs: options.actTimeoutMs ?? 10 * 60_000 });
  const sleep = options.sleep ?? abortableSleep;
  // The exhibition wall, when the configuration asks for one, is one more presenter of every act.
  const wall = createWall({
    config,
    store,
    log,
    poster: createImageModel('poster', engines),
    checker: memo(censors, 'lexicon', () => createCensorModel('lexicon', engines)),
    queue: (guildId) => queuedNumbers(lanes.status(guildId).queued),
    sleep,
  });
  const discord = new DiscordPresenter({ client, log, sleep, pageLink: wall && ((p) => wall.pageLink(p)) });
  const secondaries = [...(options.presenters ?? []), ...(wall ? [wall.presenter] : [])];
  const presenter = secondaries.length ? new FanOutPresenter(discord, secondaries, log) : discord;
  const director = new Director({
    store,
    lanes,
    log,
    defaults: { censorEngine: config.CENSOR_ENGINE, imageEngine: config.IMAGE_ENGINE, style: config.STYLE },
    censorModel: (name) => memo(censors, name, () => createCensorModel(name, engines)),
    imageModel: (name) => memo(images, name, () => createImageModel(name, engines)),
    presenter: () => presenter,
  });
  const ctx: Context = { config, log, services: { store, lexicon, director, engines, ballots: new BallotBox(), wall } };

  client.once(Events.ClientReady, (ready) => void onReady(ready, ctx));
  client.on(Events.InteractionCreate, (interaction) => void onInteractionCreate(interaction, ctx));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.debug(
      { route: info.route, retryAfter: info.retryAfter, scope: info.scope, global: info.global },
      'rate limited',
    ),
  );

  return {
    client,
    ctx,
    lanes,
    leaseName: leaseNameFor(client),
    wall,
    async start() {
      await wall?.start();
      await client.login(config.DISCORD_TOKEN);
    },
    async stop() {
      lanes.stop();
      // Acts see the abort at their next step; one that does not is not allowed to hold the curtain open.
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, STOP_GRACE_MS);
      });
      await Promise.race([lanes.idle(), limit]);
      clearTimeout(timer);
      await client.destroy();
      forgetInteractionWebhooks(client);
      await wall?.stop();
    },
  };
}
