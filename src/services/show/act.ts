import type { ImageEngineName } from '../../config.js';
import type { Logger } from '../../logger.js';
import {
  type Censorship,
  censorBrief,
  censorshipOf,
  lexiconKey,
  originalSubmission,
  recheckPrompt,
  submittedText,
} from '../censor/pipeline.js';
import type { Category, CensorModel, LexiconOverrides } from '../censor/types.js';
import type { ImageModel } from '../imagery/types.js';
import { type Script, scriptFor } from '../script/voices.js';
import { isStoreUnavailable, type PerformancePatch, type Store } from '../store/index.js';
import type { GuildSettings, Performance } from '../store/schemas.js';
import { buildFrames } from './frames.js';
import { fallbackNote } from './notes.js';
import type { Pace } from './pace.js';
import type { ActPresenter } from './presenter.js';
import { refusal } from './transitions.js';

export type { ActPresenter, AppealVerdict, FinaleImages, OpenOptions, PlayOptions } from './presenter.js';

export interface ActSettings {
  pace: Pace;
  /** Briefs waiting behind the act as it came on stage, for `auto` pace (default 0). */
  queued?: number;
  reviewMode: boolean;
  /** Render the original submission too (already off for a hosted engine unless a moderator enabled it). */
  renderOriginal: boolean;
  overrides?: LexiconOverrides;
  /** The theatre layer fires (default true). */
  satire?: boolean;
  /** Safety categories an appeal may reinstate; see appeal-policy.ts. */
  appealCategories?: readonly Category[];
  /** The image seed (default: the performance number, so a poster can be drawn again identically). */
  seed?: number;
}

/**
 * The act's settings from the guild's and its queue: the original is drawn by a hosted engine only when a
 * moderator allowed it.
 */
export function actSettings(settings: GuildSettings, imageEngine: ImageEngineName, queued = 0): ActSettings {
  return {
    pace: settings.pace,
    queued,
    reviewMode: settings.reviewMode,
    renderOriginal: settings.renderOriginal && (imageEngine === 'poster' || settings.originalOnHosted),
    overrides: settings.lexicon,
    satire: settings.satire,
    appealCategories: settings.appealCategories,
  };
}

export interface ActDeps {
  store: Store;
  log: Logger;
  censor: CensorModel;
  /** The embedded censor, for re-checks of stored text and the appeal's grounds (default: `censor`). */
  checker?: CensorModel;
  image: ImageModel;
  presenter: ActPresenter;
  settings: ActSettings;
  signal: AbortSignal;
}

/** The voice a performance is played in, chosen when it was submitted. */
export const scriptOf = (performance: Pick<Performance, 'voice'>): Script => scriptFor(performance.voice);

/** A moderator withdrew the performance while its act ran: the act stops, and nothing it posted stays. */
export class ActWithdrawn extends Error {
  override name = 'ActWithdrawn';
}

/** An act's write to its record, refused once the performance was withdrawn (the withdraw is never overwritten). */
function save(store: Store, id: string, patch: PerformancePatch): Promise<Performance> {
  return store.performances.update(id, patch, (current) => {
    if (refusal('act', current)) throw new ActWithdrawn(`performance ${id} was withdrawn during its act`);
  });
}

/**
 * The censor's pass over a performance's brief and the member's style, with the guild's lexicon and layers. The
 * embedded censor's scan at intake is that pass already when the guild's lexicon has not changed since.
 */
export async function censorAct(
  performance: Performance,
  deps: Pick<ActDeps, 'censor' | 'settings' | 'signal'>,
): Promise<Censorship> {
  const key = lexiconKey({ overrides: deps.settings.overrides, satire: deps.settings.satire });
  const scan = performance.result;
  if (deps.censor.name === 'lexicon' && scan?.engine === 'lexicon' && performance.scannedWith === key)
    return censorshipOf(scan, performance.style);
  return censorBrief(deps.censor, {
    brief: performance.brief,
    memberStyle: performance.memberStyle,
    style: performance.style,
    overrides: deps.settings.overrides,
    satire: deps.settings.satire ?? true,
    signal: deps.signal,
  });
}

/** The censorship a record holds, passed again through the censor before anything is rendered from it. */
export async function storedCensorship(performance: Performance, deps: ActDeps): Promise<Censorship> {
  const result = performance.result;
  if (!result) throw new Error(`performance ${performance.id} has no censor result to render`);
  const prompt = await recheckPrompt(deps.checker ?? deps.censor, performance.prompt ?? '', {
    overrides: deps.settings.overrides,
    signal: deps.signal,
  });
  return { result, prompt };
}

/**
 * Performs one act from the censor's pass to the finale (or to the moderators' desk in review mode). Every
 * failure ends the act visibly, in character, and is logged; the returned record is what the store holds. A store
 * that stayed unavailable is thrown instead: the act is unfinished, not failed, and is taken up again.
 */
export async function performAct(performance: Performance, deps: ActDeps): Promise<Performance> {
  const { store, presenter, signal } = deps;
  // Still queued: no earlier attempt began, so nothing of this act can be on stage yet.
  const firstAttempt = performance.status === 'queued';
  let current = await save(store, performance.id, { status: 'performing' });
  // Each step writes what it changed, and a step that changed nothing writes nothing.
  const record = async (patch: PerformancePatch) => {
    const changed = Object.entries(patch).filter(([field, value]) => current[field as keyof Performance] !== value);
    return changed.length ? save(store, current.id, Object.fromEntries(changed)) : current;
  };
  try {
    const censorship = await censorAct(current, deps);
    signal.throwIfAborted();
    const text = submittedText(current.brief, current.memberStyle);
    const { pace, queued } = deps.settings;
    const frames = buildFrames(text, censorship, { pace, queued, script: scriptOf(current) });
    if (censorship.result.verdict === 'block') {
      // A guild term added after submission can block at performance time; the brief is still never shown.
      await presenter.refused(current, frames, signal);
      return await record({ status: 'blocked', result: censorship.result, prompt: '' });
    }
    const censored = { result: censorship.result, prompt: censorship.prompt };
    // The censorship is saved with the ids the opening hands back (a thread): one write for the step.
    current = await record({ ...censored, ...(await presenter.open({ ...current, ...censored }, { firstAttempt })) });
    const note = fallbackNote(
      { censor: current.censorEngine },
      { censor: censorship.result.engine },
      scriptOf(current),
    );
    if (note) await presenter.note(current, note);
    // The review message's id is saved right after its first post, not after the last frame.
    const remember = async (ids: PerformancePatch) => {
      current = await record(ids);
    };
    current = await record(await presenter.play(current, frames, signal, { remember }));
    if (deps.settings.reviewMode) {
      current = await save(store, current.id, { status: 'awaiting-release' });
      await presenter.awaitRelease(current, frames.at(-1));
      return current;
    }
    return await renderFinale(current, deps, censorship);
  } catch (err) {
    if (interruptedByStore(err, signal)) throw err;
    return endAct(current, deps, err);
  }
}

/** The store stayed unavailable for longer than a call waits: the act was cut off, through no fault of its own. */
export function interruptedByStore(err: unknown, signal: AbortSignal): boolean {
  return isStoreUnavailable(err) && !signal.aborted;
}

/**
 * Renders the approved prompt (and the original submission, redacted, if asked) and stages the finale. A
 * release in review mode has no censorship in hand: the stored prompt is passed through the censor again.
 */
export async function renderFinale(
  performance: Performance,
  deps: ActDeps,
  censorship?: Censorship,
): Promise<Performance> {
  const { store, presenter, signal } = deps;
  const passed = censorship ?? (await storedCensorship(performance, deps));
  const seed = deps.settings.seed ?? performance.number;
  const request = { performanceNumber: performance.number, seed, voice: performance.voice, signal };
  const censored = await deps.image.render({ ...request, prompt: passed.prompt });
  const text = submittedText(performance.brief, performance.memberStyle);
  const originalPrompt = deps.settings.renderOriginal ? originalSubmission(text, passed) : undefined;
  const original = originalPrompt
    ? await deps.image.render({ ...request, prompt: originalPrompt, label: 'original' })
    : undefined;
  signal.throwIfAborted();
  const note = fallbackNote(
    { censor: performance.censorEngine, image: performance.imageEngine },
    { image: censored.engine },
    scriptOf(performance),
  );
  if (note) await presenter.note(performance, note);
  const tally = await store.votes.tally(performance.id);
  const ids = await presenter.finale(performance, { censored, original }, tally);
  return save(store, performance.id, { ...ids, status: 'done' });
}

/** Ends an act that threw: skipped by a moderator, or failed. Never throws itself. */
export async function endAct(
  performance: Performance,
  deps: Pick<ActDeps, 'store' | 'presenter' | 'log' | 'signal'>,
  err: unknown,
): Promise<Performance> {
  // A shutdown is not the act's fault: it stays `performing` and the next start resumes it in the same thread.
  if (deps.signal.aborted && deps.signal.reason === 'shutdown') return performance;
  if (err instanceof ActWithdrawn) {
    // The withdraw cleared the thread while the act was posting: clear what came after it too.
    await deps.presenter
      .withdraw(performance)
      .catch((withdrawErr: unknown) =>
        deps.log.warn({ err: withdrawErr, performanceId: performance.id }, 'could not tidy'),
      );
    return (await deps.store.performances.get(performance.id)) ?? performance;
  }
  const skipped = deps.signal.aborted && deps.signal.reason === 'skip';
  const lines = scriptOf(performance).act;
  const line = skipped ? lines.skipped : lines.failure;
  if (!skipped) deps.log.error({ err, performanceId: performance.id, guildId: performance.guildId }, 'act failed');
  try {
    await deps.presenter.fail(performance, line);
  } catch (presentErr) {
    deps.log.warn({ err: presentErr, performanceId: performance.id }, 'could not show the failure line');
  }
  return deps.store.performances.update(performance.id, {
    status: skipped ? 'skipped' : 'failed',
    note: skipped ? lines.skipped : ((err as Error)?.message ?? String(err)),
  });
}
