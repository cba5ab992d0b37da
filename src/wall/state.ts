import type { Frame, Segment } from '../services/show/frames-types.js';
import type { Tally } from '../services/store/schemas.js';

/** A frame as the wall shows it: its phase's badge in the performance's voice travels with it. */
export type WallFrame = Omit<Frame, 'delayMs'> & { badge?: string };

/** The act on the wall: only what the audience may see (masked brief, frames, approved prompt), never a raw brief. */
export interface WallAct {
  performanceId: string;
  number: number;
  /** The brief as received: blackout and block terms carry only their length. */
  brief: Segment[];
  /** The frame on stage now, and its place in the act. */
  frame?: WallFrame;
  frameIndex: number;
  notes: string[];
  finale?: { prompt: string; original: Segment[]; poster: string; tally: Tally };
  failed?: string;
  /** When the act ended (finale or failure), so the wall knows when to fall back to its idle loop. */
  endedAt?: number;
}

/** Everything one guild's wall shows; a wall that connects (or reconnects) is handed this and is up to date. */
export interface WallState {
  guildId: string;
  seq: number;
  act?: WallAct;
  /** Numbers of the briefs waiting, in order. */
  queue: number[];
  /** Numbers of performances withdrawn by moderators lately: the idle loop drops them. */
  withdrawn?: number[];
}

/** What a presenter (or a vote) tells the wall. Built only from frames and masked text. */
export type WallEvent =
  | { type: 'act'; performanceId: string; number: number; brief: Segment[]; queue: number[] }
  | { type: 'frame'; performanceId: string; index: number; frame: WallFrame }
  | { type: 'note'; performanceId: string; text: string }
  | {
      type: 'finale';
      performanceId: string;
      prompt: string;
      original: Segment[];
      poster: string;
      tally: Tally;
      queue: number[];
    }
  | { type: 'tally'; performanceId: string; tally: Tally }
  | { type: 'fail'; performanceId: string; text: string; queue: number[] }
  | { type: 'withdraw'; performanceId: string; number: number }
  | { type: 'queue'; queue: number[] };

/** One message on the feed: the new state and the event that made it, stamped when it was published. */
export interface WallMessage {
  guildId: string;
  kind: WallEvent['type'];
  at: number;
  state: WallState;
}

export const emptyState = (guildId: string): WallState => ({ guildId, seq: 0, queue: [] });

/** Notes kept on the wall at once: the latest few are what a room can read. */
const MAX_NOTES = 3;
const MAX_WITHDRAWN = 50;

/** Folds one event into a guild's wall. Pure; events about another act than the one on stage are ignored. */
export function reduce(state: WallState, event: WallEvent, now: number): WallState {
  const seq = state.seq + 1;
  const act = state.act;
  const onStage = 'performanceId' in event && act?.performanceId === event.performanceId ? act : undefined;
  switch (event.type) {
    case 'act':
      return {
        ...state,
        seq,
        queue: event.queue,
        act: {
          performanceId: event.performanceId,
          number: event.number,
          brief: event.brief,
          frameIndex: -1,
          notes: [],
        },
      };
    case 'frame':
      if (!onStage) return state;
      return { ...state, seq, act: { ...onStage, frame: event.frame, frameIndex: event.index } };
    case 'note':
      if (!onStage) return state;
      return { ...state, seq, act: { ...onStage, notes: [...onStage.notes, event.text].slice(-MAX_NOTES) } };
    case 'finale': {
      const { prompt, original, poster, tally } = event;
      if (!onStage) return { ...state, seq, queue: event.queue };
      return {
        ...state,
        seq,
        queue: event.queue,
        act: { ...onStage, finale: { prompt, original, poster, tally }, endedAt: now },
      };
    }
    case 'tally':
      if (!onStage?.finale) return state;
      return { ...state, seq, act: { ...onStage, finale: { ...onStage.finale, tally: event.tally } } };
    case 'fail':
      if (!onStage) return { ...state, seq, queue: event.queue };
      return { ...state, seq, queue: event.queue, act: { ...onStage, failed: event.text, endedAt: now } };
    case 'withdraw': {
      const withdrawn = [...(state.withdrawn ?? []), event.number].slice(-MAX_WITHDRAWN);
      return { ...state, seq, withdrawn, act: onStage ? undefined : act };
    }
    case 'queue':
      return { ...state, seq, queue: event.queue };
  }
}
