import type { CensorEngineName, ImageEngineName, SharedConfig } from '../config.js';
import { UserFacingError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type Lexicon, LexiconCensor } from './censor/lexicon/index.js';
import type { CensorModel } from './censor/types.js';
import { PosterModel } from './imagery/poster/index.js';
import type { ImageModel } from './imagery/types.js';

/** What an engine adapter may need. `fetch` lets tests and proxies replace the transport. */
export interface EngineDeps {
  config: SharedConfig;
  log: Logger;
  lexicon: Lexicon;
  fetch?: typeof fetch;
}

/** Builds the censor engine by name. A hosted engine without its key is refused here, never mid-show. */
export function createCensorModel(name: CensorEngineName, deps: EngineDeps): CensorModel {
  switch (name) {
    case 'lexicon':
      return new LexiconCensor({ lexicon: deps.lexicon });
    default:
      throw new UserFacingError(`The ${name} censor engine is not available in this build.`);
  }
}

/** Builds the image engine by name. */
export function createImageModel(name: ImageEngineName, _deps: EngineDeps): ImageModel {
  switch (name) {
    case 'poster':
      return new PosterModel();
    default:
      throw new UserFacingError(`The ${name} image engine is not available in this build.`);
  }
}
