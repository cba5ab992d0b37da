import { z } from 'zod';
import { withDefault } from '../../config-fields.js';
import type { Logger } from '../../logger.js';
import { callHosted } from '../hosted-call.js';
import type { RetryPolicy } from '../retry.js';
import { layeredLexicon } from './layered.js';
import type { Lexicon } from './lexicon/index.js';
import { rewriteFromModel } from './model-rewrite.js';
import { CENSOR_SYSTEM_PROMPT } from './prompts.js';
import type { CensorModel, CensorRequest, CensorResult, Stance } from './types.js';

/** The key every hosted censor reads: its temperature; 0 gives the same rewrite for the same brief. */
export const CENSOR_KEYS = { CENSOR_TEMPERATURE: withDefault(z.coerce.number().min(0).max(2), 0) };

/** What a hosted censor is asked for one brief. */
export interface CensorPrompt {
  brief: string;
  stance: Stance;
  /** Upper bound on the answer's tokens, from the brief's length. */
  maxTokens: number;
}

/** One hosted language model that rewrites a brief. It answers the raw text; everything else is done here. */
export interface Rewriter {
  readonly name: 'openai' | 'huggingface';
  /** Loads what the first call needs (the SDK), so its deadline counts only the call. */
  ready?(): Promise<void>;
  rewrite(prompt: CensorPrompt, signal: AbortSignal): Promise<string>;
}

/**
 * Added to the system prompt (or before the template) on appeal, when the censor reads a brief a second time.
 * Inference only: the fine-tunes were trained on the first reading.
 */
export const RECONSIDER_INSTRUCTION =
  'This brief is under appeal and you are reading it a second time. Be lenient: keep mild or figurative words ' +
  '(swords, battles, monsters, spooky things) and change only what is explicit, hateful or dangerous.';

/** The system prompt of a chat censor for a stance: the training prompt, plus leniency on appeal. */
export function censorSystemPrompt(stance: Stance): string {
  return stance === 'reconsider' ? `${CENSOR_SYSTEM_PROMPT} ${RECONSIDER_INSTRUCTION}` : CENSOR_SYSTEM_PROMPT;
}

/**
 * A rewrite never needs more than about three times the brief's tokens (a euphemism is longer than its term).
 * Tokens are estimated at one per three characters, generously for short words and punctuation.
 */
export function maxRewriteTokens(brief: string): number {
  return Math.min(1024, 3 * Math.ceil(brief.length / 3) + 32);
}

export interface ModelCensorOptions {
  rewriter: Rewriter;
  lexicon: Lexicon;
  /** The house style the guard strips from a rewrite when the request does not name its own. */
  style: string;
  retry?: Partial<RetryPolicy>;
  log?: Logger;
}

/**
 * A censor backed by a hosted language model. A brief with a `block` term is refused here and never leaves the
 * building; every other brief goes to the model under a deadline with bounded retries, and its answer goes through
 * the guard, the lexicon's rescan and the word diff ({@link rewriteFromModel}). Failures are thrown as ModelError
 * for the fallback wrapper to handle.
 */
export class ModelCensor implements CensorModel {
  readonly #rewriter: Rewriter;
  readonly #lexicon: Lexicon;
  readonly #style: string;
  readonly #retry: Partial<RetryPolicy>;
  readonly #log: Logger | undefined;

  constructor(options: ModelCensorOptions) {
    this.#rewriter = options.rewriter;
    this.#lexicon = options.lexicon;
    this.#style = options.style;
    this.#retry = options.retry ?? {};
    this.#log = options.log;
  }

  get name(): Rewriter['name'] {
    return this.#rewriter.name;
  }

  /** `style` is read when the pipeline passes it along (censorBrief spreads its request), so a guild's own style is stripped too. */
  async censor(request: CensorRequest & { style?: string }): Promise<CensorResult> {
    request.signal?.throwIfAborted();
    const engine = this.name;
    const stance = request.stance ?? 'standard';
    const lexicon = layeredLexicon(this.#lexicon, request.overrides);
    const briefMatches = lexicon.scan(request.brief);
    if (briefMatches.some((m) => m.entry.tier === 'block')) {
      return { ...lexicon.rewrite(request.brief, stance), engine };
    }
    const prompt: CensorPrompt = { brief: request.brief, stance, maxTokens: maxRewriteTokens(request.brief) };
    await this.#rewriter.ready?.();
    const raw = await callHosted((signal) => this.#rewriter.rewrite(prompt, signal), {
      engine,
      kind: 'censor',
      retry: this.#retry,
      signal: request.signal,
      log: this.#log,
    });
    return rewriteFromModel({
      brief: request.brief,
      raw,
      lexicon,
      stance,
      style: request.style ?? this.#style,
      engine,
      briefMatches,
    });
  }
}
