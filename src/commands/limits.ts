import type { z } from 'zod';
import { lexiconEntrySchema } from '../services/censor/schemas.js';
import { guildSettingsSchema } from '../services/store/schemas.js';

type Bounded = { minValue: number | null; maxValue: number | null };

/** The bounds zod enforces on a number, for the slash option that feeds it: the limits are written once. */
function range(schema: z.ZodType & { unwrap?: () => unknown }): { min: number; max: number } {
  const inner = (schema.unwrap ? schema.unwrap() : schema) as Bounded;
  if (inner.minValue === null || inner.maxValue === null) throw new Error('a slash option needs a bounded number');
  return { min: inner.minValue, max: inner.maxValue };
}

function length(schema: { maxLength: number | null }): number {
  if (schema.maxLength === null) throw new Error('a slash option needs a bounded string');
  return schema.maxLength;
}

const settings = guildSettingsSchema.shape;
const entry = lexiconEntrySchema.shape;

/** Slash-command limits, derived from the schemas the values are validated by. */
export const LIMITS = {
  cooldownSeconds: range(settings.cooldownSeconds),
  maxQueuedPerUser: range(settings.maxQueuedPerUser),
  maxQueuedPerGuild: range(settings.maxQueuedPerGuild),
  term: length(entry.term),
  euphemism: length(entry.euphemisms.element),
  reason: length(entry.reason),
} as const;
