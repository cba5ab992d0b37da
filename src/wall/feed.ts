import { emptyState, reduce, type WallEvent, type WallMessage, type WallState } from './state.js';

/**
 * How the acts reach the walls. The side that performs publishes events; the feed folds them into each guild's
 * state and hands every subscriber the new state, so a wall that connects late is whole at once.
 */
export interface WallFeed {
  publish(guildId: string, event: WallEvent): Promise<void>;
  current(guildId: string): Promise<WallState>;
  subscribe(guildId: string, listener: (message: WallMessage) => void): () => void;
  close(): Promise<void>;
}

/** Listeners per guild; shared by both feeds. */
export class Listeners {
  private readonly byGuild = new Map<string, Set<(message: WallMessage) => void>>();

  add(guildId: string, listener: (message: WallMessage) => void): () => void {
    const set = this.byGuild.get(guildId) ?? new Set();
    this.byGuild.set(guildId, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byGuild.delete(guildId);
    };
  }

  deliver(message: WallMessage): void {
    for (const listener of this.byGuild.get(message.guildId) ?? []) listener(message);
  }

  get size(): number {
    let count = 0;
    for (const set of this.byGuild.values()) count += set.size;
    return count;
  }
}

/** The feed of one process: the bot and its wall server share it. */
export class MemoryFeed implements WallFeed {
  private readonly states = new Map<string, WallState>();
  private readonly listeners = new Listeners();

  constructor(private readonly now: () => number = Date.now) {}

  async publish(guildId: string, event: WallEvent): Promise<void> {
    const before = this.states.get(guildId) ?? emptyState(guildId);
    const state = reduce(before, event, this.now());
    if (state === before) return;
    this.states.set(guildId, state);
    this.listeners.deliver({ guildId, kind: event.type, at: this.now(), state });
  }

  async current(guildId: string): Promise<WallState> {
    return this.states.get(guildId) ?? emptyState(guildId);
  }

  subscribe(guildId: string, listener: (message: WallMessage) => void): () => void {
    return this.listeners.add(guildId, listener);
  }

  async close(): Promise<void> {}
}
