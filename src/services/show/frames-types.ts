import type { Category, Tier } from '../censor/types.js';

/** A run of the brief as the audience sees it at one moment. Presenters decide how each kind looks. */
export type Segment =
  | { kind: 'plain'; text: string }
  /** a term under the censor's pen, before its fate is shown */
  | { kind: 'flagged'; text: string; tier: Tier }
  | { kind: 'struck'; text: string }
  /** a blackout-tier term: its text is never carried, only its length */
  | { kind: 'blackout'; length: number }
  | { kind: 'inserted'; text: string };

export type FramePhase = 'received' | 'scanning' | 'marking' | 'replacing' | 'approved' | 'blocked';

/** One reason shown beside the brief: which policy struck which term. Blackout terms are not named. */
export interface FrameNote {
  index: number;
  category: Category;
  tier: Tier;
  reason: string;
  /** "gun → compliance device"; blackout terms read "█████ → ..." */
  label: string;
}

/** What the audience sees, and for how long, before the next frame. */
export interface Frame {
  phase: FramePhase;
  title: string;
  segments: Segment[];
  notes: FrameNote[];
  /** The final styled prompt, on the approved frame only. */
  prompt?: string;
  delayMs: number;
}
