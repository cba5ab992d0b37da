import { UserFacingError } from '../../errors.js';
import type { GuildSettings } from '../store/schemas.js';

interface Pending {
  guildId: string;
  authorId: string;
}

/**
 * The door of the stage: per-member cooldowns and the caps on queued briefs per member and per server. In
 * memory, because all of a guild's traffic reaches one process; after a restart the resumed acts count again.
 */
export class Intake {
  private readonly lastSubmission = new Map<string, number>();
  /** Acts queued or on stage, by performance id. */
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number) {}

  /**
   * Checks the limits for a new brief and claims the member's cooldown at once (before any await), so two quick
   * submissions cannot both pass. Throws a UserFacingError that says what was hit. Returns the undo: a submission
   * that fails afterwards (the store down) gives the cooldown back.
   */
  admit(guildId: string, authorId: string, settings: GuildSettings): () => void {
    const key = `${guildId}:${authorId}`;
    const last = this.lastSubmission.get(key);
    const wait = last === undefined ? 0 : Math.ceil((last + settings.cooldownSeconds * 1000 - this.now()) / 1000);
    if (wait > 0)
      throw new UserFacingError(`The Content Standards Division needs a moment. You can submit again in ${wait} s.`);
    const inGuild = [...this.pending.values()].filter((p) => p.guildId === guildId);
    if (inGuild.length >= settings.maxQueuedPerGuild) {
      throw new UserFacingError(
        `The queue is full (${settings.maxQueuedPerGuild} briefs). Please try again after a few performances.`,
      );
    }
    const mine = inGuild.filter((p) => p.authorId === authorId).length;
    if (mine >= settings.maxQueuedPerUser) {
      const them = mine === 1 ? 'it' : 'them';
      throw new UserFacingError(
        `You already have ${mine} brief${mine === 1 ? '' : 's'} in the queue; wait for ${them} to be performed.`,
      );
    }
    const claimed = this.now();
    this.lastSubmission.set(key, claimed);
    return () => {
      // Only this submission's claim is undone, never a later one's.
      if (this.lastSubmission.get(key) !== claimed) return;
      if (last === undefined) this.lastSubmission.delete(key);
      else this.lastSubmission.set(key, last);
    };
  }

  /** An act entered the queue (a new brief, or one resumed after a restart). */
  track(performanceId: string, pending: Pending): void {
    this.pending.set(performanceId, pending);
  }

  /** An act left the queue: performed, failed, skipped or cleared. */
  release(performanceId: string): void {
    this.pending.delete(performanceId);
  }
}
