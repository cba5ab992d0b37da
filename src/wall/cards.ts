import type { Change } from '../services/censor/types.js';
import { buildFrames, type Frame, type FrameNote, type Segment } from '../services/show/frames.js';
import type { Performance } from '../services/store/schemas.js';
import { performancePath, posterPath } from './links.js';

/** A past performance as the wall and the gallery may show it: masked brief, approved prompt, citations. */
export interface PerformanceCard {
  number: number;
  original: Segment[];
  prompt: string;
  citations: Pick<FrameNote, 'label' | 'reason' | 'category'>[];
  poster: string;
  page: string;
  appeal?: string;
}

/** The frame the act ended on, rebuilt from the record: the same frames the audience watched. */
export function finalFrame(performance: Performance): Frame | undefined {
  if (!performance.result) return undefined;
  const censorship = { result: performance.result, prompt: performance.prompt ?? '' };
  return buildFrames(performance.brief, censorship, { pace: 0 }).at(-1);
}

/** The citations the act ended with. */
export function citationsOf(performance: Performance): FrameNote[] {
  return finalFrame(performance)?.notes ?? [];
}

/**
 * The brief with every change struck: redline terms keep their text, struck through; every other tier carries
 * only its length, as in the frames. A model's pure insertions are not part of the original.
 */
export function struckOriginal(brief: string, changes: readonly Change[]): Segment[] {
  const sorted = [...changes].filter((c) => c.end > c.start).sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const change of sorted) {
    if (change.start < cursor) continue;
    if (change.start > cursor) segments.push({ kind: 'plain', text: brief.slice(cursor, change.start) });
    const text = brief.slice(change.start, change.end);
    segments.push(
      change.tier === 'redline' ? { kind: 'struck', text } : { kind: 'blackout', length: [...text].length },
    );
    cursor = change.end;
  }
  if (cursor < brief.length) segments.push({ kind: 'plain', text: brief.slice(cursor) });
  return segments;
}

const APPEAL_LINES = {
  pending: 'Appeal pending',
  upheld: 'Appeal heard — decision upheld',
  overturned: 'Appeal heard — overturned',
} as const;

export function cardOf(performance: Performance): PerformanceCard {
  return {
    number: performance.number,
    original: struckOriginal(performance.brief, performance.result?.changes ?? []),
    prompt: performance.prompt ?? '',
    citations: citationsOf(performance).map(({ label, reason, category }) => ({ label, reason, category })),
    poster: posterPath(performance),
    page: performancePath(performance),
    ...(performance.appeal ? { appeal: APPEAL_LINES[performance.appeal.outcome] } : {}),
  };
}
