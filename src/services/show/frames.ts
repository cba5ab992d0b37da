import type { CensorResult, Change } from '../censor/types.js';
import { fill, type Script, scriptFor } from '../script/voices.js';
import type { Frame, FrameNote, FramePhase, Segment } from './frames-types.js';
import { frameDelays, type Pace } from './pace.js';

export type { Frame, FrameNote, Segment } from './frames-types.js';
export { BASE_DELAYS_MS } from './pace.js';

/** How the act is paced (see pace.ts), and in which voice. */
export interface FrameSettings {
  pace: Pace;
  /** Briefs waiting behind this act as it comes on stage: `auto` pace plays quicker the more there are. */
  queued?: number;
  /** The voice the titles are written in (default: the corporate voice). */
  script?: Script;
}

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

function noteFor(change: Change, index: number, brief: string, script: Script): FrameNote {
  const shown = change.tier === 'redline' ? brief.slice(change.start, change.end) : '█'.repeat(5);
  // A model may add words of its own: a zero-width change, shown as an insertion.
  const label =
    change.start === change.end
      ? `+ ${change.to}`
      : `${shown} → ${change.tier === 'block' ? script.frames.refusedLabel : change.to}`;
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
  const delays = frameDelays(settings.pace, settings.queued);
  const script = settings.script ?? scriptFor();
  const lines = script.frames;
  const push = (phase: FramePhase, title: string, delayMs: number, extra: Partial<Frame> = {}) =>
    frames.push({ phase, title, segments: segmentsFor(brief, changes, states), notes: [...notes], delayMs, ...extra });

  push('received', lines.received, delays.received);
  states.fill('flagged');
  const count = changes.length;
  const scanning =
    count === 0 ? lines.scanningNone : count === 1 ? lines.scanningOne : fill(lines.scanningMany, { count });
  push('scanning', scanning, delays.scanning);

  if (result.verdict === 'block') {
    changes.forEach((change, i) => {
      states[i] = 'marked';
      notes.push(noteFor(change, i, brief, script));
    });
    const reason = changes.find((c) => c.tier === 'block')?.reason ?? lines.refusedReason;
    push('blocked', fill(lines.refused, { reason }), 0);
    return frames;
  }

  for (const beat of beats(changes.length)) {
    for (const i of beat) {
      states[i] = 'marked';
      notes.push(noteFor(changes[i] as Change, i, brief, script));
    }
    const first = changes[beat[0] as number] as Change;
    const title =
      beat.length === 1 ? fill(lines.marking, { reason: first.reason }) : fill(lines.bulk, { count: beat.length });
    push('marking', title, delays.marking);
    for (const i of beat) states[i] = 'replaced';
    push(
      'replacing',
      beat.length === 1 ? fill(lines.replacedOne, { to: first.to }) : lines.replacedBulk,
      delays.replacing,
    );
  }

  const title = changes.length ? lines.approvedAmended : lines.approvedAsSubmitted;
  push('approved', title, 0, { prompt });
  return frames;
}

/** Total running time of an act, for queue estimates. */
export function actDuration(frames: readonly Frame[]): number {
  return frames.reduce((sum, frame) => sum + frame.delayMs, 0);
}
