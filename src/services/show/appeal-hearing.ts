import type { Performance } from '../store/schemas.js';
import { type ActDeps, reconsider } from './act.js';
import { buildFrames } from './frames.js';

export type AppealOutcome = 'upheld' | 'overturned';

/**
 * The appeal heard in public: the censor takes its second, reconsidering pass, the frames play again in the
 * thread, and the verdict is posted. Overturned when the approved prompt changes.
 */
export async function hearAppeal(performance: Performance, deps: ActDeps, now: () => number): Promise<AppealOutcome> {
  const { presenter, signal, store } = deps;
  const second = await reconsider(performance, deps);
  await presenter.note(performance, 'The Content Standards Division is reconsidering this brief on appeal.');
  await presenter.play(performance, buildFrames(performance.brief, second, { pace: deps.settings.pace }), signal);
  const outcome: AppealOutcome = second.prompt !== performance.prompt ? 'overturned' : 'upheld';
  const updated = await store.performances.update(performance.id, {
    appeal: {
      at: performance.appeal?.at ?? new Date(now()).toISOString(),
      outcome,
      result: second.result,
      prompt: second.prompt,
    },
  });
  await presenter.note(
    updated,
    outcome === 'overturned'
      ? `Appeal granted in part. Reinstated language has been approved: “${second.result.censored}”.`
      : 'Appeal denied. On reflection, the original decision stands.',
  );
  return outcome;
}
