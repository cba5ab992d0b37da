import type { CensorEngineName, ImageEngineName } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { CensorModel } from '../censor/types.js';
import type { ImageModel } from '../imagery/types.js';
import type { Store } from '../store/index.js';
import type { Performance } from '../store/schemas.js';
import {
  type ActDeps,
  type ActPresenter,
  actSettings,
  endAct,
  interruptedByStore,
  performAct,
  renderFinale,
  scriptOf,
} from './act.js';
import { AfterOutage } from './after-outage.js';
import type { AppealOutcome } from './appeal-hearing.js';
import { Appeals } from './appeals.js';
import { Intake } from './intake.js';
import type { Lanes } from './lanes.js';
import { admitBrief, type Submission, type SubmitOutcome } from './submission.js';
import { claimTransition } from './transitions.js';

export type { Submission, SubmitOutcome } from './submission.js';

/** Runs once a moderator's decision has won its race, before the work it starts (to update the clicked message). */
export type Claimed = (performance: Performance) => Promise<void>;

export interface DirectorOptions {
  store: Store;
  lanes: Lanes;
  log: Logger;
  defaults: { censorEngine: CensorEngineName; imageEngine: ImageEngineName; style: string };
  censorModel(name: CensorEngineName): CensorModel;
  imageModel(name: ImageEngineName): ImageModel;
  presenter(performance: Performance): ActPresenter;
  now?: () => number;
  /** The first wait before an act cut off by a store outage is taken up again (default 1 s, doubling). */
  outageDelayMs?: number;
}

/**
 * Runs the show for every guild: takes briefs in, queues acts, and handles what the audience and the
 * moderators do afterwards. Platform-agnostic: Discord reaches it through commands and a presenter.
 */
export class Director {
  private readonly intake: Intake;
  private readonly now: () => number;
  private readonly outage: AfterOutage;
  private readonly appeals: Appeals;

  constructor(private readonly options: DirectorOptions) {
    this.now = options.now ?? Date.now;
    this.intake = new Intake(this.now);
    this.outage = new AfterOutage({
      log: options.log,
      stopped: () => options.lanes.stopped,
      ...(options.outageDelayMs ? { baseDelayMs: options.outageDelayMs } : {}),
    });
    this.appeals = new Appeals({ ...options, now: this.now, deps: (p, signal) => this.actDeps(p, signal) });
  }

  /** Saves the brief first, then refuses it (block tier) or queues it. Limits are checked before saving. */
  async submit(submission: Submission): Promise<SubmitOutcome> {
    const admitted = await admitBrief(this.options, this.intake, submission);
    if (admitted.kind === 'blocked') return admitted;
    return { kind: 'queued', performance: admitted.performance, place: this.queueAct(admitted.performance) };
  }

  /**
   * Picks up acts that were queued or on stage when the process stopped, and hearings that were due: an appeal
   * lodged without review mode, or granted by a moderator, and not yet heard. The hearings follow the acts.
   */
  async resumeUnfinished(): Promise<Performance[]> {
    const unfinished = await this.options.store.performances.listUnfinished();
    const resumed = unfinished.filter((p) => p.status === 'queued' || p.status === 'performing');
    for (const performance of resumed) this.queueAct(performance);
    // A crash between recording `awaiting-release` and posting the desk would leave no buttons: the desk is put up
    // again where it is missing.
    for (const waiting of unfinished.filter((p) => p.status === 'awaiting-release'))
      this.options.lanes
        .runInLane(waiting.guildId, () => this.options.presenter(waiting).awaitRelease(waiting))
        .catch((err: unknown) =>
          this.options.log.warn({ err, performanceId: waiting.id }, 'could not put up the desk'),
        );
    const hearings = await this.appeals.resume(unfinished);
    if (resumed.length || hearings.length)
      this.options.log.info({ count: resumed.length, hearings: hearings.length }, 'resumed unfinished performances');
    return resumed;
  }

  status(guildId: string) {
    return this.options.lanes.status(guildId);
  }

  async skip(guildId: string): Promise<string | undefined> {
    return this.options.lanes.skip(guildId);
  }

  /** Clears the queue; the cleared acts are marked skipped in the store so a restart does not bring them back. */
  async clear(guildId: string): Promise<number> {
    const cleared = this.options.lanes.clear(guildId);
    for (const id of cleared) this.intake.release(id);
    for (const id of cleared)
      await this.options.store.performances.update(id, { status: 'skipped', note: 'cleared from the queue' });
    return cleared.length;
  }

  /**
   * Review mode: a moderator releases an approved prompt; its image is rendered in the guild's lane. `claimed`
   * runs once the release has won (a racing veto is refused), before the image is drawn.
   */
  async release(performanceId: string, claimed?: Claimed): Promise<Performance> {
    const performance = await claimTransition(this.options.store, performanceId, 'release', { status: 'performing' });
    await claimed?.(performance);
    return this.finishRelease(performance);
  }

  /** The released finale, in the guild's lane; taken up again when a store outage cuts it off. */
  private async finishRelease(performance: Performance): Promise<Performance> {
    let finished = performance;
    const key = `release:${performance.id}`;
    await this.options.lanes.runInLane(performance.guildId, async (signal) => {
      let deps: ActDeps | undefined;
      try {
        deps = await this.actDeps(performance, signal);
        finished = await renderFinale(performance, deps);
        this.outage.done(key);
      } catch (err) {
        if (interruptedByStore(err, signal)) {
          this.outage.schedule(key, () => void this.finishRelease(performance));
          return;
        }
        if (!deps) throw err;
        finished = await endAct(performance, deps, err);
      }
    });
    return finished;
  }

  /** Review mode: a moderator vetoes an approved prompt; nothing is rendered. */
  async veto(performanceId: string, claimed?: Claimed): Promise<Performance> {
    const vetoed = await claimTransition(this.options.store, performanceId, 'veto', { status: 'vetoed' });
    await claimed?.(vetoed);
    await this.options.presenter(vetoed).note(vetoed, scriptOf(vetoed).act.vetoed);
    return vetoed;
  }

  /** The author's one appeal (see Appeals.lodge). */
  appeal(performanceId: string, userId: string, grounds?: string): Promise<'pending' | AppealOutcome> {
    return this.appeals.lodge(performanceId, userId, grounds);
  }

  /** Review mode: a moderator grants (the censor reconsiders) or denies an appeal. */
  decideAppeal(performanceId: string, grant: boolean, claimed?: Claimed): Promise<AppealOutcome> {
    return this.appeals.decide(performanceId, grant, claimed);
  }

  /**
   * Withdraws a performance: every message of the act is removed and its thread closed; the record (brief
   * included) stays for the moderators.
   */
  async withdraw(performanceId: string, moderatorId: string): Promise<Performance> {
    const removed = await claimTransition(this.options.store, performanceId, 'withdraw', {
      status: 'removed',
      note: `withdrawn by ${moderatorId}`,
    });
    await this.options.presenter(removed).withdraw(removed);
    return removed;
  }

  private queueAct(performance: Performance): number {
    this.intake.track(performance.id, { guildId: performance.guildId, authorId: performance.authorId });
    const key = `act:${performance.id}`;
    return this.options.lanes.enqueueAct(performance.guildId, performance.id, async (signal) => {
      try {
        const fresh = (await this.options.store.performances.get(performance.id)) ?? performance;
        if (fresh.status !== 'queued' && fresh.status !== 'performing') return;
        await performAct(fresh, await this.actDeps(fresh, signal));
        this.outage.done(key);
      } catch (err) {
        // Cut off by the store: the record still says queued or performing, and the act goes on stage again.
        if (!interruptedByStore(err, signal)) throw err;
        this.outage.schedule(key, () => this.queueAct(performance));
      } finally {
        this.intake.release(performance.id);
      }
    });
  }

  private async actDeps(performance: Performance, signal: AbortSignal): Promise<ActDeps> {
    const settings = await this.options.store.guilds.get(performance.guildId);
    // The briefs waiting behind this one as it comes on stage: what `auto` pace plays quicker for.
    const queued = this.options.lanes.status(performance.guildId).queued.length;
    return {
      store: this.options.store,
      log: this.options.log,
      censor: this.options.censorModel(performance.censorEngine),
      checker: this.options.censorModel('lexicon'),
      image: this.options.imageModel(performance.imageEngine),
      presenter: this.options.presenter(performance),
      settings: actSettings(settings, performance.imageEngine, queued),
      signal,
    };
  }
}
