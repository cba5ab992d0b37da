import { z } from 'zod';

/**
 * The field types of the configuration, shared by `config.ts` and the keys each provider declares. Empty strings
 * count as unset, so `.env.example`'s empty placeholders behave like missing variables.
 */
export const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional());
export const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
export const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((v) => (v === '' || v === undefined ? fallback : v), schema);
