import type { RenderedImage } from '../imagery/types.js';
import type { Performance, Ruling, Tally } from '../store/schemas.js';
import type { Frame } from './frames.js';

/** The images of a finale: the approved prompt's, and the original submission's when a moderator asked for both. */
export interface FinaleImages {
  censored: RenderedImage;
  original?: RenderedImage;
}

/** What a hearing decided, as every presenter shows it. */
export interface AppealVerdict {
  outcome: 'upheld' | 'overturned';
  /** The author's grounds as the censor passed them; undefined when none were given. */
  grounds?: string;
  reinstated: Ruling[];
  upheld: Ruling[];
  /** The approved prompt after the appeal (the same as before when nothing was reinstated). */
  prompt: string;
}

/** How frames are played: whose they are, and how the ids they create reach the store at once. */
export interface PlayOptions {
  /** The act's own frames (default), or an appeal's reconsideration, which a presenter shows apart from them. */
  part?: 'act' | 'appeal';
  /**
   * Hands over ids worth keeping as soon as they exist (the review message, after its first post), before the
   * rest of the frames: a restart much later still finds them.
   */
  remember?: (ids: Partial<Performance>) => Promise<void>;
}

/** What `open` is told about the act's attempt. */
export interface OpenOptions {
  /**
   * No earlier attempt of this act began (its record was still queued), so nothing of it can be on stage: a
   * presenter need not look for what a crash left behind.
   */
  firstAttempt: boolean;
}

/**
 * Where an act is shown: a Discord thread, a terminal, the exhibition wall — one port, driven by the same
 * `performAct`. The act decides what happens and when; a presenter only shows it, and never reads the store:
 * everything it needs (the record, the frames, the images, the tally) is handed to it.
 *
 * Every method gets the performance record as it stands. A method returning `Partial<Performance>` hands back
 * the ids it wants remembered for a restart (a thread id, a message id); the act writes them to the store.
 * Methods may throw; the act then ends in character (see `endAct`), and a `FanOutPresenter` keeps a secondary
 * presenter's failure from ending the act for the others.
 */
export interface ActPresenter {
  /** Opens the act's place (a thread, a screen); the submission, blackout terms as bars, shows here or in `play`. */
  open(performance: Performance, options?: OpenOptions): Promise<Partial<Performance>>;
  /**
   * Plays the frames in order, waiting each frame's `delayMs`; stops at once when `signal` aborts. A presenter may
   * leave the closing approved frame to what follows: the finale shows the same prompt, and `awaitRelease` is
   * handed that frame.
   */
  play(
    performance: Performance,
    frames: Frame[],
    signal: AbortSignal,
    options?: PlayOptions,
  ): Promise<Partial<Performance>>;
  /**
   * The brief was refused when it came on stage (a guild term added after it was submitted). Discord tells its
   * author in the channel, with the reason and none of the brief; the terminal plays the refusal, blackout terms as
   * bars.
   */
  refused(performance: Performance, frames: Frame[], signal: AbortSignal): Promise<void>;
  /** An in-character line (a fallback, a veto, a resumed act). */
  note(performance: Performance, text: string): Promise<void>;
  /** Review mode: the approved prompt (`approved`, the act's closing frame) now waits for a moderator's decision. */
  awaitRelease(performance: Performance, approved?: Frame): Promise<void>;
  /** Review mode: an appeal now waits for a moderator's grant or denial. */
  awaitAppealDecision(performance: Performance): Promise<void>;
  /** The finale: the image(s), the two versions side by side, the tally so far. */
  finale(performance: Performance, images: FinaleImages, tally: Tally): Promise<Partial<Performance>>;
  /** The hearing's verdict, and the Appeal Cut beside the first image when the appeal won. */
  verdict(performance: Performance, verdict: AppealVerdict, image?: RenderedImage): Promise<Partial<Performance>>;
  /** A moderator withdrew the performance: nothing of it stays visible. */
  withdraw(performance: Performance): Promise<void>;
  /** The act cannot go on: the line the audience reads. */
  fail(performance: Performance, message: string): Promise<void>;
}
