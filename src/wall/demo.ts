import type { SharedConfig } from '../config.js';
import { abortableSleep } from '../discord/presenter.js';
import type { Logger } from '../logger.js';
import type { CensorModel } from '../services/censor/types.js';
import type { ImageModel } from '../services/imagery/types.js';
import { performAct } from '../services/show/act.js';
import { openStore } from '../services/store/index.js';
import { MemoryFeed } from './feed.js';
import { ExhibitionWall } from './index.js';
import { newWallKey } from './links.js';

/** Rehearsal briefs for setting up a projector: each gives the censor something to do, one passes untouched. */
export const DEMO_BRIEFS = [
  'a knight with a bloody sword storming a protest at a shitty motel',
  'a union meeting in a smoky bar, workers on strike, 1930s poster',
  'a gangster shooting at police from a speeding car, film still',
  'a lighthouse on a rocky coast at dawn, oil painting',
  'two boxers punching each other in a dark gym, dramatic lighting',
  'a street riot with burning cars and broken windows',
  'a pirate stabbing a sailor on the deck of a ship at sunset',
];

export const DEMO_GUILD = 'demo';

export interface DemoOptions {
  config: SharedConfig;
  log: Logger;
  /** The embedded engines: the demo needs no keys. */
  censor: CensorModel;
  poster: ImageModel;
  pace: number;
  /** Stop after this many acts; otherwise play until the signal. */
  acts?: number;
  signal: AbortSignal;
  /** Told the links once the wall is up. */
  onReady(links: { wall: string; obs: string; gallery: string }): void;
}

/** A member of the demo's imaginary audience votes, now and then, so the tally bars move as in a show. */
function audienceVotes(act: number): ('original' | 'censored')[] {
  return Array.from({ length: 3 + (act % 4) }, (_, i) => ((act * 7 + i * 3) % 5 < 3 ? 'original' : 'censored'));
}

/**
 * The wall with no Discord and no keys: an in-memory store, the embedded engines and the real act, played
 * through the wall presenter only. Returns when the acts are done or the signal ends it.
 */
export async function playDemo(options: DemoOptions): Promise<number> {
  const { config, log, signal } = options;
  const store = await openStore('memory:', log);
  const sleep = abortableSleep;
  let played = 0;
  let upcoming: number[] = [];
  const wall = new ExhibitionWall({
    config,
    store,
    log,
    poster: options.poster,
    checker: options.censor,
    sleep,
    serve: true,
    queue: () => upcoming,
  });
  try {
    await store.guilds.update(DEMO_GUILD, { wallKey: newWallKey() });
    await wall.start(new MemoryFeed());
    const links = await wall.links(DEMO_GUILD);
    if (links) options.onReady(links);
    const rest = (ms: number) =>
      sleep(ms * options.pace, signal).then(
        () => true,
        () => false,
      );
    while (!signal.aborted && (options.acts === undefined || played < options.acts)) {
      const brief = DEMO_BRIEFS[played % DEMO_BRIEFS.length] ?? '';
      const performance = await store.performances.create({
        guildId: DEMO_GUILD,
        authorId: 'rehearsal',
        brief,
        style: config.STYLE,
        status: 'queued',
        censorEngine: 'lexicon',
        imageEngine: 'poster',
      });
      // The rehearsal's queue is the briefs still to come.
      const left = options.acts === undefined ? 3 : Math.min(3, options.acts - played - 1);
      upcoming = Array.from({ length: left }, (_, i) => performance.number + i + 1);
      const done = await performAct(performance, {
        store,
        log,
        censor: options.censor,
        image: options.poster,
        presenter: wall.presenter,
        settings: { pace: options.pace, reviewMode: false, renderOriginal: false },
        signal,
      });
      played += 1;
      if (done.status !== 'done') continue;
      for (const [i, side] of audienceVotes(played).entries()) {
        if (!(await rest(900))) break;
        wall.tally(done, await store.votes.cast(done.id, `member-${i}`, side));
      }
      // The finale holds the wall for a while before the next brief, as between acts in a show.
      if (options.acts === undefined || played < options.acts) await rest(12_000);
    }
    return played;
  } finally {
    await wall.stop();
    await store.close();
  }
}
