import type { CensorModel, CensorRequest, CensorResult, LexiconOverrides } from '../types.js';
import type { Lexicon } from './lexicon.js';

/** How many guilds' compiled lexicons are kept; beyond it, the least recently used is compiled again on demand. */
const OVERRIDE_CACHE_SIZE = 64;

/** A stable key for a guild's overrides, whatever order the removals were written in. */
function overridesKey(overrides: LexiconOverrides): string {
  return JSON.stringify([overrides.add, [...overrides.remove].sort()]);
}

/** Options for the lexicon censor. */
export interface LexiconCensorOptions {
  lexicon: Lexicon;
}

/**
 * The embedded default censor: deterministic, offline, fast. A guild's overrides compile into a layered lexicon
 * once and are reused for its next briefs.
 */
export class LexiconCensor implements CensorModel {
  readonly name = 'lexicon' as const;
  readonly #lexicon: Lexicon;
  readonly #layered = new Map<string, Lexicon>();

  constructor(options: LexiconCensorOptions) {
    this.#lexicon = options.lexicon;
  }

  async censor(request: CensorRequest): Promise<CensorResult> {
    request.signal?.throwIfAborted();
    const lexicon = this.#lexiconFor(request.overrides);
    const satire = request.satire !== false;
    return { ...lexicon.rewrite(request.brief, request.stance ?? 'standard', { satire }), engine: this.name };
  }

  #lexiconFor(overrides: LexiconOverrides | undefined): Lexicon {
    if (!overrides || (overrides.add.length === 0 && overrides.remove.length === 0)) return this.#lexicon;
    const key = overridesKey(overrides);
    let layered = this.#layered.get(key);
    if (layered) {
      // Re-inserting marks it most recently used; Map keeps insertion order.
      this.#layered.delete(key);
    } else {
      layered = this.#lexicon.withOverrides(overrides);
      if (this.#layered.size >= OVERRIDE_CACHE_SIZE) this.#layered.delete(this.#layered.keys().next().value as string);
    }
    this.#layered.set(key, layered);
    return layered;
  }
}
