import { KeyedMutex } from '../services/store/keyed-mutex.js';
import type { Tally } from '../services/store/schemas.js';

/**
 * Votes on one message are counted and shown one after another. Each click edits the message through its own
 * interaction, and those edits may land in any order; counted and shown in turn, the last edit is always the
 * latest count — a burst of votes, or votes released together after a store outage, never leaves an older tally
 * on the message.
 */
export class BallotBox {
  readonly #turns = new KeyedMutex();

  /** Casts a vote (`cast`), then shows the tally it returned (`show`), before the next vote on `messageId`. */
  count(messageId: string, cast: () => Promise<Tally>, show: (tally: Tally) => Promise<void>): Promise<Tally> {
    return this.#turns.run(messageId, async () => {
      const tally = await cast();
      await show(tally);
      return tally;
    });
  }
}
