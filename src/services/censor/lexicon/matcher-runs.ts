/** Matches that span several tokens in a looser way: letters spaced out one by one, and phrases with gaps. */
import type { GapPhrase } from './compile.js';
import { type Found, readings, type Scan } from './readings.js';
import { Gap, type Token } from './tokens.js';

// Spaced-out letters join only in runs of at least this many ("g u n"), so "a b" never glues into a word.
const MIN_SPACED_RUN = 3;
// A run may open with one of these words, said before the spaced-out one: "holding a g u n".
const RUN_OPENERS: ReadonlySet<string> = new Set(['a', 'i']);

/** The letter a token adds to a spaced-out run: one character, or one letter with punctuation after it ("k!"). */
function letterOf(token: Token | undefined): string | undefined {
  if (!token) return undefined;
  if (token.norm.length === 1) return token.norm;
  return token.core.length === 1 && token.norm.startsWith(token.core) ? token.core : undefined;
}

const trailing = (token: Token) => token.norm.length > 1;
const joins = (token: Token | undefined) => token !== undefined && (token.gap & Gap.Single) !== 0;

/** Whether token `i` continues a run of spaced-out letters that began before it. */
function continuesRun(tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  return previous !== undefined && !trailing(previous) && letterOf(previous) !== undefined && joins(tokens[i]);
}

/**
 * Joins a whole run of single letters split by single separators ("g u n", "f.u.c.k!") and looks the word up.
 * Only a complete run counts — "t h e c l a s s i c" is not "ass" — though it may open with "a" or "i".
 */
export function spacedAt(scan: Scan, first: number): Found | undefined {
  const { tokens, lexicon } = scan;
  if (letterOf(tokens[first]) === undefined || trailing(tokens[first] as Token)) return undefined;
  if (continuesRun(tokens, first)) {
    const opener = first - 1;
    if (continuesRun(tokens, opener) || !RUN_OPENERS.has((tokens[opener] as Token).norm)) return undefined;
  }
  let joined = '';
  let leet = false;
  let last = first;
  for (let i = first; ; i++) {
    const token = tokens[i] as Token;
    joined += letterOf(token);
    leet ||= token.leet && !trailing(token);
    last = i;
    if (joined.length > lexicon.longestWord) return undefined;
    if (trailing(token) || letterOf(tokens[i + 1]) === undefined || !joins(tokens[i + 1])) break;
  }
  if (last - first + 1 < MIN_SPACED_RUN) return undefined;
  for (const word of readings(joined, leet, lexicon)) {
    const terminal = lexicon.root.get(word)?.terminal;
    if (!terminal) continue;
    const end = tokens[last] as Token;
    return {
      start: (tokens[first] as Token).start,
      end: trailing(end) ? end.coreEnd : end.end,
      terminal,
      firstToken: first,
      lastToken: last,
    };
  }
  return undefined;
}

/** A phrase whose words may stand up to `gap` words apart, within one clause ("clothes barely covering"). */
export function gappedAt(scan: Scan, first: number, phrases: readonly GapPhrase[]): Found | undefined {
  const { tokens } = scan;
  let best: Found | undefined;
  for (const { words, gap, terminal } of phrases) {
    let at = first;
    for (let w = 1; w < words.length && at >= 0; w++) at = nextWord(tokens, at, words[w] as string, gap);
    if (at > first && (!best || at > best.lastToken)) {
      const start = (tokens[first] as Token).coreStart;
      best = { start, end: (tokens[at] as Token).coreEnd, terminal, firstToken: first, lastToken: at };
    }
  }
  return best;
}

/** The index of `word` within `gap` + 1 tokens after `from`, joined only by spaces or hyphens; -1 if absent. */
function nextWord(tokens: readonly Token[], from: number, word: string, gap: number): number {
  for (let i = from + 1; i <= from + 1 + gap && i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (!(token.gap & Gap.Phrase)) return -1;
    if (token.core === word) return i;
  }
  return -1;
}
