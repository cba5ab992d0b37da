/**
 * The censor port's data, as zod schemas: a lexicon entry, one change, a result. The TypeScript types are inferred
 * from them (see ./types.ts); storage imports these schemas, never the other way round.
 */
import { z } from 'zod';
import { CENSOR_ENGINES } from '../../config.js';
import { CATEGORIES, LAYERS, TIERS } from './types.js';

const phrase = z.string().trim().min(1).max(60);

/** Words near a match that decide whether it fires: any `fire` cue is required when listed, a `protect` cue vetoes. */
export const cuesSchema = z.object({
  fire: z.array(phrase).min(1).optional(),
  protect: z.array(phrase).min(1).optional(),
});

export const lexiconEntrySchema = z.object({
  term: phrase,
  category: z.enum(CATEGORIES),
  tier: z.enum(TIERS),
  /** Corporate replacements; the first is the default, others are picked deterministically for variety. */
  euphemisms: z.array(phrase).min(1),
  /** The policy reason in corporate voice, e.g. "Brand Safety Guideline 4.2 — Weapons". */
  reason: z.string().trim().min(1).max(120),
  /** How the term inflects, so its euphemism inflects the same way. Nouns pluralise their last word. Default noun. */
  pos: z.enum(['noun', 'verb', 'adjective', 'other']).optional(),
  /** Irregular forms the matcher cannot derive ("shot" for "shoot"). */
  forms: z.array(phrase).optional(),
  /** Which layer the entry belongs to; `layerOf` gives the default. */
  layer: z.enum(LAYERS).optional(),
  /** Replacements for a verb entry used as a noun ("a vicious fight" → "a vicious disagreement"). */
  nounEuphemisms: z.array(phrase).min(1).optional(),
  /**
   * Replacements for a noun entry used as a verb ("guillotined" → "offboarded"). Only an entry that has them is
   * matched in its -ed and -ing forms, so a noun never lends its noun euphemism to a verb.
   */
  verbEuphemisms: z.array(phrase).min(1).optional(),
  /** Context words (within a few words either side) that make the entry fire, or protect the text from it. */
  cues: cuesSchema.optional(),
  /** How many words may stand between the words of a phrase ("no clothes" also finds "no more clothes"). */
  gap: z.number().int().min(0).max(2).optional(),
  /**
   * A strong stem: derived word forms are matched (-ing, -ed, -er, -y, -ly, -ity, -ic, -al) and the fuzzy passes
   * (masked, vowel-dropped, misspelt, glued) look for it in tokens that are not dictionary words.
   */
  strong: z.boolean().optional(),
});

export const changeSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  from: z.string(),
  to: z.string(),
  category: z.enum(CATEGORIES),
  tier: z.enum(TIERS),
  reason: z.string(),
  /** Which layer fired; optional so records written before layers existed still load (`layerOf` reads them). */
  layer: z.enum(LAYERS).optional(),
});

export const censorResultSchema = z.object({
  verdict: z.enum(['pass', 'rewrite', 'block']),
  censored: z.string(),
  changes: z.array(changeSchema),
  engine: z.enum(CENSOR_ENGINES),
});
