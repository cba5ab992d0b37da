import type { Logger } from '../../logger.js';
import { type Censorship, censorBrief } from '../censor/pipeline.js';
import type { CensorModel, LexiconOverrides, Stance } from '../censor/types.js';
import type { ImageModel, RenderedImage } from '../imagery/types.js';
import type { Store } from '../store/index.js';
import type { Performance } from '../store/schemas.js';
import { buildFrames, type Frame } from './frames.js';
import { fallbackNote } from './notes.js';

/** The images of a finale: the approved prompt's, and the original brief's when a moderator asked for both. */
export interface FinaleImages {
  censored: RenderedImage;
  original?: RenderedImage;
}

/**
 * Where an act is shown: a Discord thread, or a terminal. The act decides what happens and when; the
 * presenter only shows it. Each method returns the ids it wants remembered for a restart.
 */
export interface ActPresenter {
  open(performance: Performance): Promise<Partial<Performance>>;
  play(performance: Performance, frames: Frame[], signal: AbortSignal): Promise<Partial<Performance>>;
  note(performance: Performance, text: string): Promise<void>;
  awaitRelease(performance: Performance): Promise<void>;
  awaitAppealDecision(performance: Performance): Promise<void>;
  finale(performance: Performance, images: FinaleImages): Promise<Partial<Performance>>;
  fail(performance: Performance, message: string): Promise<void>;
}

export interface ActSettings {
  pace: number;
  reviewMode: boolean;
  renderOriginal: boolean;
  overrides?: LexiconOverrides;
}

export interface ActDeps {
  store: Store;
  log: Logger;
  censor: CensorModel;
  image: ImageModel;
  presenter: ActPresenter;
  settings: ActSettings;
  signal: AbortSignal;
}

/** The line the audience reads when an act cannot go on. In character; the log has the why. */
export const FAILURE_LINE =
  'The Content Standards Division has experienced an unscheduled synergy event. This performance is closed; thank you for your patience.';
export const SKIPPED_LINE = 'This performance has been deprioritised by management.';

async function censorAct(performance: Performance, deps: ActDeps, stance: Stance): Promise<Censorship> {
  return censorBrief(deps.censor, {
    brief: performance.brief,
    style: performance.style,
    stance,
    overrides: deps.settings.overrides,
    signal: deps.signal,
  });
}

/**
 * Performs one act from the censor's pass to the finale (or to the moderators' desk in review mode). Every
 * failure ends the act visibly, in character, and is logged; the returned record is what the store holds.
 */
export async function performAct(performance: Performance, deps: ActDeps): Promise<Performance> {
  const { store, presenter, signal } = deps;
  let current = await store.performances.update(performance.id, { status: 'performing' });
  try {
    const censorship = await censorAct(current, deps, 'standard');
    signal.throwIfAborted();
    if (censorship.result.verdict === 'block') {
      // A guild term added after submission can block at performance time; the brief is still never shown.
      return await store.performances.update(current.id, { status: 'blocked', result: censorship.result, prompt: '' });
    }
    current = await store.performances.update(current.id, { result: censorship.result, prompt: censorship.prompt });
    current = await store.performances.update(current.id, await presenter.open(current));
    const note = fallbackNote({ censor: current.censorEngine }, { censor: censorship.result.engine });
    if (note) await presenter.note(current, note);
    const frames = buildFrames(current.brief, censorship, { pace: deps.settings.pace });
    current = await store.performances.update(current.id, await presenter.play(current, frames, signal));
    if (deps.settings.reviewMode) {
      current = await store.performances.update(current.id, { status: 'awaiting-release' });
      await presenter.awaitRelease(current);
      return current;
    }
    return await renderFinale(current, deps);
  } catch (err) {
    return endAct(current, deps, err);
  }
}

/** Renders the approved prompt (and the original, if asked) and stages the finale. */
export async function renderFinale(performance: Performance, deps: ActDeps): Promise<Performance> {
  const { store, presenter, signal } = deps;
  const prompt = performance.prompt ?? '';
  const request = { performanceNumber: performance.number, seed: performance.number, signal };
  const censored = await deps.image.render({ ...request, prompt });
  const original = deps.settings.renderOriginal
    ? await deps.image.render({ ...request, prompt: `${performance.brief}, ${performance.style}` })
    : undefined;
  signal.throwIfAborted();
  const note = fallbackNote(
    { censor: performance.censorEngine, image: performance.imageEngine },
    { image: censored.engine },
  );
  if (note) await presenter.note(performance, note);
  const ids = await presenter.finale(performance, { censored, original });
  return store.performances.update(performance.id, { ...ids, status: 'done' });
}

/** Ends an act that threw: skipped by a moderator, or failed. Never throws itself. */
export async function endAct(
  performance: Performance,
  deps: Pick<ActDeps, 'store' | 'presenter' | 'log' | 'signal'>,
  err: unknown,
): Promise<Performance> {
  // A shutdown is not the act's fault: it stays `performing` and the next start resumes it in the same thread.
  if (deps.signal.aborted && deps.signal.reason === 'shutdown') return performance;
  const skipped = deps.signal.aborted && deps.signal.reason === 'skip';
  const line = skipped ? SKIPPED_LINE : FAILURE_LINE;
  if (!skipped) deps.log.error({ err, performanceId: performance.id, guildId: performance.guildId }, 'act failed');
  try {
    await deps.presenter.fail(performance, line);
  } catch (presentErr) {
    deps.log.warn({ err: presentErr, performanceId: performance.id }, 'could not show the failure line');
  }
  return deps.store.performances.update(performance.id, {
    status: skipped ? 'skipped' : 'failed',
    note: skipped ? SKIPPED_LINE : ((err as Error)?.message ?? String(err)),
  });
}

/** The appeal: a second pass with the reconsidering stance, returning the new censorship. */
export async function reconsider(performance: Performance, deps: ActDeps): Promise<Censorship> {
  return censorAct(performance, deps, 'reconsider');
}
