import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { lexiconEntrySchema } from '../schemas.js';
import type { LexiconEntry } from '../types.js';

/** data/lexicon.json, found from this module rather than the working directory, so every entry point agrees. */
export const BUILT_IN_LEXICON_PATH = fileURLToPath(new URL('../../../../data/lexicon.json', import.meta.url));

const entriesSchema = z.array(lexiconEntrySchema);

/**
 * Reads and validates the built-in lexicon (or the file at `path`). A broken file throws one Error that names
 * the file, the entry index and the field, e.g. `data/lexicon.json: entry 12 (term "gun"), euphemisms: …`.
 */
export function loadBuiltInLexiconEntries(path: string = BUILT_IN_LEXICON_PATH): LexiconEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  // The file may be a bare array or an object that holds it under `entries`.
  const list = Array.isArray(raw) ? raw : (raw as { entries?: unknown } | null)?.entries;
  const result = entriesSchema.safeParse(list);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const [index, ...field] = issue?.path ?? [];
  if (typeof index !== 'number') throw new Error(`${path}: expected an array of lexicon entries`);
  const term = (list as Array<{ term?: unknown }>)[index]?.term;
  const named = typeof term === 'string' ? ` (term "${term}")` : '';
  throw new Error(`${path}: entry ${index}${named}, ${field.join('.') || 'entry'}: ${issue?.message}`);
}
