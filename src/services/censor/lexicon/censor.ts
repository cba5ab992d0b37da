import { layeredLexicon } from '../layered.js';
import type { CensorModel, CensorRequest, CensorResult } from '../types.js';
import type { Lexicon } from './lexicon.js';

/** Options for the lexicon censor. */
export interface LexiconCensorOptions {
  lexicon: Lexicon;
}

/**
 * The embedded default censor: deterministic, offline, fast. A guild's overrides compile into a layered lexicon
 * once (the shared cache in ../layered.ts) and are reused for its next briefs.
 */
export class LexiconCensor implements CensorModel {
  readonly name = 'lexicon' as const;
  readonly #lexicon: Lexicon;

  constructor(options: LexiconCensorOptions) {
    this.#lexicon = options.lexicon;
  }

  async censor(request: CensorRequest): Promise<CensorResult> {
    request.signal?.throwIfAborted();
    const lexicon = layeredLexicon(this.#lexicon, request.overrides);
    const satire = request.satire !== false;
    const { verdict, censored, changes } = lexicon.rewrite(request.brief, request.stance ?? 'standard', { satire });
    return { verdict, censored, changes, engine: this.name };
  }
}
