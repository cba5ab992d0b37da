import { expect, test } from 'vitest';
import { reviewPlan } from '../../src/discord/review-plan.js';
import { submittedText } from '../../src/services/censor/pipeline.js';
import { buildFrames } from '../../src/services/show/frames.js';
import { GUILD, runSubcommand, submitBrief, untilStatus, useShows } from './harness.js';

const launch = useShows();

const KNIGHT = 'a knight with a bloody sword in a burning village, damn it';

test('pace auto: the act after a queue built up plays quicker, and the pace comes back as the queue empties', async () => {
  // Every sleep the acts ask for, by act (each act has its own abort signal); the first waits until the queue is in.
  const sleeps = new Map<AbortSignal, number[]>();
  let letGo = () => {};
  const gate = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  const show = await launch({
    sleep: async (ms, signal) => {
      sleeps.set(signal, [...(sleeps.get(signal) ?? []), ms]);
      await gate;
      signal.throwIfAborted();
    },
  });
  await runSubcommand(show, 'stage', 'config', [
    { name: 'pace', type: 3, value: 'auto' },
    { name: 'cooldown', type: 4, value: 0 },
    { name: 'max_per_member', type: 4, value: 10 },
  ]);
  await submitBrief(show, KNIGHT);
  await show.fake.waitFor(() => sleeps.size === 1, { description: 'the first act in its first frame' });
  for (let i = 0; i < 3; i++) await submitBrief(show, KNIGHT);
  letGo();
  await untilStatus(show, 4, 'done');

  // Acts 2, 3 and 4 came on stage with 2, 1 and 0 briefs behind them; act 1 with none.
  const waiting = [0, 2, 1, 0];
  const acts = [...sleeps.values()];
  expect(acts).toHaveLength(4);
  const performance = await show.store.performances.get(`${GUILD}-1`);
  const censorship = { result: performance?.result ?? never(), prompt: performance?.prompt ?? '' };
  const text = submittedText(performance?.brief ?? '', undefined);
  acts.forEach((asked, i) => {
    const planned = reviewPlan(buildFrames(text, censorship, { pace: 'auto', queued: waiting[i] })).beats;
    expect(asked).toHaveLength(planned.length);
    // The presenter sleeps what is left of each frame's delay once its post or edit is made.
    asked.forEach((ms, beat) => {
      expect(ms).toBeLessThanOrEqual(planned[beat]?.delayMs ?? 0);
      expect(ms).toBeGreaterThan((planned[beat]?.delayMs ?? 0) - 500);
    });
  });
  const total = (ms: number[] = []) => ms.reduce((a, b) => a + b, 0);
  expect(total(acts[1])).toBeLessThan(total(acts[0]) * 0.75);
  expect(total(acts[2])).toBeGreaterThan(total(acts[1]));
  expect(total(acts[3])).toBeGreaterThan(total(acts[2]));
});

function never(): never {
  throw new Error('the act left no censor result');
}
