import type { CompiledLexicon, Terminal, TrieNode } from './compile.js';
import { skeletonOf } from './compile.js';
import { leetReadings } from './leet.js';
import { Gap, type Token, tokenize } from './tokens.js';

/** A reading of (part of) a token: the word it spells, and the original span that spells it. */
interface Candidate {
  word: string;
  start: number;
  end: number;
}

/** A match before it is dressed up for the public API: offsets into the original text, and what it matched. */
export interface RawMatch {
  start: number;
  end: number;
  terminal: Terminal;
}

// Spaced-out letters join only in runs of at least this many ("g u n"), so "a b" never glues into a word.
const MIN_SPACED_RUN = 3;
const RUN_OF_THREE = /(.)\1\1/;
const DOUBLED = /(.)\1/;

/** The known words a stretched spelling may stand for: "kiiiill" → "kill", never "as" → "ass". */
function unstretch(word: string, lexicon: CompiledLexicon): string[] {
  if (!RUN_OF_THREE.test(word)) return [];
  const { skeleton, runs } = skeletonOf(word);
  const targets = lexicon.skeletons.get(skeleton) ?? [];
  // Every run must be at least as long as the term's own, so a legit double ("blood") is never shortened.
  return targets.filter((t) => t.runs.every((n, i) => (runs[i] ?? 0) >= n)).map((t) => t.word);
}

/** Every word a piece of text may spell: as written, decoded from leetspeak, and un-stretched. */
function readings(text: string, leet: boolean, lexicon: CompiledLexicon): string[] {
  const plain = leet ? [text, ...leetReadings(text)] : [text];
  const out = [...plain];
  for (const word of plain) out.push(...unstretch(word, lexicon));
  return out;
}

/** The readings of one token, its bare core first, then with its edge symbols ("ex", "$ex", "ex!", "$ex!"). */
function candidatesOf(token: Token, lexicon: CompiledLexicon): Candidate[] {
  const { norm, core, start, end, coreStart, coreEnd } = token;
  if (!token.leet) return readings(core, false, lexicon).map((word) => ({ word, start: coreStart, end: coreEnd }));
  const lead = norm.indexOf(core);
  const spans: Array<[string, number, number]> = [];
  if (core && norm !== core) {
    spans.push([core, coreStart, coreEnd], [norm.slice(0, lead + core.length), start, coreEnd]);
    spans.push([norm.slice(lead), coreStart, end]);
  }
  spans.push([norm, start, end]);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const [text, from, to] of spans) {
    for (const word of readings(text, true, lexicon)) {
      const key = `${word}:${from}:${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ word, start: from, end: to });
    }
  }
  return out;
}

/** Scans one brief. Greedy from the left, longest match at each token, non-overlapping. */
export function scanText(text: string, lexicon: CompiledLexicon): RawMatch[] {
  const tokens = tokenize(text);
  const cache: Array<Candidate[] | undefined> = new Array(tokens.length);
  const candidates = (i: number) => {
    let list = cache[i];
    if (!list) {
      list = candidatesOf(tokens[i] as Token, lexicon);
      cache[i] = list;
    }
    return list;
  };

  const matches: RawMatch[] = [];
  for (let i = 0; i < tokens.length; ) {
    const phrase = longestPhraseAt(i, tokens, candidates, lexicon.root);
    const spaced = longestSpacedAt(i, tokens, lexicon);
    const best = spaced && (!phrase || spaced.end > phrase.end) ? spaced : phrase;
    if (!best) {
      i++;
      continue;
    }
    matches.push({ start: best.start, end: best.end, terminal: best.terminal });
    i = best.lastToken + 1;
  }
  return lexicon.symbols.size === 0 ? matches : withSymbols(text, matches, lexicon);
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

interface Found extends RawMatch {
  lastToken: number;
}

/** Walks the trie from token `first` along every reading of each token; the match reaching furthest wins. */
function longestPhraseAt(
  first: number,
  tokens: Token[],
  candidates: (i: number) => Candidate[],
  root: Map<string, TrieNode>,
): Found | undefined {
  let best: Found | undefined;
  const walk = (level: Map<string, TrieNode>, i: number, start: number) => {
    const token = tokens[i] as Token;
    for (const candidate of candidates(i)) {
      // Inside a phrase, a word must fill its token: "assault! rifle" has more than a space between its words.
      if (i > first && candidate.start !== token.start) continue;
      const node = level.get(candidate.word);
      if (!node) continue;
      const from = i === first ? candidate.start : start;
      // More words win; within one token, edge symbols join a match only when they change what it says, so
      // "bikini!!!" keeps its "!!!" but "@ss" needs its "@".
      const better =
        !best || i > best.lastToken || (candidate.end > best.end && node.terminal?.entry !== best.terminal.entry);
      if (node.terminal && better) {
        best = { start: from, end: candidate.end, terminal: node.terminal, lastToken: i };
      }
      const next = tokens[i + 1];
      if (node.next && next && next.gap & Gap.Phrase && candidate.end === token.end) walk(node.next, i + 1, from);
    }
  };
  walk(root, first, 0);
  return best;
}

/** Joins a run of single characters split by single separators ("g u n", "k-1-l-l") and looks the word up. */
function longestSpacedAt(first: number, tokens: Token[], lexicon: CompiledLexicon): Found | undefined {
  if (tokens[first]?.norm.length !== 1) return undefined;
  let found: Found | undefined;
  let joined = '';
  let leet = false;
  for (let i = first; i < tokens.length && i - first < lexicon.longestWord; i++) {
    const token = tokens[i] as Token;
    if (token.norm.length !== 1 || (i > first && !(token.gap & Gap.Single))) break;
    joined += token.norm;
    leet ||= token.leet;
    // Plain letters that begin no known word never will; leet and doubled letters may still decode into one.
    if (!leet && !DOUBLED.test(joined) && !lexicon.prefixes.has(joined)) break;
    if (i - first + 1 < MIN_SPACED_RUN) continue;
    const terminal = readings(joined, leet, lexicon)
      .map((word) => lexicon.root.get(word)?.terminal)
      .find(Boolean);
    if (terminal) found = { start: (tokens[first] as Token).start, end: token.end, terminal, lastToken: i };
  }
  return found;
}
