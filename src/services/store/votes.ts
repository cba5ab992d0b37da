import { z } from 'zod';
import { keys } from './keys.js';
import { type Records, validateForWrite } from './records.js';
import { type Tally, VOTE_SIDES, type VoteSide, type Votes, votesSchema } from './schemas.js';

const ballotSchema = z.object({
  performanceId: z.string().min(1),
  userId: z.string().min(1),
  side: z.enum(VOTE_SIDES),
});

/**
 * The audience's votes: one per member per performance, changeable. Casts on one performance are serialised
 * in-process (see KeyedMutex), so fifty members pressing a button at once are all counted. A vote is stored
 * whether or not the performance exists; the buttons that cast votes only ever name real ones.
 */
export class VoteRepository {
  constructor(private readonly records: Records) {}

  /** Records (or changes) a member's vote and returns the new tally. */
  async cast(performanceId: string, userId: string, side: VoteSide): Promise<Tally> {
    const ballot = validateForWrite('vote', ballotSchema, { performanceId, userId, side });
    const key = keys.votes(ballot.performanceId);
    return this.records.locked(key, async () => {
      const votes = { ...(await this.records.readForUpdate(key, votesSchema))?.value, [ballot.userId]: ballot.side };
      await this.records.write(key, votes);
      return tallyOf(votes);
    });
  }

  async tally(performanceId: string): Promise<Tally> {
    return tallyOf(await this.votes(performanceId));
  }

  /** Member id to side; empty when nobody voted or the stored record fails validation (logged). */
  async votes(performanceId: string): Promise<Votes> {
    const reading = await this.records.read(keys.votes(performanceId), votesSchema);
    return reading.state === 'valid' ? reading.value : {};
  }
}

function tallyOf(votes: Votes): Tally {
  const tally: Tally = { original: 0, censored: 0 };
  for (const side of Object.values(votes)) tally[side] = (tally[side] ?? 0) + 1;
  return tally;
}
