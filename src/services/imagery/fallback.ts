import type { ImageEngineName } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { ImageModel, ImageRequest, RenderedImage } from './types.js';

export interface FallbackImageModelOptions {
  /** The hosted engine that was asked for. */
  primary: ImageModel;
  /** The embedded engine that stands in: the poster. */
  backup: ImageModel;
  log: Logger;
}

/**
 * A hosted image engine with the embedded poster behind it. On failure the poster is rendered instead, and
 * `RenderedImage.engine` names it, so the show can say the in-house department stood in. A cancelled request is
 * rethrown, not covered up.
 */
export class FallbackImageModel implements ImageModel {
  readonly #primary: ImageModel;
  readonly #backup: ImageModel;
  readonly #log: Logger;

  constructor(options: FallbackImageModelOptions) {
    this.#primary = options.primary;
    this.#backup = options.backup;
    this.#log = options.log;
  }

  get name(): ImageEngineName {
    return this.#primary.name;
  }

  async render(request: ImageRequest): Promise<RenderedImage> {
    try {
      return await this.#primary.render(request);
    } catch (err) {
      if (request.signal?.aborted) throw err;
      this.#log.warn(
        { err, engine: this.#primary.name, backup: this.#backup.name },
        `image engine failed; falling back to ${this.#backup.name}`,
      );
      return this.#backup.render(request);
    }
  }
}
