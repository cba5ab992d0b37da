import { diffArrays } from 'diff';
import type { Change } from './types.js';

/**
 * The word diff of a brief against a model's rewrite: which runs of the brief the model replaced, and with what.
 * Offsets are the brief's, so the show can strike exactly what the model changed.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
  word: boolean;
}

/** Words (letters and digits, with inner apostrophes and hyphens) and single punctuation marks, with offsets. */
export function tokenizeWords(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['’\-‐][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu)) {
    const start = match.index;
    tokens.push({ text: match[0], start, end: start + match[0].length, word: /[\p{L}\p{N}]/u.test(match[0]) });
  }
  return tokens;
}

/** A run of the brief the rewrite replaced: `start`/`end` in the brief, `to` from the rewrite. */
export interface Hunk {
  start: number;
  end: number;
  to: string;
}

const sameWord = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase();

/**
 * The word diff of `brief` against `revised`. jsdiff's diffArrays runs over our own tokens rather than
 * `diffWords`, because diffWords reports unchanged text as spelled in the new string, which would shift offsets
 * into the brief. Differences of case alone, and changes of punctuation alone, are not hunks: the brief keeps them.
 */
export function wordDiff(brief: string, revised: string): { hunks: Hunk[]; keptWords: Token[] } {
  const before = tokenizeWords(brief);
  const after = tokenizeWords(revised);
  const parts = diffArrays(
    before.map((t) => t.text),
    after.map((t) => t.text),
    { comparator: sameWord },
  );
  const hunks: Hunk[] = [];
  const keptWords: Token[] = [];
  let i = 0;
  let j = 0;
  let pending: { i0: number; i1: number; j0: number; j1: number } | undefined;
  const flush = () => {
    if (!pending) return;
    const hunk = toHunk(brief, revised, before, after, pending);
    if (hunk) hunks.push(hunk);
    pending = undefined;
  };
  for (const part of parts) {
    if (!part.added && !part.removed) {
      flush();
      keptWords.push(...before.slice(i, i + part.count).filter((t) => t.word));
      i += part.count;
      j += part.count;
      continue;
    }
    pending ??= { i0: i, i1: i, j0: j, j1: j };
    if (part.removed) pending.i1 = i += part.count;
    else pending.j1 = j += part.count;
  }
  flush();
  return { hunks, keptWords };
}

function toHunk(
  brief: string,
  revised: string,
  before: Token[],
  after: Token[],
  { i0, i1, j0, j1 }: { i0: number; i1: number; j0: number; j1: number },
): Hunk | undefined {
  // Punctuation at the edges of a hunk is the brief's own: the change is the words between.
  const removed = trimPunctuation(before.slice(i0, i1));
  const added = trimPunctuation(after.slice(j0, j1));
  if (removed.length === 0 && added.length === 0) return undefined;
  const firstAdded = added[0];
  const lastAdded = added.at(-1);
  if (removed.length > 0) {
    let start = (removed[0] as Token).start;
    let end = (removed.at(-1) as Token).end;
    const to = firstAdded && lastAdded ? revised.slice(firstAdded.start, lastAdded.end) : '';
    if (!to) {
      // A deletion takes one neighbouring space with it, so no double space is left behind.
      if (/\s/.test(brief[end] ?? '')) end++;
      else if (/\s/.test(brief[start - 1] ?? '')) start--;
    }
    return { start, end, to };
  }
  // A pure insertion goes after the brief's previous token, led by the rewrite's own separator ("a" + " friendly").
  const addedFrom = after.indexOf(firstAdded as Token);
  const previous = before[i1 - 1];
  if (previous && firstAdded && lastAdded) {
    const separatorStart = after[addedFrom - 1]?.end ?? firstAdded.start;
    return { start: previous.end, end: previous.end, to: revised.slice(separatorStart, lastAdded.end) };
  }
  // At the very start of the brief: before its first token, followed by the rewrite's separator.
  const next = before[i1];
  const addedTo = after.indexOf(lastAdded as Token) + 1;
  const separatorEnd = after[addedTo]?.start ?? revised.length;
  const at = next?.start ?? 0;
  return { start: at, end: at, to: revised.slice(firstAdded?.start ?? 0, separatorEnd) };
}

function trimPunctuation(tokens: Token[]): Token[] {
  let from = 0;
  let to = tokens.length;
  while (from < to && !tokens[from]?.word) from++;
  while (to > from && !tokens[to - 1]?.word) to--;
  return tokens.slice(from, to);
}

/** Applies changes (sorted, non-overlapping) to the brief. */
export function applyChanges(brief: string, changes: readonly Pick<Change, 'start' | 'end' | 'to'>[]): string {
  let out = '';
  let cursor = 0;
  for (const change of changes) {
    out += brief.slice(cursor, change.start) + change.to;
    cursor = change.end;
  }
  return out + brief.slice(cursor);
}
