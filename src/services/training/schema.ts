import { z } from 'zod';
import { CATEGORIES, type Category } from '../censor/types.js';
import { MAX_BRIEF_LENGTH } from '../show/brief.js';

/** The columns of the dataset CSV, in the order the project writes them. Other columns are allowed and ignored. */
export const DATASET_COLUMNS = ['brief', 'censored', 'categories'] as const;

/** How the `categories` field separates category names: `weapons|gore`. */
export const CATEGORY_SEPARATOR = '|';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const text = (column: string) =>
  z
    .string()
    .trim()
    .min(1, `${column} is empty`)
    .max(MAX_BRIEF_LENGTH, `${column} is longer than ${MAX_BRIEF_LENGTH} characters`)
    .refine((value) => !CONTROL.test(value), `${column} holds a line break or control character; keep it on one line`)
    .refine(
      (value) => value.isWellFormed() && !value.includes('\uFFFD'),
      `${column} holds bytes that are not UTF-8 (save the file as "CSV UTF-8")`,
    );

const categoryNames = new Set<string>(CATEGORIES);

const categories = z
  .string()
  .transform((value) =>
    value
      .split(CATEGORY_SEPARATOR)
      .map((name) => name.trim())
      .filter(Boolean),
  )
  .superRefine((names, ctx) => {
    for (const name of names) {
      if (!categoryNames.has(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `categories has unknown "${name}" (known: ${CATEGORIES.join(', ')}; separate with "${CATEGORY_SEPARATOR}")`,
        });
      }
    }
    const repeated = names.find((name, i) => names.indexOf(name) !== i);
    if (repeated) ctx.addIssue({ code: 'custom', message: `categories names "${repeated}" twice` });
  })
  .transform((names) => names as Category[]);

/** One dataset row as zod checks it: trimmed, single-line texts and known category names. */
export const datasetRowSchema = z.object({
  brief: text('brief'),
  censored: text('censored'),
  categories,
});

export type DatasetRow = z.infer<typeof datasetRowSchema>;
