import { describe, expect, test } from 'vitest';
import { emptyState, reduce, type WallEvent, type WallState } from '../../src/wall/state.js';

const G = 'g';
const frame = (stage: 'received' | 'approved') => ({ stage, title: stage, segments: [], notes: [] });
const tally = { original: 2, censored: 1 };
const act: WallEvent = { type: 'act', performanceId: 'g-1', number: 1, brief: [], queue: [2, 3] };

function fold(events: WallEvent[], now = 1000): WallState {
  return events.reduce((state, event) => reduce(state, event, now), emptyState(G));
}

describe('the wall state', () => {
  test.each<[string, WallEvent[], Partial<WallState> | ((s: WallState) => unknown), unknown]>([
    ['an act opens with its queue', [act], (s) => [s.act?.number, s.queue], [1, [2, 3]]],
    [
      'a frame replaces the one on stage',
      [
        act,
        { type: 'frame', performanceId: 'g-1', index: 0, frame: frame('received') },
        { type: 'frame', performanceId: 'g-1', index: 1, frame: frame('approved') },
      ],
      (s) => [s.act?.frameIndex, s.act?.frame?.stage],
      [1, 'approved'],
    ],
    [
      'a frame of another act is ignored',
      [act, { type: 'frame', performanceId: 'g-9', index: 0, frame: frame('received') }],
      (s) => [s.seq, s.act?.frame],
      [1, undefined],
    ],
    [
      'the finale ends the act and records when',
      [act, { type: 'finale', performanceId: 'g-1', prompt: 'p', original: [], poster: '/x', tally, queue: [3] }],
      (s) => [s.act?.finale?.prompt, s.act?.endedAt, s.queue],
      ['p', 1000, [3]],
    ],
    [
      'a vote moves the finale’s tally',
      [
        act,
        { type: 'finale', performanceId: 'g-1', prompt: 'p', original: [], poster: '/x', tally, queue: [] },
        { type: 'tally', performanceId: 'g-1', tally: { original: 3, censored: 1 } },
      ],
      (s) => s.act?.finale?.tally,
      { original: 3, censored: 1 },
    ],
    [
      'a vote before the finale changes nothing',
      [act, { type: 'tally', performanceId: 'g-1', tally }],
      (s) => [s.seq, s.act?.finale],
      [1, undefined],
    ],
    [
      'only the latest three notes stay',
      [act, ...['a', 'b', 'c', 'd'].map((text): WallEvent => ({ type: 'note', performanceId: 'g-1', text }))],
      (s) => s.act?.notes,
      ['b', 'c', 'd'],
    ],
    [
      'a failure closes the act',
      [act, { type: 'fail', performanceId: 'g-1', text: 'closed', queue: [] }],
      (s) => [s.act?.failed, s.act?.endedAt],
      ['closed', 1000],
    ],
    [
      'a withdrawn act leaves the stage and is remembered for the idle loop',
      [act, { type: 'withdraw', performanceId: 'g-1', number: 1 }],
      (s) => [s.act, s.withdrawn],
      [undefined, [1]],
    ],
    ['the queue alone updates', [{ type: 'queue', queue: [4] }], (s) => [s.seq, s.queue], [1, [4]]],
  ])('%s', (_name, events, pick, expected) => {
    expect((pick as (s: WallState) => unknown)(fold(events))).toEqual(expected);
  });
});
