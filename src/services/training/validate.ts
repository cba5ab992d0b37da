import { parseCsv } from './csv.js';
import { DATASET_COLUMNS, datasetRowSchema } from './schema.js';
import type { TermMatch, TermScanner, TrainingPair } from './types.js';

/** What kind of mistake a problem is; the CLI groups its report by it. */
export type ProblemKind =
  | 'csv'
  | 'header'
  | 'columns'
  | 'field'
  | 'safe-row'
  | 'duplicate'
  | 'leak'
  | 'block'
  | 'categories'
  | 'style';

/** One thing wrong with the dataset, at the line where its row starts (line 1 is the header). */
export interface DatasetProblem {
  line: number;
  kind: ProblemKind;
  message: string;
}

/** The outcome of validating a dataset. A dataset is fit to train on when `problems` is empty. */
export interface DatasetReport {
  /** The rows that passed every check, in file order. */
  pairs: TrainingPair[];
  problems: DatasetProblem[];
  /** Data records read (the header not counted), good or bad. */
  records: number;
}

export interface ValidateOptions {
  lexicon: TermScanner;
  /** The house style: it is appended in code, so a censored text must never carry it. */
  style: string;
}

/**
 * Validates the training CSV. Every row is checked and every problem reported, not just the first:
 * - `csv`: a record the CSV reader cannot read (a stray or unclosed quote);
 * - `header`: line 1 lacks one of the columns `brief`, `censored`, `categories` (others are ignored);
 * - `columns`: a row with more or fewer fields than the header (often an unquoted comma);
 * - `field`: an empty, over-long or multi-line text, or an unknown category name;
 * - `safe-row`: `categories` must be empty exactly when `censored` equals `brief` (a safe brief comes back
 *   unchanged and teaches the censor not to over-censor);
 * - `duplicate`: the same brief (ignoring case and spacing) as an earlier row;
 * - `leak`: the lexicon still finds a term in `censored`;
 * - `block`: the brief holds a block-tier term; such briefs are refused on stage, never rewritten, so they do
 *   not belong among rewrite pairs;
 * - `categories`: a category the lexicon finds in the brief is not listed (listing more is allowed: a person may
 *   label a disguise the lexicon misses);
 * - `style`: `censored` carries the house style, which is appended in code, never learned.
 */
export function validateDataset(text: string, options: ValidateOptions): DatasetReport {
  const { records, problems: csvProblems } = parseCsv(text);
  const problems: DatasetProblem[] = csvProblems.map((p) => ({ ...p, kind: 'csv' }));
  const [header, ...rows] = records;
  const dataRecords = rows.length + csvProblems.filter((p) => p.line > (header?.line ?? 0)).length;
  if (!header) {
    problems.push({
      line: 1,
      kind: 'header',
      message: `no header: the first line must be ${DATASET_COLUMNS.join(',')}`,
    });
    return { pairs: [], problems, records: 0 };
  }
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const missing = DATASET_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    problems.push({
      line: header.line,
      kind: 'header',
      message: `header lacks column ${missing.map((m) => `"${m}"`).join(', ')} (found: ${header.fields.join(', ')})`,
    });
    return { pairs: [], problems: sortProblems(problems), records: dataRecords };
  }
  const index = Object.fromEntries(DATASET_COLUMNS.map((column) => [column, names.indexOf(column)]));
  const pairs: TrainingPair[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, fields } of rows) {
    if (fields.length !== names.length) {
      const hint = fields.length > names.length ? ': a field with a comma must be in quotes' : '';
      problems.push({
        line,
        kind: 'columns',
        message: `${fields.length} fields, expected ${names.length} (${header.fields.join(', ')})${hint}`,
      });
      continue;
    }
    const parsed = datasetRowSchema.safeParse({
      brief: fields[index.brief ?? 0],
      censored: fields[index.censored ?? 1],
      categories: fields[index.categories ?? 2],
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line, kind: 'field', message: issue.message });
      continue;
    }
    const pair: TrainingPair = { line, ...parsed.data };
    const rowProblems = checkPair(pair, firstLineOf, options);
    problems.push(...rowProblems);
    if (rowProblems.length === 0) pairs.push(pair);
  }
  return { pairs, problems: sortProblems(problems), records: dataRecords };
}

function checkPair(pair: TrainingPair, firstLineOf: Map<string, number>, options: ValidateOptions): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const add = (kind: ProblemKind, message: string) => problems.push({ line: pair.line, kind, message });
  const { brief, censored, categories } = pair;

  const key = brief.toLowerCase().replace(/\s+/g, ' ');
  const earlier = firstLineOf.get(key);
  if (earlier === undefined) firstLineOf.set(key, pair.line);
  else add('duplicate', `duplicate of the brief on line ${earlier}`);

  if (categories.length === 0 && censored !== brief) {
    add('safe-row', 'censored differs from brief but categories is empty: list the categories the rewrite touched');
  }
  if (categories.length > 0 && censored === brief) {
    add('safe-row', 'censored equals brief but categories is not empty: a safe row has no categories');
  }

  const inBrief = options.lexicon.scan(brief);
  const blocked = inBrief.filter((m) => m.entry.tier === 'block');
  if (blocked.length > 0) {
    add('block', `brief holds block-tier ${quoteTerms(blocked)}: refused briefs are not rewrite pairs; drop the row`);
  }
  const missing = new Map<string, string[]>();
  for (const match of inBrief) {
    if (match.entry.tier === 'block' || categories.includes(match.entry.category)) continue;
    missing.set(match.entry.category, [...(missing.get(match.entry.category) ?? []), match.text]);
  }
  for (const [category, found] of missing) {
    add('categories', `categories lacks "${category}" (the lexicon finds ${found.map((t) => `"${t}"`).join(', ')})`);
  }

  const leaks = options.lexicon.scan(censored);
  if (leaks.length > 0) {
    add('leak', `censored still holds ${quoteTerms(leaks)}`);
  }
  if (carriesStyle(censored, brief, options.style)) {
    add('style', 'censored carries the house style; it is appended in code, so leave it out');
  }
  return problems;
}

function quoteTerms(matches: readonly TermMatch[]): string {
  return matches.map((m) => `"${m.text}" (${m.entry.category})`).join(', ');
}

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * True when `censored` holds the house style: the whole of it, two or more of its clauses, or ends with one of
 * its clauses — in each case only counting what the brief itself did not already say.
 */
export function carriesStyle(censored: string, brief: string, style: string): boolean {
  const text = fold(censored);
  const original = fold(brief);
  const whole = fold(style);
  if (!whole) return false;
  if (text.includes(whole) && !original.includes(whole)) return true;
  const clauses = whole
    .split(',')
    .map((clause) => clause.trim())
    .filter((clause) => clause.length >= 4 && !original.includes(clause));
  const present = clauses.filter((clause) => text.includes(clause));
  if (present.length >= 2) return true;
  const lastClause = text.split(',').at(-1)?.trim() ?? '';
  return clauses.includes(lastClause);
}

function sortProblems(problems: DatasetProblem[]): DatasetProblem[] {
  return problems.toSorted((a, b) => a.line - b.line);
}
