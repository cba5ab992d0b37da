import { describe, expect, test } from 'vitest';
import { UserFacingError } from '../../../src/errors.js';
import { Intake } from '../../../src/services/show/intake.js';
import { guildSettingsSchema } from '../../../src/services/store/schemas.js';

const settings = guildSettingsSchema.parse({ cooldownSeconds: 30, maxQueuedPerUser: 2, maxQueuedPerGuild: 3 });

describe('Intake', () => {
  test.each([
    ['at once', 0, /submit again in 30 s/],
    ['after 12.5 s', 12_500, /submit again in 18 s/],
    ['after 29.9 s', 29_900, /submit again in 1 s/],
  ])('a second brief %s is told how long to wait', (_name, elapsed, message) => {
    let now = 1_000_000;
    const intake = new Intake(() => now);
    intake.admit('g', 'a', settings);
    now += elapsed;
    expect(() => intake.admit('g', 'a', settings)).toThrow(message);
  });

  test('a submission that failed after admission gives the cooldown back, and only its own', () => {
    let now = 0;
    const intake = new Intake(() => now);
    const undo = intake.admit('g', 'a', settings);
    undo();
    expect(() => intake.admit('g', 'a', settings)).not.toThrow();
    now += 30_000;
    const first = intake.admit('g', 'a', settings);
    now += 30_000;
    intake.admit('g', 'a', settings);
    // A late undo of the earlier claim leaves the newer one in force.
    first();
    expect(() => intake.admit('g', 'a', settings)).toThrow(/submit again in 30 s/);
  });

  test('the cooldown ends after its seconds, and is per member and per server', () => {
    let now = 0;
    const intake = new Intake(() => now);
    intake.admit('g', 'a', settings);
    expect(() => intake.admit('g', 'b', settings)).not.toThrow();
    expect(() => intake.admit('h', 'a', settings)).not.toThrow();
    now += 30_000;
    expect(() => intake.admit('g', 'a', settings)).not.toThrow();
  });

  test('caps count what is queued, per member and per server, and free up when acts leave', () => {
    const intake = new Intake(() => 0);
    const open = { ...settings, cooldownSeconds: 0 };
    intake.track('1', { guildId: 'g', authorId: 'a' });
    intake.track('2', { guildId: 'g', authorId: 'a' });
    expect(() => intake.admit('g', 'a', open)).toThrow(
      'You already have 2 briefs in the queue; wait for them to be performed.',
    );
    intake.track('3', { guildId: 'g', authorId: 'b' });
    expect(() => intake.admit('g', 'c', open)).toThrow('The queue is full (3 briefs).');
    expect(() => intake.admit('other', 'c', open)).not.toThrow();
    intake.release('1');
    expect(() => intake.admit('g', 'a', open)).not.toThrow();
    intake.track('4', { guildId: 'g', authorId: 'a' });
    expect(() => intake.admit('g', 'a', open)).toThrow(UserFacingError);
  });
});
