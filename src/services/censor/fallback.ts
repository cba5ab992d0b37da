import type { CensorEngineName } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { CensorModel, CensorRequest, CensorResult } from './types.js';

export interface FallbackCensorOptions {
  /** The hosted engine that was asked for. */
  primary: CensorModel;
  /** The embedded engine that stands in: the lexicon. */
  backup: CensorModel;
  log: Logger;
}

/**
 * A hosted censor with the embedded one behind it. When the hosted engine fails (timeout, HTTP error, unusable
 * output) the backup's result is returned as is, so `result.engine` names the engine that actually ran and the
 * show plays "the backup compliance engine has been engaged". A cancelled request is not a failure: it is rethrown.
 */
export class FallbackCensor implements CensorModel {
  readonly #primary: CensorModel;
  readonly #backup: CensorModel;
  readonly #log: Logger;

  constructor(options: FallbackCensorOptions) {
    this.#primary = options.primary;
    this.#backup = options.backup;
    this.#log = options.log;
  }

  get name(): CensorEngineName {
    return this.#primary.name;
  }

  async censor(request: CensorRequest): Promise<CensorResult> {
    try {
      return await this.#primary.censor(request);
    } catch (err) {
      if (request.signal?.aborted) throw err;
      this.#log.warn(
        { err, engine: this.#primary.name, backup: this.#backup.name },
        `censor engine failed; falling back to ${this.#backup.name}`,
      );
      return this.#backup.censor(request);
    }
  }
}
