import type { Logger } from '../../logger.js';

interface Job {
  /** The performance this job is an act of; side jobs (a finale after release, an appeal) have none. */
  performanceId?: string;
  run(signal: AbortSignal): Promise<void>;
}

interface Lane {
  queue: Job[];
  current?: { job: Job; controller: AbortController };
  draining?: Promise<void>;
}

export interface LaneStatus {
  current?: string;
  queued: string[];
}

export interface LanesOptions {
  log: Logger;
  /** The longest an act may run before it is cut off (the show must never hang). */
  actTimeoutMs: number;
}

/**
 * The per-guild queue: one job on stage per guild at a time, guilds independent of each other. Jobs are
 * performances (counted in the queue the audience sees) and side jobs (a released finale, an appeal), which
 * run in the same lane so a thread's messages never interleave.
 */
export class Lanes {
  private readonly lanes = new Map<string, Lane>();
  #stopped = false;

  constructor(private readonly options: LanesOptions) {}

  /** Whether `stop()` was called: the show is closing and nothing new should be put on stage. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** Queues an act; returns its place (1 = next on stage, or on stage now if the stage was idle). */
  enqueueAct(guildId: string, performanceId: string, run: Job['run']): number {
    const lane = this.lane(guildId);
    lane.queue.push({ performanceId, run });
    const place = lane.queue.filter((j) => j.performanceId).length + (lane.current?.job.performanceId ? 1 : 0);
    this.drain(guildId, lane);
    return place;
  }

  /** Runs a side job in the guild's lane, after what is already queued; resolves when it has run. */
  runInLane(guildId: string, run: Job['run']): Promise<void> {
    const lane = this.lane(guildId);
    return new Promise<void>((resolve, reject) => {
      lane.queue.push({ run: (signal) => run(signal).then(resolve, reject) });
      this.drain(guildId, lane);
    });
  }

  status(guildId: string): LaneStatus {
    const lane = this.lanes.get(guildId);
    return {
      current: lane?.current?.job.performanceId,
      queued: (lane?.queue ?? []).flatMap((j) => (j.performanceId ? [j.performanceId] : [])),
    };
  }

  /** Stops the act on stage; it ends in character and the queue moves on. */
  skip(guildId: string): string | undefined {
    const current = this.lanes.get(guildId)?.current;
    if (!current?.job.performanceId) return undefined;
    current.controller.abort('skip');
    return current.job.performanceId;
  }

  /** Removes every queued act (not the one on stage); returns their ids. */
  clear(guildId: string): string[] {
    const lane = this.lanes.get(guildId);
    if (!lane) return [];
    const cleared = lane.queue.flatMap((j) => (j.performanceId ? [j.performanceId] : []));
    lane.queue = lane.queue.filter((j) => !j.performanceId);
    return cleared;
  }

  /** Resolves when every lane is empty (tests, shutdown). */
  async idle(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      const draining = [...this.lanes.values()].flatMap((l) => (l.draining ? [l.draining] : []));
      if (draining.length === 0) return;
      await Promise.all(draining);
    }
  }

  /** Aborts everything on stage; queued jobs are dropped (the store still has them for the next start). */
  stop(): void {
    this.#stopped = true;
    for (const lane of this.lanes.values()) {
      lane.queue = [];
      lane.current?.controller.abort('shutdown');
    }
  }

  private lane(guildId: string): Lane {
    let lane = this.lanes.get(guildId);
    if (!lane) {
      lane = { queue: [] };
      this.lanes.set(guildId, lane);
    }
    return lane;
  }

  private drain(guildId: string, lane: Lane): void {
    if (lane.draining) return;
    lane.draining = (async () => {
      for (let job = lane.queue.shift(); job; job = lane.queue.shift()) {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort('timeout'), this.options.actTimeoutMs);
        lane.current = { job, controller };
        try {
          await job.run(controller.signal);
        } catch (err) {
          this.options.log.error({ err, guildId, performanceId: job.performanceId }, 'stage job failed');
        } finally {
          clearTimeout(timer);
          lane.current = undefined;
        }
      }
      lane.draining = undefined;
    })();
  }
}
