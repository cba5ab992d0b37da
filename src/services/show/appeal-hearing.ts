import { censorBrief, reinstate, submittedText } from '../censor/pipeline.js';
import type { Performance } from '../store/schemas.js';
import { type ActDeps, scriptOf, storedCensorship } from './act.js';
import { type AppealPolicy, decide, ruling } from './appeal-policy.js';
import { buildFrames } from './frames.js';
import type { AppealVerdict } from './presenter.js';

export type AppealOutcome = 'upheld' | 'overturned';

export interface HearingOptions {
  /** The author's grounds as typed; they are censored before they are stored or shown. */
  grounds?: string;
  /** A hosted image engine renders this act (see appeal-policy.ts). */
  hosted: boolean;
  now: () => number;
}

/** The grounds as the censor passes them; a block term withholds them entirely. */
async function censoredGrounds(
  performance: Performance,
  grounds: string | undefined,
  deps: ActDeps,
): Promise<string | undefined> {
  if (!grounds) return undefined;
  const { result } = await censorBrief(deps.checker ?? deps.censor, {
    brief: grounds,
    style: '',
    overrides: deps.settings.overrides,
    satire: deps.settings.satire ?? true,
    signal: deps.signal,
  });
  return result.verdict === 'block' ? scriptOf(performance).hearing.groundsWithheld : result.censored;
}

/**
 * The appeal heard in public: the censor reconsiders each change under the guild's appeal policy, the verdict
 * lists what was reinstated and what was upheld (each with its reason), and a won appeal renders the Appeal Cut
 * beside the first image. Blackout and block terms are never reinstated.
 */
export async function hearAppeal(performance: Performance, deps: ActDeps, options: HearingOptions) {
  const { presenter, signal, store } = deps;
  const grounds = await censoredGrounds(performance, options.grounds, deps);
  const first = await storedCensorship(performance, deps);
  const policy: AppealPolicy = { extra: deps.settings.appealCategories ?? [], hosted: options.hosted };
  const decisions = first.result.changes.map((change) => ({ change, decision: decide(change, policy) }));
  const text = submittedText(performance.brief, performance.memberStyle);
  const second = reinstate(text, first, performance.style, (change) => !decide(change, policy).reinstate);
  const outcome: AppealOutcome = second.prompt !== first.prompt ? 'overturned' : 'upheld';
  const verdict: AppealVerdict = {
    outcome,
    ...(grounds ? { grounds } : {}),
    reinstated: decisions.filter((d) => d.decision.reinstate).map((d) => ruling(d.change, d.decision.why)),
    upheld: decisions.filter((d) => !d.decision.reinstate).map((d) => ruling(d.change, d.decision.why)),
    prompt: second.prompt,
  };
  await presenter.note(performance, scriptOf(performance).hearing.reconsidering);
  if (outcome === 'overturned')
    await presenter.play(
      performance,
      buildFrames(text, second, { pace: deps.settings.pace, script: scriptOf(performance) }),
      signal,
      { part: 'appeal' },
    );
  const image =
    outcome === 'overturned'
      ? await deps.image.render({
          prompt: second.prompt,
          performanceNumber: performance.number,
          seed: performance.number,
          voice: performance.voice,
          label: 'appeal',
          signal,
        })
      : undefined;
  signal.throwIfAborted();
  const heard = await store.performances.update(performance.id, {
    appeal: {
      at: performance.appeal?.at ?? new Date(options.now()).toISOString(),
      outcome,
      ...(grounds ? { grounds } : {}),
      result: second.result,
      prompt: second.prompt,
      reinstated: verdict.reinstated,
      upheld: verdict.upheld,
    },
  });
  const ids = await presenter.verdict(heard, verdict, image);
  const messageId = ids.appeal?.messageId;
  if (messageId && heard.appeal) {
    await store.performances.update(performance.id, { appeal: { ...heard.appeal, messageId } });
  }
  return outcome;
}

/**
 * The hearing: one that fails is closed in character, the appeal upheld, the act still `done`. Only a shutdown is
 * thrown, the appeal left pending for the next start.
 */
export async function hearInPublic(
  performance: Performance,
  deps: ActDeps,
  options: HearingOptions,
): Promise<AppealOutcome> {
  try {
    return await hearAppeal(performance, deps, options);
  } catch (err) {
    // Cut off by a shutdown: the appeal stays pending, and the next start hears it (see Appeals.resume).
    if (deps.signal.aborted && deps.signal.reason === 'shutdown') throw err;
    deps.log.error({ err, performanceId: performance.id, guildId: performance.guildId }, 'appeal hearing failed');
    await deps.presenter.note(performance, scriptOf(performance).hearing.failed).catch((noteErr: unknown) => {
      deps.log.warn({ err: noteErr, performanceId: performance.id }, 'could not show the hearing’s failure line');
    });
    const current = await deps.store.performances.get(performance.id);
    if (current?.appeal) {
      const { submitted: _typed, ...closed } = current.appeal;
      await deps.store.performances.update(performance.id, { appeal: { ...closed, outcome: 'upheld' } });
    }
    return 'upheld';
  }
}
