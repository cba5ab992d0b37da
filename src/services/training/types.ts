import type { Category, LexiconEntry } from '../censor/types.js';

/** One term the lexicon found in a text. The built lexicon's `scan` returns these. */
export interface TermMatch {
  start: number;
  end: number;
  text: string;
  entry: Pick<LexiconEntry, 'term' | 'category' | 'tier'>;
}

/** The part of the lexicon the training kit needs: finding terms. A built `Lexicon` is one. */
export interface TermScanner {
  scan(text: string): readonly TermMatch[];
}

/**
 * One training pair: what a member might type and what the censor should make of it (without the house style,
 * which is appended in code). `categories` lists the lexicon categories the rewrite touched; it is empty exactly
 * when the brief is safe and `censored` equals `brief`.
 */
export interface TrainingPair {
  /** The line of the CSV on which the row starts, for messages. */
  line: number;
  brief: string;
  censored: string;
  categories: Category[];
}
