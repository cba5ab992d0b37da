import { UserFacingError } from '../../errors.js';
import type { PerformancePatch, Store } from '../store/index.js';
import type { Performance } from '../store/schemas.js';

/**
 * What may happen to a performance, one at a time. Each transition is checked against the record under its key
 * lock and written in the same step (compare-and-set), so of two racing clicks exactly one wins; the loser is
 * told why in the lines below.
 */
export type Transition = 'release' | 'veto' | 'grant' | 'deny' | 'withdraw' | 'act';

/** The lines a click that lost the race (or came too late) reads. Kept here, in one place, to move to the script. */
export const TRANSITION_LINES = {
  notAwaitingRelease: 'This prompt is no longer awaiting release: another decision was minuted first.',
  noPendingAppeal: 'There is no pending appeal on this performance: it has already been decided.',
  alreadyWithdrawn: 'This performance has already been withdrawn.',
  withdrawn: 'This performance has been withdrawn.',
} as const;

/** Why `transition` may not happen to the record as it stands; undefined when it may. */
export function refusal(transition: Transition, performance: Performance): string | undefined {
  switch (transition) {
    case 'release':
    case 'veto':
      return performance.status === 'awaiting-release' ? undefined : TRANSITION_LINES.notAwaitingRelease;
    case 'grant':
    case 'deny':
      if (performance.status === 'removed') return TRANSITION_LINES.withdrawn;
      return performance.appeal?.outcome === 'pending' && !performance.appeal.granted
        ? undefined
        : TRANSITION_LINES.noPendingAppeal;
    case 'withdraw':
      return performance.status === 'removed' ? TRANSITION_LINES.alreadyWithdrawn : undefined;
    case 'act':
      // An act's own steps go on only while nobody withdrew it (a skip or a veto arrives through the stage).
      return performance.status === 'removed' ? TRANSITION_LINES.withdrawn : undefined;
  }
}

/** One transition, compare-and-set under the record's lock: the loser of a race is refused with its line. */
export async function claimTransition(
  store: Store,
  performanceId: string,
  transition: Transition,
  patch: PerformancePatch | ((current: Performance) => PerformancePatch),
): Promise<Performance> {
  if (!(await store.performances.get(performanceId)))
    throw new UserFacingError('That performance is no longer on record.');
  return store.performances.update(performanceId, patch, (current) => {
    const why = refusal(transition, current);
    if (why) throw new UserFacingError(why);
  });
}
