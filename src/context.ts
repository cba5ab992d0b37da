import type { BotConfig } from './config.js';
import type { BallotBox } from './discord/ballot-box.js';
import type { Logger } from './logger.js';
import type { Lexicon } from './services/censor/lexicon/index.js';
import type { EngineDeps } from './services/engines.js';
import type { Director } from './services/show/director.js';
import type { Store } from './services/store/index.js';
import type { ExhibitionWall } from './wall/index.js';

/** The services every handler may use, built once by the entry point. */
export interface Services {
  store: Store;
  lexicon: Lexicon;
  director: Director;
  engines: EngineDeps;
  /** Votes counted and shown in turn, per message. */
  ballots: BallotBox;
  /** The exhibition wall, when one is configured. */
  wall?: ExhibitionWall;
}

/** What every command, button and event handler receives. */
export interface Context {
  config: BotConfig;
  log: Logger;
  services: Services;
}
