import { describe, expect, test } from 'vitest';
import { refusal, TRANSITION_LINES, type Transition } from '../../../src/services/show/transitions.js';
import type { Performance } from '../../../src/services/store/index.js';
import { newPerformance } from '../store/helpers.js';

const at = '2026-01-01T00:00:00.000Z';
const record = (patch: Partial<Performance>): Performance =>
  ({ ...newPerformance(), id: 'g-1', number: 1, createdAt: at, updatedAt: at, ...patch }) as Performance;
const pending = { at, outcome: 'pending' } as const;

describe('one transition at a time', () => {
  test.each<[Transition, Partial<Performance>, string | undefined]>([
    ['release', { status: 'awaiting-release' }, undefined],
    ['release', { status: 'performing' }, TRANSITION_LINES.notAwaitingRelease],
    ['veto', { status: 'vetoed' }, TRANSITION_LINES.notAwaitingRelease],
    ['veto', { status: 'awaiting-release' }, undefined],
    ['grant', { status: 'done', appeal: pending }, undefined],
    ['deny', { status: 'done', appeal: { ...pending, granted: true } }, TRANSITION_LINES.noPendingAppeal],
    ['deny', { status: 'done', appeal: { at, outcome: 'upheld' } }, TRANSITION_LINES.noPendingAppeal],
    ['grant', { status: 'removed', appeal: pending }, TRANSITION_LINES.withdrawn],
    ['withdraw', { status: 'performing' }, undefined],
    ['withdraw', { status: 'removed' }, TRANSITION_LINES.alreadyWithdrawn],
    ['act', { status: 'performing' }, undefined],
    ['act', { status: 'removed' }, TRANSITION_LINES.withdrawn],
  ])('%s on %o', (transition, patch, expected) => {
    expect(refusal(transition, record(patch))).toBe(expected);
  });
});
