import type { z } from 'zod';
import type { CensorEngineName } from '../../config.js';
import type { censorResultSchema, changeSchema, lexiconEntrySchema } from './schemas.js';

/**
 * How the censor treats a term:
 * - `redline`: shown struck through on stage, then replaced — the theatre;
 * - `blackout`: never echoed back; shown as █ bars, then replaced;
 * - `block`: the whole brief is refused and never performed.
 */
export const TIERS = ['redline', 'blackout', 'block'] as const;
export type Tier = (typeof TIERS)[number];

export const CATEGORIES = [
  'violence',
  'weapons',
  'gore',
  'sexual',
  'nudity',
  'drugs',
  'self-harm',
  'hate',
  'profanity',
  'corporate',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * The two layers of the censor. `safety` (sexual, nudity, gore, violence, weapons, drugs, self-harm, hate,
 * profanity) is what the metrics measure and what an appeal may never restore by default; `theatre` is the
 * piece's satirical voice (corporate terms, deliberate over-reach such as beer or war), which a guild can switch off.
 */
export const LAYERS = ['safety', 'theatre'] as const;
export type Layer = (typeof LAYERS)[number];

/** The layer of a change or an entry that does not say: the corporate category is theatre, the rest safety. */
export function layerOf(item: { layer?: Layer; category: Category }): Layer {
  return item.layer ?? (item.category === 'corporate' ? 'theatre' : 'safety');
}

export type Verdict = CensorResult['verdict'];

/** One term of the lexicon. `term` may be a phrase ("assault rifle"); matching handles inflections and disguises. */
export type LexiconEntry = z.infer<typeof lexiconEntrySchema>;

/** One edit the censor made. `start`/`end` are UTF-16 offsets into the original brief. */
export type Change = z.infer<typeof changeSchema>;

/** What a censor decided about a brief. `censored` is "" when the verdict is `block`. */
export type CensorResult = z.infer<typeof censorResultSchema>;

/** A guild's layer over the built-in lexicon: extra terms, and built-in terms switched off. */
export interface LexiconOverrides {
  add: LexiconEntry[];
  remove: string[];
}

/**
 * The stance the censor takes. `standard` is the first pass; `reconsider` is the second pass on appeal,
 * which lets redline terms through and keeps only blackout and block.
 */
export type Stance = 'standard' | 'reconsider';

export interface CensorRequest {
  brief: string;
  /** The house style this act will append; a model adapter uses it to recognise a style the model wrote itself. */
  style?: string;
  stance?: Stance;
  overrides?: LexiconOverrides;
  /** The theatre layer (satire) fires only when this is not false; the safety layer always does. */
  satire?: boolean;
  signal?: AbortSignal;
}

/** The port every censor engine implements: the embedded lexicon, OpenAI, Hugging Face. */
export interface CensorModel {
  readonly name: CensorEngineName;
  censor(request: CensorRequest): Promise<CensorResult>;
}
