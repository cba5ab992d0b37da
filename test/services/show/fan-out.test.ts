import { describe, expect, test } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import type { ActPresenter } from '../../../src/services/show/presenter.js';
import { FanOutPresenter } from '../../../src/services/show/presenters/fan-out.js';
import type { Performance } from '../../../src/services/store/schemas.js';

type Call = [string, string];

/** A presenter that writes down what it was asked to show, and can be told to fail. */
function recording(name: string, calls: Call[], failing = false): ActPresenter {
  const step = async (what: string, ids = {}) => {
    calls.push([name, what]);
    if (failing) throw new Error(`${name} is dark`);
    return ids;
  };
  return {
    open: () => step('open', { threadId: `${name}-thread` }),
    play: () => step('play'),
    refused: async () => void (await step('refused')),
    note: async (_p, text) => void (await step(`note ${text}`)),
    awaitRelease: async () => void (await step('awaitRelease')),
    awaitAppealDecision: async () => void (await step('awaitAppealDecision')),
    finale: (_p, _images, tally) => step(`finale ${tally.original}-${tally.censored}`),
    verdict: () => step('verdict'),
    withdraw: async () => void (await step('withdraw')),
    fail: async (_p, line) => void (await step(`fail ${line}`)),
  };
}

const performance = { id: 'g-1', number: 1 } as Performance;

describe('one act, several presenters', () => {
  test('every presenter is shown every step; the primary’s ids are kept', async () => {
    const calls: Call[] = [];
    const fan = new FanOutPresenter(recording('thread', calls), [recording('wall', calls)], silentLogger());
    expect(await fan.open(performance)).toEqual({ threadId: 'thread-thread' });
    await fan.note(performance, 'hello');
    await fan.finale(performance, {} as never, { original: 2, censored: 1 });
    expect(calls.filter(([who]) => who === 'wall').map(([, what]) => what)).toEqual([
      'open',
      'note hello',
      'finale 2-1',
    ]);
    expect(calls.filter(([who]) => who === 'thread').map(([, what]) => what)).toEqual([
      'open',
      'note hello',
      'finale 2-1',
    ]);
  });

  test('a secondary that fails is left behind; the act goes on', async () => {
    const calls: Call[] = [];
    const fan = new FanOutPresenter(recording('thread', calls), [recording('wall', calls, true)], silentLogger());
    await expect(fan.open(performance)).resolves.toEqual({ threadId: 'thread-thread' });
    await expect(fan.fail(performance, 'closed')).resolves.toBeUndefined();
  });

  test('a primary that fails ends the step, after the others were shown it', async () => {
    const calls: Call[] = [];
    const fan = new FanOutPresenter(recording('thread', calls, true), [recording('wall', calls)], silentLogger());
    await expect(fan.open(performance)).rejects.toThrow('thread is dark');
    expect(calls).toContainEqual(['wall', 'open']);
  });
});
