import { type Category, type Change, layerOf } from '../censor/types.js';
import type { Ruling } from '../store/schemas.js';

/** Categories an appeal may never reinstate while a hosted image engine draws: a real image would follow. */
export const NEVER_ON_HOSTED: readonly Category[] = ['sexual', 'nudity', 'gore', 'hate', 'self-harm'];

/**
 * A guild's appeal policy. By default an appeal reinstates only the theatre layer (the corporate satire);
 * moderators may add safety categories (`extra`), which then reinstate their redline terms. Blackout and block
 * terms are never reinstated.
 */
export interface AppealPolicy {
  extra: readonly Category[];
  /** A hosted image engine renders this act (so the categories in NEVER_ON_HOSTED stay upheld). */
  hosted: boolean;
}

/** Safety categories a moderator may not add to the policy, for an act drawn by a hosted engine or not. */
export function forbiddenExtras(extra: readonly Category[], hosted: boolean): Category[] {
  return extra.filter((category) => category === 'corporate' || (hosted && NEVER_ON_HOSTED.includes(category)));
}

export type Decision = { reinstate: true; why: string } | { reinstate: false; why: string };

/** The hearing's decision on one change, with the reason read out in the verdict. Pure. */
export function decide(change: Change, policy: AppealPolicy): Decision {
  if (change.tier === 'block') return { reinstate: false, why: 'Refused terms are not subject to appeal.' };
  if (change.tier === 'blackout') return { reinstate: false, why: 'Redacted terms are not subject to appeal.' };
  if (layerOf(change) === 'theatre')
    return { reinstate: true, why: 'On reflection, the Division’s own house style was overzealous.' };
  if (policy.hosted && NEVER_ON_HOSTED.includes(change.category))
    return { reinstate: false, why: `${change.reason} stands: not reviewable while an external studio renders.` };
  if (policy.extra.includes(change.category))
    return { reinstate: true, why: `The moderators have placed ${change.category} under review; the term may stand.` };
  return {
    reinstate: false,
    why: `${change.reason} stands: ${change.category} is outside this server’s appeal policy.`,
  };
}

/** One line of the record: redline terms are named, hidden ones never are. */
export function ruling(change: Change, why: string): Ruling {
  return {
    category: change.category,
    tier: change.tier,
    reason: why,
    ...(change.tier === 'redline' ? { term: change.from } : {}),
  };
}
