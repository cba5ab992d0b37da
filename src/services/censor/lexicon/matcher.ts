import type { CompiledLexicon, Terminal, TrieNode } from './compile.js';
import { cuesAllow } from './context.js';
import { disguisedAt } from './matcher-disguise.js';
import { gappedAt, spacedAt } from './matcher-runs.js';
import { candidates, type Found, type RawMatch, type Scan } from './readings.js';
import { Gap, type Token, tokenize } from './tokens.js';

export type { RawMatch } from './readings.js';

/**
 * Whether a first-level node, read before token `next`, stands for nothing: it is no term and opens no gap phrase,
 * it is remembered to disguise no strong word, and any phrase it opens ("in flames") does not go on with `next`.
 */
const standsForNothing = (node: TrieNode, next: Token | undefined) =>
  node.disguise === null &&
  !node.terminal &&
  !node.gapped &&
  (!node.next || !next || !(next.gap & Gap.Phrase) || (next.plain && !node.next.has(next.core)));

/** Whether `next` may carry on a run of spaced-out letters ("g u n"): one character, or one with symbols after it. */
const joinsLetter = (next: Token | undefined) =>
  next !== undefined && (next.gap & Gap.Single) !== 0 && (next.norm.length === 1 || next.core.length <= 1);

const longer = (a: Found | undefined, b: Found | undefined) => (b && (!a || b.end > a.end) ? b : a);

/** How many unreadable tokens a lexicon remembers before it forgets them all; bounds memory. */
const UNREADABLE_KEPT = 50_000;

/**
 * Whether no reading of token `i` opens a term or phrase. Then, for a leet or masked token, only its neighbours
 * (spaced-out letters, gap phrases, a "sh.t" mask) can make it part of a match, and its folded spelling says so.
 */
function opensNothing(scan: Scan, i: number): boolean {
  for (const { word } of candidates(scan, i)) {
    const node = scan.lexicon.root.get(word);
    if (node && (node.terminal || node.next)) return false;
  }
  return true;
}

function rememberUnreadable(lexicon: CompiledLexicon, norm: string): void {
  if (lexicon.unreadable.size >= UNREADABLE_KEPT) lexicon.unreadable.clear();
  lexicon.unreadable.add(norm);
}

/**
 * Scans one brief. Greedy from the left, longest match at each token, non-overlapping. Exact readings come first;
 * the fuzzy disguise passes only run where nothing matched exactly. A match whose cues forbid it is dropped, unless
 * `ignoreCues` (looking a term up by name, where there is no context).
 */
export function scanText(text: string, lexicon: CompiledLexicon, ignoreCues = false): RawMatch[] {
  const tokens = tokenize(text);
  const scan: Scan = { text, tokens, lexicon, cache: new Array(tokens.length) };
  const matches: RawMatch[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as Token;
    // The plain-token fast path: one lookup gives the trie node and any gap phrases that open with the word.
    const node = token.plain ? lexicon.root.getHashed(token.core, token.hash) : undefined;
    const next = tokens[i + 1];
    if (
      node &&
      standsForNothing(node, next) &&
      !((next?.gap ?? 0) & Gap.Dot) &&
      (token.norm.length > 1 || !joinsLetter(next))
    ) {
      // Most words: known to match nothing, not a letter that spaced-out letters continue, no "sh.t" mask after them.
      i++;
      continue;
    }
    const best = matchAt(scan, i, node);
    const cues = ignoreCues ? undefined : best?.terminal.cues;
    if (!best || (cues && !cuesAllow(cues, text, tokens, best.firstToken, best.lastToken))) {
      i++;
      continue;
    }
    matches.push({ start: best.start, end: best.end, terminal: best.terminal });
    i = best.lastToken + 1;
  }
  return lexicon.symbols.size === 0 ? matches : withSymbols(text, matches, lexicon);
}

/**
 * The match at token `i`, every way one may start there: exact readings, spaced-out letters, gap phrases, then the
 * fuzzy disguise passes. Kept out of scanText's loop, which most words leave by the fast path, so V8 optimises that
 * loop small and soon. `node` is the trie node of a plain token's word, when it has one.
 */
function matchAt(scan: Scan, i: number, node: TrieNode | undefined): Found | undefined {
  const { tokens, lexicon } = scan;
  const token = tokens[i] as Token;
  let best: Found | undefined;
  // "8k", "35mm", "wow!!!": leet or masked tokens that briefs repeat and that read as nothing on their own.
  const coded = (token.leet || token.masked) && !((tokens[i + 1]?.gap ?? 0) & Gap.Dot);
  const unreadable = coded && lexicon.unreadable.has(token.norm);
  if (node) best = step(scan, node, i, i, token.coreStart, token.coreEnd, undefined);
  else if (!token.plain && !unreadable) best = walk(scan, lexicon.root, i, i, 0, undefined);
  best = longer(best, spacedAt(scan, i));
  const gapped = node ? node.gapped : lexicon.gapped.get(token.core);
  if (gapped) best = longer(best, gappedAt(scan, i, gapped));
  // A masked token is read whole by the disguise pass too: "f***" is fuck, not the mask "f" with stars after it.
  if (!unreadable && (!best || (token.masked && best.lastToken === i))) {
    const disguised = disguisedAt(scan, i, node);
    if (!best && !disguised && coded && opensNothing(scan, i)) rememberUnreadable(lexicon, token.norm);
    best = longer(best, disguised);
  }
  return best;
}

// Emoji that may trail a symbol and belong to it: a variation selector, a skin tone.
const TRAILING_MODIFIER = /^(?:\uFE0F|\uD83C[\uDFFB-\uDFFF])/;

/** Adds literal matches of symbol terms ("🍆"). Symbols are separators to the tokenizer, so they never overlap words. */
function withSymbols(text: string, matches: RawMatch[], lexicon: CompiledLexicon): RawMatch[] {
  const all = [...matches];
  for (const [literal, terminal] of lexicon.symbols) {
    for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
      let end = at + literal.length;
      for (let m = TRAILING_MODIFIER.exec(text.slice(end)); m; m = TRAILING_MODIFIER.exec(text.slice(end))) {
        end += m[0].length;
      }
      if (!all.some((match) => match.start < end && at < match.end)) all.push({ start: at, end, terminal });
    }
  }
  return all.sort((a, b) => a.start - b.start);
}

/**
 * Walks the trie from token `first` along every reading of each token; the match reaching furthest wins. A plain
 * token has one reading, its core, and is looked up without building a candidate list.
 */
function walk(
  scan: Scan,
  level: Map<string, TrieNode>,
  first: number,
  i: number,
  start: number,
  best: Found | undefined,
): Found | undefined {
  const token = scan.tokens[i] as Token;
  if (token.plain) {
    const node = level.get(token.core);
    return node ? step(scan, node, first, i, i === first ? token.coreStart : start, token.coreEnd, best) : best;
  }
  for (const candidate of candidates(scan, i)) {
    // Inside a phrase, a word must fill its token: "assault! rifle" has more than a space between its words.
    if (i > first && candidate.start !== token.start) continue;
    const node = level.get(candidate.word);
    if (node) best = step(scan, node, first, i, i === first ? candidate.start : start, candidate.end, best);
  }
  return best;
}

function step(
  scan: Scan,
  node: TrieNode,
  first: number,
  i: number,
  from: number,
  end: number,
  best: Found | undefined,
): Found | undefined {
  const terminal: Terminal | undefined = node.terminal;
  // More words win; within one token, edge symbols join a match only when they change what it says, so
  // "bikini!!!" keeps its "!!!" but "@ss" needs its "@".
  if (terminal && (!best || i > best.lastToken || (end > best.end && terminal.entry !== best.terminal.entry))) {
    best = { start: from, end, terminal, firstToken: first, lastToken: i };
  }
  const token = scan.tokens[i] as Token;
  const next = scan.tokens[i + 1];
  if (node.next && next && next.gap & Gap.Phrase && end === token.end) {
    best = walk(scan, node.next, first, i + 1, from, best);
  }
  return best;
}
