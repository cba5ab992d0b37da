import { describe, expect, test } from 'vitest';
import type { Category, Change, Tier } from '../../../src/services/censor/types.js';
import { decide, forbiddenExtras, ruling } from '../../../src/services/show/appeal-policy.js';

const change = (category: Category, tier: Tier = 'redline', layer?: 'safety' | 'theatre'): Change => ({
  start: 0,
  end: 5,
  from: 'thing',
  to: 'asset',
  category,
  tier,
  reason: `Policy — ${category}`,
  ...(layer ? { layer } : {}),
});

describe('the appeal policy, per change', () => {
  test.each([
    ['a corporate term (theatre by default)', change('corporate'), [], false, true],
    [
      'a safety-category term marked theatre (satirical over-reach)',
      change('drugs', 'redline', 'theatre'),
      [],
      false,
      true,
    ],
    ['a weapon, by default', change('weapons'), [], false, false],
    ['a weapon, when moderators added weapons', change('weapons'), ['weapons'], false, true],
    ['profanity added, redline', change('profanity'), ['profanity'], true, true],
    ['profanity added, but blackout', change('profanity', 'blackout'), ['profanity'], false, false],
    ['a block term, whatever the policy', change('violence', 'block'), ['violence'], false, false],
    ['gore added, poster engine', change('gore'), ['gore'], false, true],
    ['gore added, hosted engine', change('gore'), ['gore'], true, false],
    ['nudity added, hosted engine', change('nudity'), ['nudity'], true, false],
    ['sexual added, hosted engine', change('sexual'), ['sexual'], true, false],
    ['hate added, hosted engine', change('hate'), ['hate'], true, false],
    ['self-harm added, hosted engine', change('self-harm'), ['self-harm'], true, false],
    ['a theatre blackout term', change('corporate', 'blackout'), [], false, false],
  ] as const)('%s', (_name, c, extra, hosted, reinstated) => {
    const decision = decide(c, { extra, hosted });
    expect(decision.reinstate).toBe(reinstated);
    expect(decision.why.length).toBeGreaterThan(10);
  });

  test('moderators may not add corporate, nor the hosted-forbidden categories with a hosted engine', () => {
    expect(forbiddenExtras(['weapons', 'gore', 'nudity'], false)).toEqual([]);
    expect(forbiddenExtras(['weapons', 'gore', 'nudity'], true)).toEqual(['gore', 'nudity']);
    expect(forbiddenExtras(['corporate'], false)).toEqual(['corporate']);
  });

  test('a ruling names redline terms only', () => {
    expect(ruling(change('weapons'), 'why').term).toBe('thing');
    expect(ruling(change('profanity', 'blackout'), 'why').term).toBeUndefined();
  });
});
