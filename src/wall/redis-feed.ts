import { createClient } from '@keyv/redis';
import type { Logger } from '../logger.js';
import { Listeners, type WallFeed } from './feed.js';
import { emptyState, reduce, type WallEvent, type WallMessage, type WallState } from './state.js';

const CHANNEL = 'compliance-theatre:wall';
const stateKey = (guildId: string) => `compliance-theatre:wall-state:${guildId}`;
/** A wall's state outlives its act by a day, then Redis forgets it. */
const STATE_TTL_SECONDS = 86_400;

// The client's generics do not survive duplicate(); the feed only needs these commands.
interface Client {
  connect(): Promise<unknown>;
  quit(): Promise<unknown>;
  get(key: string): Promise<unknown>;
  set(key: string, value: string, options: { EX: number }): Promise<unknown>;
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  on(event: 'error', listener: (err: unknown) => void): unknown;
}

/**
 * The feed across processes: a sharded bot publishes on Redis, and `npm run wall` (or any shard's wall server)
 * follows. Each guild's state is kept under a key beside the channel, so a wall process that starts mid-act
 * reads where the act stands. A guild lives on one shard, so that shard's fold is the only writer of its key.
 */
export class RedisFeed implements WallFeed {
  private readonly listeners = new Listeners();
  private readonly states = new Map<string, WallState>();
  private readonly chains = new Map<string, Promise<void>>();

  private constructor(
    private readonly client: Client,
    private readonly subscriber: Client,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {}

  static async open(url: string, log: Logger, now: () => number = Date.now): Promise<RedisFeed> {
    // Offline (Redis restarting), a publish fails at once and is logged: a wall must never hold an act up. The
    // next event after the outage carries the whole state, so the walls catch up.
    const redis = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 10_000 } });
    const client = redis as unknown as Client;
    client.on('error', (err: unknown) => log.warn({ err }, 'wall feed: redis error'));
    await client.connect();
    const subscriber = redis.duplicate() as unknown as Client;
    subscriber.on('error', (err: unknown) => log.warn({ err }, 'wall feed: redis subscriber error'));
    await subscriber.connect();
    const feed = new RedisFeed(client, subscriber, log, now);
    await subscriber.subscribe(CHANNEL, (raw: string) => feed.receive(raw));
    return feed;
  }

  publish(guildId: string, event: WallEvent): Promise<void> {
    // Events of one guild are folded in order even when a vote and a frame arrive together.
    const next = (this.chains.get(guildId) ?? Promise.resolve()).then(() => this.fold(guildId, event));
    this.chains.set(
      guildId,
      next.catch(() => {}),
    );
    return next;
  }

  async current(guildId: string): Promise<WallState> {
    const raw = await this.client.get(stateKey(guildId));
    return raw ? (JSON.parse(String(raw)) as WallState) : emptyState(guildId);
  }

  subscribe(guildId: string, listener: (message: WallMessage) => void): () => void {
    return this.listeners.add(guildId, listener);
  }

  async close(): Promise<void> {
    await this.subscriber.quit();
    await this.client.quit();
  }

  private async fold(guildId: string, event: WallEvent): Promise<void> {
    const before = this.states.get(guildId) ?? (await this.current(guildId));
    const state = reduce(before, event, this.now());
    this.states.set(guildId, state);
    if (state === before) return;
    const message: WallMessage = { guildId, kind: event.type, at: this.now(), state };
    await this.client.set(stateKey(guildId), JSON.stringify(state), { EX: STATE_TTL_SECONDS });
    await this.client.publish(CHANNEL, JSON.stringify(message));
  }

  private receive(raw: string): void {
    try {
      this.listeners.deliver(JSON.parse(raw) as WallMessage);
    } catch (err) {
      this.log.warn({ err }, 'wall feed: unreadable message');
    }
  }
}
