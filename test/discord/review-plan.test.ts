import { describe, expect, test } from 'vitest';
import { briefHeader, reviewPlan } from '../../src/discord/review-plan.js';
import type { Change } from '../../src/services/censor/types.js';
import { buildFrames, maskedBrief } from '../../src/services/show/frames.js';
import type { Performance } from '../../src/services/store/schemas.js';

const brief = 'a knight with a sword and a damn horse';
const changes: Change[] = [
  {
    start: 16,
    end: 21,
    from: 'sword',
    to: 'ceremonial implement',
    category: 'weapons',
    tier: 'redline',
    reason: 'Weapons',
  },
  { start: 28, end: 32, from: 'damn', to: 'valued', category: 'profanity', tier: 'blackout', reason: 'Language' },
];
const censored = 'a knight with a ceremonial implement and a valued horse';
const frames = buildFrames(
  brief,
  { result: { verdict: 'rewrite', censored, changes, engine: 'lexicon' }, prompt: `${censored}, flat` },
  { pace: 1 },
);

describe('reviewPlan', () => {
  const plan = reviewPlan(frames);

  test('one call per frame between the brief as received and the approval: scanning, then each strike and each replacement', () => {
    expect(frames.map((f) => f.phase)).toEqual([
      'received',
      'scanning',
      'marking',
      'replacing',
      'marking',
      'replacing',
      'approved',
    ]);
    expect(plan.beats.map((b) => b.frame.phase)).toEqual(['scanning', 'marking', 'replacing', 'marking', 'replacing']);
    expect(plan.received).toBe(frames[0]);
    expect(plan.approved).toBe(frames.at(-1));
  });

  test('the act keeps its running time: the first post stays for the received frame and its own', () => {
    expect(plan.beats.map((b) => b.delayMs)).toEqual([1500 + 1800, 1400, 1200, 1400, 1200]);
    const total = (ms: number[]) => ms.reduce((a, b) => a + b, 0);
    expect(total(plan.beats.map((b) => b.delayMs))).toBe(total(frames.map((f) => f.delayMs)));
  });

  test('frames without a received or an approved frame are played as they are', () => {
    const middle = frames.slice(1, -1);
    expect(reviewPlan(middle)).toEqual({ beats: middle.map((frame) => ({ frame, delayMs: frame.delayMs })) });
    expect(reviewPlan([])).toEqual({ beats: [] });
  });
});

describe('briefHeader', () => {
  const performance = { number: 3, authorId: '42', voice: 'corporate' } as Performance;

  test('whose brief, the received line, and the brief with blackout words as bars', () => {
    const header = briefHeader(performance, maskedBrief(brief, changes), frames[0]?.title);
    expect(header).toBe(
      '📨 **Brief №3** from <@42> · Brief received. Forwarding to the Content Standards Division.\n>>> a knight with a sword and a ████ horse',
    );
  });

  test('a long brief is cut to fit a message', () => {
    const header = briefHeader(performance, [{ kind: 'plain', text: 'word '.repeat(900) }]);
    expect(header.length).toBeLessThanOrEqual(2000);
    expect(header.startsWith('📨 **Brief №3** from <@42>\n>>> word word')).toBe(true);
  });
});
