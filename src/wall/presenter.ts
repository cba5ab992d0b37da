import type { Logger } from '../logger.js';
import type { ActPresenter, AppealVerdict, FinaleImages } from '../services/show/act.js';
import { scriptOf } from '../services/show/act.js';
import { type Frame, maskedBrief } from '../services/show/frames.js';
import type { Performance, Tally } from '../services/store/schemas.js';
import { struckOriginal } from './cards.js';
import type { PosterCache } from './images.js';
import { posterPath } from './links.js';
import type { WallEvent } from './state.js';

export interface WallPresenterOptions {
  /** Hands an event to the feed. */
  publish(guildId: string, event: WallEvent): Promise<void>;
  log: Logger;
  /** The numbers of the briefs waiting in a guild, in order. */
  queue(guildId: string): number[];
  /** Where finale images are kept for the wall and the gallery. */
  posters: PosterCache;
  /** The wait between frames; the same one the other presenters use. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/**
 * Shows an act on the exhibition wall: each presenter call becomes one feed event. The wall is a sideshow, so a
 * feed that fails is logged and the act goes on; only the act's own abort stops `play`.
 */
export class WallPresenter implements ActPresenter {
  constructor(private readonly options: WallPresenterOptions) {}

  async open(performance: Performance): Promise<Partial<Performance>> {
    const brief = maskedBrief(performance.brief, performance.result?.changes ?? []);
    await this.send(performance, {
      type: 'act',
      performanceId: performance.id,
      number: performance.number,
      brief,
      queue: this.queue(performance),
    });
    return {};
  }

  async play(performance: Performance, frames: Frame[], signal: AbortSignal): Promise<Partial<Performance>> {
    for (const [index, { delayMs, ...frame }] of frames.entries()) {
      signal.throwIfAborted();
      const started = Date.now();
      const badge = scriptOf(performance).badges[frame.phase];
      await this.send(performance, { type: 'frame', performanceId: performance.id, index, frame: { ...frame, badge } });
      const rest = delayMs - (Date.now() - started);
      if (rest > 0) await this.options.sleep(rest, signal);
    }
    return {};
  }

  async note(performance: Performance, text: string): Promise<void> {
    await this.send(performance, { type: 'note', performanceId: performance.id, text });
  }

  async awaitRelease(performance: Performance): Promise<void> {
    await this.note(performance, scriptOf(performance).act.awaitRelease);
  }

  async awaitAppealDecision(performance: Performance): Promise<void> {
    await this.note(performance, scriptOf(performance).act.awaitAppeal);
  }

  /** A brief refused on stage: like Discord, the wall shows nothing of it. */
  async refused(): Promise<void> {}

  async finale(performance: Performance, images: FinaleImages, tally: Tally): Promise<Partial<Performance>> {
    this.options.posters.keep(performance.id, images.censored);
    await this.send(performance, {
      type: 'finale',
      performanceId: performance.id,
      prompt: performance.prompt ?? '',
      original: struckOriginal(performance.brief, performance.result?.changes ?? []),
      poster: posterPath(performance),
      tally,
      queue: this.queue(performance),
    });
    return {};
  }

  /** The appeal's outcome, read out on the wall (the Appeal Cut itself stands in Discord and the gallery). */
  async verdict(performance: Performance, verdict: AppealVerdict): Promise<Partial<Performance>> {
    const line =
      verdict.outcome === 'overturned'
        ? `Appeal heard — overturned. ${verdict.reinstated.length} term${verdict.reinstated.length === 1 ? '' : 's'} reinstated.`
        : 'Appeal heard — the original decision stands.';
    await this.note(performance, line);
    return {};
  }

  /** Withdrawn by a moderator: off the stage and out of the idle loop at once. */
  async withdraw(performance: Performance): Promise<void> {
    await this.send(performance, { type: 'withdraw', performanceId: performance.id, number: performance.number });
  }

  async fail(performance: Performance, message: string): Promise<void> {
    await this.send(performance, {
      type: 'fail',
      performanceId: performance.id,
      text: message,
      queue: this.queue(performance),
    });
  }

  private queue(performance: Performance): number[] {
    return this.options.queue(performance.guildId);
  }

  private async send(performance: Performance, event: WallEvent): Promise<void> {
    try {
      await this.options.publish(performance.guildId, event);
    } catch (err) {
      this.options.log.warn({ err, performanceId: performance.id, kind: event.type }, 'wall feed: publish failed');
    }
  }
}
