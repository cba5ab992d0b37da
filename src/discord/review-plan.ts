import { escapeMarkdown } from 'discord.js';
import { fill } from '../services/script/voices.js';
import { scriptOf } from '../services/show/act.js';
import type { Frame, Segment } from '../services/show/frames-types.js';
import type { Performance } from '../services/store/schemas.js';
import { MAX_CONTENT, segmentsToMarkdown } from './user-text.js';

/** One REST call of the review message: the frame it shows, and how long that stays before the next call. */
export interface ReviewBeat {
  frame: Frame;
  delayMs: number;
}

/** The act's frames as the review message plays them. */
export interface ReviewPlan {
  /** The brief as received: the header of the message's first post (the masked brief), not an embed of its own. */
  received?: Frame;
  /** The first is the post, every other an edit. */
  beats: ReviewBeat[];
  /** The approval, left to what follows the frames: the finale shows the same prompt, a release desk is handed it. */
  approved?: Frame;
}

/**
 * Fewer calls, the same theatre: the received frame (the brief, blackout words as bars) rides as the first post's
 * header above the next frame, and stays for both their delays; every strike and every replacement is still an
 * edit of its own. Pure, so the count of calls is a table test.
 */
export function reviewPlan(frames: readonly Frame[]): ReviewPlan {
  const rest = [...frames];
  const approved = rest.at(-1)?.phase === 'approved' ? rest.pop() : undefined;
  const received = rest[0]?.phase === 'received' && rest.length > 1 ? rest.shift() : undefined;
  const beats = rest.map((frame) => ({ frame, delayMs: frame.delayMs }));
  const first = beats[0];
  if (received && first) first.delayMs += received.delayMs;
  return { received, beats, approved };
}

/** The first post's text: whose brief it is, the received frame's words, and the brief, blackout words as bars. */
export function briefHeader(performance: Performance, brief: Segment[], received?: string): string {
  const line = fill(scriptOf(performance).discord.briefHead, {
    number: performance.number,
    author: `<@${performance.authorId}>`,
  });
  const head = `📨 ${line}${received ? ` · ${escapeMarkdown(received)}` : ''}\n>>> `;
  return `${head}${segmentsToMarkdown(brief, MAX_CONTENT - head.length)}`;
}
