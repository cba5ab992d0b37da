import { describe, expect, test } from 'vitest';
import type { Change } from '../../../src/services/censor/types.js';
import { actDuration, BASE_DELAYS_MS, buildFrames, MAX_SOLO_CHANGES } from '../../../src/services/show/frames.js';
import type { Frame } from '../../../src/services/show/frames-types.js';

const brief = 'a knight with a bloody sword and a damn horse';
const sword: Change = {
  start: 23,
  end: 28,
  from: 'sword',
  to: 'ceremonial implement',
  category: 'weapons',
  tier: 'redline',
  reason: 'Brand Safety Guideline 4.2 — Weapons',
};
const bloody: Change = {
  start: 16,
  end: 22,
  from: 'bloody',
  to: 'brand-red',
  category: 'gore',
  tier: 'redline',
  reason: 'Visual Comfort Standard 7.1 — Bodily Fluids',
};
const damn: Change = {
  start: 35,
  end: 39,
  from: 'damn',
  to: 'valued',
  category: 'profanity',
  tier: 'blackout',
  reason: 'Tone of Voice Charter 3.3 — Language',
};

function rewrite(changes: Change[], censored: string): Parameters<typeof buildFrames>[1] {
  return { result: { verdict: 'rewrite', censored, changes, engine: 'lexicon' }, prompt: `${censored}, flat vectors` };
}

/** The body of a frame as plain text: struck ~~x~~, blackout █, inserted [x], flagged {x}. */
function body(frame: Frame): string {
  return frame.segments
    .map((s) => {
      if (s.kind === 'plain') return s.text;
      if (s.kind === 'struck') return `~~${s.text}~~`;
      if (s.kind === 'blackout') return '█'.repeat(s.length);
      if (s.kind === 'inserted') return `[${s.text}]`;
      return `{${s.text}}`;
    })
    .join('');
}

describe('buildFrames', () => {
  const censored = 'a knight with a brand-red ceremonial implement and a valued horse';
  const frames = buildFrames(brief, rewrite([sword, damn, bloody], censored), { pace: 1 });

  test('plays the act in order: received, scanning, a mark and a replacement per change, approved', () => {
    expect(frames.map((f) => f.phase)).toEqual([
      'received',
      'scanning',
      'marking',
      'replacing',
      'marking',
      'replacing',
      'marking',
      'replacing',
      'approved',
    ]);
  });

  test.each([
    [0, 'a knight with a bloody sword and a ████ horse'],
    [1, 'a knight with a {bloody} {sword} and a ████ horse'],
    [2, 'a knight with a ~~bloody~~ {sword} and a ████ horse'],
    [3, 'a knight with a [brand-red] {sword} and a ████ horse'],
    [4, 'a knight with a [brand-red] ~~sword~~ and a ████ horse'],
    [5, 'a knight with a [brand-red] [ceremonial implement] and a ████ horse'],
    [6, 'a knight with a [brand-red] [ceremonial implement] and a ████ horse'],
    [7, 'a knight with a [brand-red] [ceremonial implement] and a [valued] horse'],
    [8, 'a knight with a [brand-red] [ceremonial implement] and a [valued] horse'],
  ])('frame %i shows %s', (index, expected) => {
    expect(body(frames[index] as Frame)).toBe(expected);
  });

  test('a blackout term never appears in any frame, note or title', () => {
    const everything = JSON.stringify(frames);
    expect(everything).not.toContain('damn');
    expect(frames.at(-1)?.notes.map((n) => n.label)).toEqual([
      'bloody → brand-red',
      'sword → ceremonial implement',
      '█████ → valued',
    ]);
  });

  test('notes accumulate one reason per change, and the approved frame carries the styled prompt', () => {
    expect(frames.map((f) => f.notes.length)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 3]);
    expect(frames[2]?.title).toBe(bloody.reason);
    expect(frames.at(-1)?.prompt).toBe(`${censored}, flat vectors`);
  });

  test.each([
    [0, 0],
    [1, BASE_DELAYS_MS.received + BASE_DELAYS_MS.scanning + 3 * (BASE_DELAYS_MS.marking + BASE_DELAYS_MS.replacing)],
    [
      2,
      2 * (BASE_DELAYS_MS.received + BASE_DELAYS_MS.scanning + 3 * (BASE_DELAYS_MS.marking + BASE_DELAYS_MS.replacing)),
    ],
  ])('pace %d scales the running time to %d ms', (pace, total) => {
    expect(actDuration(buildFrames(brief, rewrite([sword, damn, bloody], censored), { pace }))).toBe(total);
  });

  test('auto pace plays the stage pace to an empty queue and a quicker act to a crowd, the same frames', () => {
    const changes = rewrite([sword, damn, bloody], censored);
    const alone = buildFrames(brief, changes, { pace: 'auto', queued: 0 });
    const crowd = buildFrames(brief, changes, { pace: 'auto', queued: 8 });
    expect(alone).toEqual(frames);
    expect(crowd.map(({ delayMs, ...frame }) => frame)).toEqual(frames.map(({ delayMs, ...frame }) => frame));
    expect(crowd.map((f) => f.delayMs)).toEqual([600, 600, 600, 600, 600, 600, 600, 600, 0]);
    expect(actDuration(crowd)).toBeLessThan(actDuration(alone) / 2);
  });

  test('at pace 1 the review message changes less than once a second on average', () => {
    const edits = frames.length - 1;
    expect(actDuration(frames) / edits).toBeGreaterThanOrEqual(1000);
  });

  test('a brief with nothing to change is approved as submitted', () => {
    const passed = buildFrames(
      'a quiet sea',
      {
        result: { verdict: 'pass', censored: 'a quiet sea', changes: [], engine: 'lexicon' },
        prompt: 'a quiet sea, flat',
      },
      { pace: 1 },
    );
    expect(passed.map((f) => [f.phase, f.title])).toEqual([
      ['received', 'Brief received. Forwarding to the Content Standards Division.'],
      ['scanning', 'Scanning… no concerns found.'],
      ['approved', 'APPROVED — as submitted.'],
    ]);
  });

  test('a blocked brief ends on the refusal with its reason, the blocked term blacked out', () => {
    const blocked: Change = {
      start: 2,
      end: 7,
      from: 'snuff',
      to: '',
      category: 'violence',
      tier: 'block',
      reason: 'Zero Tolerance Policy 0.1',
    };
    const out = buildFrames(
      'a snuff film',
      { result: { verdict: 'block', censored: '', changes: [blocked], engine: 'lexicon' }, prompt: '' },
      { pace: 1 },
    );
    expect(out.map((f) => f.phase)).toEqual(['received', 'scanning', 'blocked']);
    expect(out.at(-1)?.title).toBe('BRIEF REFUSED — Zero Tolerance Policy 0.1');
    expect(body(out.at(-1) as Frame)).toBe('a █████ film');
    expect(JSON.stringify(out)).not.toContain('snuff');
  });

  test(`beyond ${MAX_SOLO_CHANGES} changes the rest are processed in one beat`, () => {
    const words = Array.from({ length: 10 }, (_, i) => `w${i}`);
    const text = words.join(' ');
    const changes: Change[] = words.map((w, i) => ({
      start: i * 3,
      end: i * 3 + 2,
      from: w,
      to: `ok${i}`,
      category: 'corporate',
      tier: 'redline',
      reason: `Policy ${i}`,
    }));
    const out = buildFrames(text, rewrite(changes, ''), { pace: 1 });
    expect(out.filter((f) => f.phase === 'marking')).toHaveLength(MAX_SOLO_CHANGES + 1);
    expect(out.find((f) => f.title.includes('in bulk'))?.title).toBe('4 further concerns, processed in bulk');
    expect(body(out.at(-1) as Frame)).toBe(words.map((_, i) => `[ok${i}]`).join(' '));
  });
});
