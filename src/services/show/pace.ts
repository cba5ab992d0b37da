import { z } from 'zod';

/**
 * How fast an act plays: a fixed multiplier on every delay (0 plays instantly, 1 is the stage pace, 2 is twice as
 * slow), or `auto`: the stage pace while nobody waits, quicker as the guild's queue grows, never so quick that a
 * strike is gone before it is seen.
 */
export type Pace = number | 'auto';

export const PACE_RANGE = { min: 0, max: 5 } as const;

export const paceSchema = z.union([z.literal('auto'), z.number().min(PACE_RANGE.min).max(PACE_RANGE.max)]);

/** What a pace may be written as, for the line that refuses anything else. */
export const PACE_HINT = `a number from ${PACE_RANGE.min} to ${PACE_RANGE.max}, or auto`;

/**
 * Delays at pace 1. They are chosen so a Discord review message is edited less than once a second on average
 * (Discord allows about five message edits per five seconds in a channel).
 */
export const BASE_DELAYS_MS = { received: 1500, scanning: 1800, marking: 1400, replacing: 1200 } as const;

export type FrameDelays = { [phase in keyof typeof BASE_DELAYS_MS]: number };

export const AUTO_PACE = {
  /** With this many briefs waiting behind the act, its delays are halved (two waiting: two thirds, and so on). */
  halvedAt: 4,
  /** No frame of an auto-paced act is shorter: a strike, then its replacement, each stay in sight this long. */
  floorMs: 600,
} as const;

/** Auto pace's multiplier with `queued` briefs waiting behind the act: 1 with none, ½ at `halvedAt`, towards 0. */
export function autoScale(queued: number): number {
  return 1 / (1 + Math.max(0, queued) / AUTO_PACE.halvedAt);
}

/**
 * How long each kind of frame stays, for a pace and the number of briefs waiting behind the act as it comes on
 * stage. The one place an act's timing is decided: the frames carry it to every presenter.
 */
export function frameDelays(pace: Pace, queued = 0): FrameDelays {
  const scale = pace === 'auto' ? autoScale(queued) : pace;
  const floor = pace === 'auto' ? AUTO_PACE.floorMs : 0;
  const delay = (ms: number) => Math.max(floor, Math.round(ms * scale));
  return {
    received: delay(BASE_DELAYS_MS.received),
    scanning: delay(BASE_DELAYS_MS.scanning),
    marking: delay(BASE_DELAYS_MS.marking),
    replacing: delay(BASE_DELAYS_MS.replacing),
  };
}

/** "auto", or a multiplier in range, as a moderator or a rehearsal flag writes it; undefined for anything else. */
export function parsePace(text: string): Pace | undefined {
  const written = text.trim().toLowerCase();
  if (written === 'auto') return 'auto';
  if (written === '') return undefined;
  const multiplier = Number(written);
  const inRange = Number.isFinite(multiplier) && multiplier >= PACE_RANGE.min && multiplier <= PACE_RANGE.max;
  return inRange ? multiplier : undefined;
}

/** The pace as the settings show it. */
export function describePace(pace: Pace): string {
  return pace === 'auto' ? 'auto (quicker as the queue grows)' : `×${pace}`;
}
