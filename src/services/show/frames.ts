import type { CensorResult, Change } from '../censor/types.js';
import type { Frame, FrameNote, FrameStage, Segment } from './frames-types.js';

export type { Frame, FrameNote, Segment } from './frames-types.js';

/** How the act is paced. `pace` multiplies every delay: 0 plays instantly, 1 is the default stage pace. */
export interface FrameSettings {
  pace: number;
}

/**
 * Base delays at pace 1. They are chosen so a Discord review message is edited less than once a second on
 * average (Discord allows about five message edits per five seconds in a channel).
 */
export const BASE_DELAYS_MS = { received: 1500, scanning: 1800, marking: 1400, replacing: 1200 } as const;

/** Beyond this many changes, the rest are marked and replaced together so an act stays watchable. */
export const MAX_SOLO_CHANGES = 6;

type ChangeState = 'pending' | 'flagged' | 'marked' | 'replaced';

function segmentsFor(brief: string, changes: readonly Change[], states: readonly ChangeState[]): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  changes.forEach((change, i) => {
    if (change.start > cursor) segments.push({ kind: 'plain', text: brief.slice(cursor, change.start) });
    const text = brief.slice(change.start, change.end);
    const state = states[i] ?? 'pending';
    const hidden = change.tier !== 'redline';
    if (state === 'replaced') segments.push({ kind: 'inserted', text: change.to });
    else if (hidden) segments.push({ kind: 'blackout', length: [...text].length });
    else if (state === 'pending') segments.push({ kind: 'plain', text });
    else if (state === 'flagged') segments.push({ kind: 'flagged', text, tier: change.tier });
    else segments.push({ kind: 'struck', text });
    cursor = change.end;
  });
  if (cursor < brief.length) segments.push({ kind: 'plain', text: brief.slice(cursor) });
  return mergePlain(segments);
}

function mergePlain(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (segment.kind === 'plain' && last?.kind === 'plain') last.text += segment.text;
    else merged.push(segment);
  }
  return merged;
}

function noteFor(change: Change, index: number, brief: string): FrameNote {
  const shown = change.tier === 'redline' ? brief.slice(change.start, change.end) : '█'.repeat(5);
  // A model may add words of its own: a zero-width change, shown as an insertion.
  const label =
    change.start === change.end ? `+ ${change.to}` : `${shown} → ${change.tier === 'block' ? 'refused' : change.to}`;
  return {
    index,
    category: change.category,
    tier: change.tier,
    reason: change.reason,
    label,
  };
}

/** The brief as the audience may read it: blackout and block terms replaced by bars, nothing else touched. */
export function maskedBrief(brief: string, changes: readonly Change[]): Segment[] {
  const sorted = [...changes].sort((a, b) => a.start - b.start);
  return segmentsFor(
    brief,
    sorted,
    sorted.map(() => 'pending'),
  );
}

/** Groups the changes into the beats of the act: the first few alone, the rest together. */
function beats(count: number): number[][] {
  const solo = Array.from({ length: Math.min(count, MAX_SOLO_CHANGES) }, (_, i) => [i]);
  if (count <= MAX_SOLO_CHANGES) return solo;
  return [...solo, Array.from({ length: count - MAX_SOLO_CHANGES }, (_, i) => MAX_SOLO_CHANGES + i)];
}

/**
 * The act as data: what the audience sees, and for how long, from the brief received to the approved prompt
 * (or the refusal). Pure, so presenters only render and tests only compare.
 */
export function buildFrames(
  brief: string,
  censorship: { result: CensorResult; prompt: string },
  settings: FrameSettings,
): Frame[] {
  const { result, prompt } = censorship;
  const changes = [...result.changes].sort((a, b) => a.start - b.start);
  const states: ChangeState[] = changes.map(() => 'pending');
  const notes: FrameNote[] = [];
  const frames: Frame[] = [];
  const delay = (ms: number) => Math.round(ms * settings.pace);
  const push = (stage: FrameStage, title: string, delayMs: number, extra: Partial<Frame> = {}) =>
    frames.push({ stage, title, segments: segmentsFor(brief, changes, states), notes: [...notes], delayMs, ...extra });

  push('received', 'Brief received. Forwarding to the Content Standards Division.', delay(BASE_DELAYS_MS.received));
  states.fill('flagged');
  const found = changes.length === 1 ? '1 concern' : `${changes.length} concerns`;
  push(
    'scanning',
    changes.length ? `Scanning… ${found} found.` : 'Scanning… no concerns found.',
    delay(BASE_DELAYS_MS.scanning),
  );

  if (result.verdict === 'block') {
    changes.forEach((change, i) => {
      states[i] = 'marked';
      notes.push(noteFor(change, i, brief));
    });
    const reason = changes.find((c) => c.tier === 'block')?.reason ?? 'Content Standards';
    push('blocked', `BRIEF REFUSED — ${reason}`, 0);
    return frames;
  }

  for (const beat of beats(changes.length)) {
    for (const i of beat) {
      states[i] = 'marked';
      notes.push(noteFor(changes[i] as Change, i, brief));
    }
    const first = changes[beat[0] as number] as Change;
    const title = beat.length === 1 ? first.reason : `${beat.length} further concerns, processed in bulk`;
    push('marking', title, delay(BASE_DELAYS_MS.marking));
    for (const i of beat) states[i] = 'replaced';
    push(
      'replacing',
      beat.length === 1 ? `Replaced with “${first.to}”.` : 'Replaced with approved language.',
      delay(BASE_DELAYS_MS.replacing),
    );
  }

  const title = changes.length ? 'APPROVED — with amendments.' : 'APPROVED — as submitted.';
  push('approved', title, 0, { prompt });
  return frames;
}

/** Total running time of an act, for queue estimates. */
export function actDuration(frames: readonly Frame[]): number {
  return frames.reduce((sum, frame) => sum + frame.delayMs, 0);
}
