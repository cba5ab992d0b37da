import type { CensoredPrompt } from '../services/censor/pipeline.js';
import type { ImageModel, RenderedImage } from '../services/imagery/types.js';
import type { Performance } from '../services/store/schemas.js';

/** Finale images held for the wall, newest kept; a hosted image not held here stays in its Discord thread. */
const KEPT = 64;

/**
 * The posters the wall and gallery show. An image from this process's finales is kept in memory; the embedded
 * poster engine is deterministic, so any of its posters can be drawn again from the approved prompt and number.
 */
export class PosterCache {
  private readonly kept = new Map<string, RenderedImage>();

  /** `recheck` passes a stored prompt through the censor again before anything is drawn from it. */
  constructor(
    private readonly poster: ImageModel,
    private readonly recheck: (performance: Performance) => Promise<CensoredPrompt>,
  ) {}

  keep(performanceId: string, image: RenderedImage): void {
    this.kept.delete(performanceId);
    this.kept.set(performanceId, image);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= KEPT) break;
      this.kept.delete(oldest);
    }
  }

  /** The performance's poster, or undefined when it was rendered by a hosted engine elsewhere. */
  async get(performance: Performance): Promise<RenderedImage | undefined> {
    const kept = this.kept.get(performance.id);
    if (kept) return kept;
    if (performance.imageEngine !== 'poster' || !performance.prompt) return undefined;
    const image = await this.poster.render({
      prompt: await this.recheck(performance),
      performanceNumber: performance.number,
      seed: performance.number,
    });
    this.keep(performance.id, image);
    return image;
  }
}
