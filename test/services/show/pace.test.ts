import { describe, expect, test } from 'vitest';
import {
  AUTO_PACE,
  autoScale,
  BASE_DELAYS_MS,
  describePace,
  frameDelays,
  PACE_RANGE,
  parsePace,
} from '../../../src/services/show/pace.js';

const base = { ...BASE_DELAYS_MS };

describe('frameDelays', () => {
  test.each([
    [0, 0, { received: 0, scanning: 0, marking: 0, replacing: 0 }],
    [1, 0, base],
    // A fixed pace ignores the queue.
    [1, 40, base],
    [0.5, 0, { received: 750, scanning: 900, marking: 700, replacing: 600 }],
    [2, 3, { received: 3000, scanning: 3600, marking: 2800, replacing: 2400 }],
  ])('pace %s with %i waiting', (pace, queued, delays) => {
    expect(frameDelays(pace, queued)).toEqual(delays);
  });

  test.each([
    // Nobody waiting: the stage pace exactly.
    [0, base],
    [1, { received: 1200, scanning: 1440, marking: 1120, replacing: 960 }],
    [2, { received: 1000, scanning: 1200, marking: 933, replacing: 800 }],
    // Halved with four waiting.
    [4, { received: 750, scanning: 900, marking: 700, replacing: 600 }],
    // Then the floor: a strike and its replacement stay in sight for 600 ms, however long the queue.
    [8, { received: 600, scanning: 600, marking: 600, replacing: 600 }],
    [500, { received: 600, scanning: 600, marking: 600, replacing: 600 }],
  ])('auto with %i waiting', (queued, delays) => {
    expect(frameDelays('auto', queued)).toEqual(delays);
  });

  test('auto never slows down as the queue grows, and never goes under its floor', () => {
    let previous = frameDelays('auto', 0);
    for (let queued = 1; queued <= 60; queued++) {
      const delays = frameDelays('auto', queued);
      for (const phase of Object.keys(base) as (keyof typeof base)[]) {
        expect(delays[phase]).toBeLessThanOrEqual(previous[phase]);
        expect(delays[phase]).toBeGreaterThanOrEqual(AUTO_PACE.floorMs);
      }
      previous = delays;
    }
  });

  test('auto scale: 1 with nobody waiting, ½ at halvedAt, a negative count read as none', () => {
    expect(autoScale(0)).toBe(1);
    expect(autoScale(AUTO_PACE.halvedAt)).toBe(0.5);
    expect(autoScale(-3)).toBe(1);
  });
});

describe('parsePace', () => {
  test.each([
    ['auto', 'auto'],
    [' AUTO ', 'auto'],
    ['1', 1],
    ['0', 0],
    ['0.25', 0.25],
    [String(PACE_RANGE.max), PACE_RANGE.max],
    ['5.01', undefined],
    ['-1', undefined],
    ['fast', undefined],
    ['', undefined],
    ['NaN', undefined],
    ['Infinity', undefined],
  ])('%j → %j', (text, pace) => {
    expect(parsePace(text)).toBe(pace);
  });

  test('the settings say which pace is set', () => {
    expect(describePace(1.5)).toBe('×1.5');
    expect(describePace('auto')).toBe('auto (quicker as the queue grows)');
  });
});
