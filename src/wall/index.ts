import type { SharedConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { recheckPrompt } from '../services/censor/pipeline.js';
import type { CensorModel } from '../services/censor/types.js';
import type { ImageModel } from '../services/imagery/types.js';
import type { Store } from '../services/store/index.js';
import type { Performance, Tally } from '../services/store/schemas.js';
import { MemoryFeed, type WallFeed } from './feed.js';
import { PosterCache } from './images.js';
import { guildLinks, newWallKey, performanceLink } from './links.js';
import { WallPresenter } from './presenter.js';
import { startWallServer, type WallServer } from './server.js';

const KEPT_PRINTS = 8;

export interface ExhibitionWallOptions {
  config: SharedConfig;
  store: Store;
  log: Logger;
  /** The embedded poster engine: draws again any poster the wall did not see rendered. */
  poster: ImageModel;
  /** The embedded censor: a stored prompt passes it again before a poster is drawn from it. */
  checker: CensorModel;
  /** The numbers of the briefs waiting in a guild. */
  queue(guildId: string): number[];
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Serve pages (the bot with WALL_PORT, `npm run wall`), or only publish (a shard whose wall runs elsewhere). */
  serve: boolean;
}

/** Opens the feed a store implies: Redis pub/sub beside a Redis store, so other processes follow; else in-process. */
export async function openFeed(storeUrl: string, log: Logger): Promise<WallFeed> {
  if (!/^rediss?:/.test(storeUrl)) return new MemoryFeed();
  // Imported here so a bot on the SQLite default never loads a Redis client.
  const { RedisFeed } = await import('./redis-feed.js');
  return RedisFeed.open(storeUrl, log);
}

/**
 * The exhibition wall as the bot sees it: a presenter for the acts, the tally for votes, the links for moderators,
 * and (when serving) the web server. Built once by the entry point.
 */
export class ExhibitionWall {
  readonly posters: PosterCache;
  readonly presenter: WallPresenter;
  private feed: WallFeed | undefined;
  private server: WallServer | undefined;
  private readonly prints = new Map<string, Buffer>();

  constructor(private readonly options: ExhibitionWallOptions) {
    this.posters = new PosterCache(options.poster, async (performance) => {
      const { lexicon } = await options.store.guilds.get(performance.guildId);
      return recheckPrompt(options.checker, performance.prompt ?? '', { overrides: lexicon });
    });
    this.presenter = new WallPresenter({
      // Before start (or after stop) there is no wall to tell.
      publish: (guildId, event) => this.feed?.publish(guildId, event) ?? Promise.resolve(),
      log: options.log,
      queue: options.queue,
      posters: this.posters,
      sleep: options.sleep,
    });
  }

  /** The address the wall serves on, once started. */
  get url(): string | undefined {
    return this.server?.url;
  }

  async start(feed?: WallFeed): Promise<void> {
    const { config, store, log } = this.options;
    this.feed = feed ?? (await openFeed(config.STORE_URL, log));
    if (!this.options.serve) return;
    this.server = await startWallServer({
      store,
      feed: this.feed,
      posters: this.posters,
      log,
      inviteUrl: config.WALL_INVITE_URL,
      print: (performance) => this.print(performance),
      host: config.WALL_HOST,
      port: config.WALL_PORT ?? 0,
    });
  }

  async stop(): Promise<void> {
    await this.server?.close();
    await this.feed?.close();
    this.server = undefined;
    this.feed = undefined;
  }

  /** A vote moved the tally; the member's answer does not wait for the wall. */
  tally(performance: Performance, tally: Tally): void {
    this.feed
      ?.publish(performance.guildId, { type: 'tally', performanceId: performance.id, tally })
      .catch((err: unknown) => this.options.log.warn({ err, performanceId: performance.id }, 'wall: tally not sent'));
  }

  /** The redline document of a performance (A3, 300 dpi PNG); a few recent ones are kept, as drawing takes seconds. */
  async print(performance: Performance): Promise<Buffer> {
    const [poster, tally] = await Promise.all([
      this.posters.get(performance),
      this.options.store.votes.tally(performance.id),
    ]);
    const key = `${performance.id}:${performance.updatedAt}:${tally.original}:${tally.censored}`;
    const kept = this.prints.get(key);
    if (kept) return kept;
    // The canvas loads on the first print, not when the bot starts.
    const { renderRedline } = await import('./print.js');
    const png = await renderRedline({ performance, poster, tally });
    this.prints.set(key, png);
    for (const oldest of this.prints.keys()) if (this.prints.size > KEPT_PRINTS) this.prints.delete(oldest);
    return png;
  }

  /** The base every link starts from: the public address, else where this process serves. */
  base(): string | undefined {
    return this.options.config.WALL_PUBLIC_URL ?? this.url;
  }

  /** The guild's key, made on first use (or anew when rotating). */
  async key(guildId: string, rotate = false): Promise<string> {
    const settings = await this.options.store.guilds.get(guildId);
    if (settings.wallKey && !rotate) return settings.wallKey;
    const wallKey = newWallKey();
    await this.options.store.guilds.update(guildId, { wallKey });
    return wallKey;
  }

  async links(guildId: string, rotate = false) {
    const base = this.base();
    return base ? guildLinks(base, guildId, await this.key(guildId, rotate)) : undefined;
  }

  /** The finale's link to the performance's page; only with a public address (a loopback one means nothing to members). */
  async pageLink(performance: Performance): Promise<string | undefined> {
    const base = this.options.config.WALL_PUBLIC_URL;
    return base ? performanceLink(base, performance, await this.key(performance.guildId)) : undefined;
  }
}

/** The wall a configuration asks for: served with WALL_PORT, publish-only beside a Redis store, else none. */
export function createWall(options: Omit<ExhibitionWallOptions, 'serve'>): ExhibitionWall | undefined {
  const serve = options.config.WALL_PORT !== undefined;
  if (!serve && !/^rediss?:/.test(options.config.STORE_URL)) return undefined;
  return new ExhibitionWall({ ...options, serve });
}

/** The numbers of queued performances, from their ids (`<guild>-<number>`). */
export function queuedNumbers(ids: readonly string[]): number[] {
  return ids.map((id) => Number(id.slice(id.lastIndexOf('-') + 1))).filter(Number.isInteger);
}
