import { UserFacingError } from '../../errors.js';
import type { Performance } from '../store/schemas.js';
import { type ActDeps, scriptOf } from './act.js';
import { type AppealOutcome, hearInPublic } from './appeal-hearing.js';
import type { Claimed, DirectorOptions } from './director.js';
import { claimTransition } from './transitions.js';

export interface AppealsOptions extends Pick<DirectorOptions, 'store' | 'lanes' | 'presenter' | 'log'> {
  now: () => number;
  /** What a hearing needs, as an act would have it. */
  deps(performance: Performance, signal: AbortSignal): Promise<ActDeps>;
}

/**
 * The author's one appeal: lodged (with the grounds as typed, kept until the hearing), decided by a moderator in
 * review mode, heard in public in the guild's lane — and heard after a restart when one was due and cut off.
 */
export class Appeals {
  constructor(private readonly options: AppealsOptions) {}

  /**
   * The author's one appeal, with their grounds. Without review mode the censor hears it in public at once; in
   * review mode it waits for a moderator's decision (`decide`). Two clicks give one hearing: the claim is
   * made under the record's lock.
   */
  async lodge(performanceId: string, userId: string, grounds?: string): Promise<'pending' | AppealOutcome> {
    const settings = await this.options.store.guilds.get((await this.get(performanceId)).guildId);
    const pending = await this.options.store.performances.update(
      performanceId,
      // The grounds wait with the appeal, so a hearing cut off by a restart is held with them.
      {
        appeal: {
          at: new Date(this.options.now()).toISOString(),
          outcome: 'pending',
          ...(grounds ? { submitted: grounds } : {}),
        },
      },
      (performance) => {
        if (performance.authorId !== userId)
          throw new UserFacingError('Only the author of a brief may appeal its censorship.');
        if (performance.appeal)
          throw new UserFacingError('This performance has already been appealed. The decision is final.');
        // The Appeal button exists only once the finale is posted, a moment before the record says `done`; the
        // hearing runs in the guild's lane, after the act has finished.
        if (performance.status !== 'done' && performance.status !== 'performing')
          throw new UserFacingError('Only a finished performance can be appealed.');
      },
    );
    if (settings.reviewMode) {
      await this.options.presenter(pending).awaitAppealDecision(pending);
      return 'pending';
    }
    return this.hear(pending);
  }

  /** Review mode: a moderator grants (the censor reconsiders) or denies an appeal. */
  async decide(performanceId: string, grant: boolean, claimed?: Claimed): Promise<AppealOutcome> {
    const decided = await claimTransition(this.options.store, performanceId, grant ? 'grant' : 'deny', (current) => ({
      appeal:
        current.appeal && (grant ? { ...current.appeal, granted: true } : { ...current.appeal, outcome: 'upheld' }),
    }));
    await claimed?.(decided);
    if (grant) return this.hear(decided);
    const upheld = decided;
    await this.options.presenter(upheld).note(upheld, scriptOf(upheld).hearing.deniedByModerators);
    return 'upheld';
  }

  /**
   * Hearings that were due when the process stopped: an appeal lodged without review mode, or granted by a
   * moderator, and not yet heard. They are queued behind the acts; returned for the log.
   */
  async resume(unfinished: readonly Performance[]): Promise<Performance[]> {
    const due: Performance[] = [];
    for (const performance of unfinished.filter((p) => p.appeal?.outcome === 'pending')) {
      const { reviewMode } = await this.options.store.guilds.get(performance.guildId);
      if (performance.appeal?.granted || !reviewMode) due.push(performance);
    }
    for (const performance of due)
      this.hear(performance).catch((err: unknown) =>
        this.options.log.warn({ err, performanceId: performance.id }, 'a resumed hearing did not finish'),
      );
    return due;
  }

  /** The hearing, in the guild's lane after the act; the record is read again there (heard already: nothing). */
  private async hear(performance: Performance): Promise<AppealOutcome> {
    let outcome: AppealOutcome = 'upheld';
    await this.options.lanes.runInLane(performance.guildId, async (signal) => {
      const fresh = (await this.options.store.performances.get(performance.id)) ?? performance;
      if (fresh.appeal?.outcome !== 'pending') {
        outcome = fresh.appeal?.outcome ?? 'upheld';
        return;
      }
      const deps = await this.options.deps(fresh, signal);
      outcome = await hearInPublic(fresh, deps, {
        grounds: fresh.appeal.submitted,
        hosted: fresh.imageEngine !== 'poster',
        now: this.options.now,
      });
    });
    return outcome;
  }

  private async get(performanceId: string): Promise<Performance> {
    const performance = await this.options.store.performances.get(performanceId);
    if (!performance) throw new UserFacingError('That performance is no longer on record.');
    return performance;
  }
}
