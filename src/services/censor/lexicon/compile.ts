import type { LexiconEntry } from '../types.js';
import { type Inflection, matchVariants, type PartOfSpeech } from './inflect.js';
import { symbolLiteral, termWords } from './normalize.js';

/** What a path through the trie stands for: the entry, and how the matched words inflect its term. */
export interface Terminal {
  entry: LexiconEntry;
  inflection: Inflection;
  /** Lower wins when two entries reach the same words: a term itself, then its listed forms, then derived ones. */
  rank: number;
}

/** One node of the word trie. Phrases walk several levels; single words stop at the first. */
export interface TrieNode {
  terminal?: Terminal;
  next?: Map<string, TrieNode>;
}

/** A word the trie knows, by its repeat-collapsed skeleton, for matching stretched spellings ("kiiiill"). */
export interface StretchTarget {
  word: string;
  runs: number[];
}

/** The compiled lexicon: built once, read by every scan. */
export interface CompiledLexicon {
  root: Map<string, TrieNode>;
  skeletons: Map<string, StretchTarget[]>;
  /** The longest single word the trie knows, to bound how many spaced-out letters are worth joining. */
  longestWord: number;
  /** Terms with no letter or digit ("🍆"), matched as written; emoji variation selectors are ignored. */
  symbols: Map<string, Terminal>;
  /** Every prefix of a single-word spelling, so joining spaced-out letters stops as soon as no word can follow. */
  prefixes: Set<string>;
}

const Rank = { term: 0, form: 1, derived: 2 } as const;
const FUNCTION_WORDS: ReadonlySet<string> = new Set('a an the in on at of to by for with from off out up'.split(' '));

/** Collapses runs of one letter: "blood" → "blod", with the length of each run: [1, 1, 2, 1]. */
export function skeletonOf(word: string): { skeleton: string; runs: number[] } {
  let skeleton = '';
  const runs: number[] = [];
  for (const char of word) {
    if (skeleton.endsWith(char)) runs[runs.length - 1] = (runs.at(-1) ?? 0) + 1;
    else {
      skeleton += char;
      runs.push(1);
    }
  }
  return { skeleton, runs };
}

function insert(root: Map<string, TrieNode>, words: string[], terminal: Terminal): void {
  let level = root;
  let node: TrieNode | undefined;
  for (const [i, word] of words.entries()) {
    node = level.get(word);
    if (!node) {
      node = {};
      level.set(word, node);
    }
    if (i < words.length - 1) {
      node.next ??= new Map();
      level = node.next;
    }
  }
  if (node && (!node.terminal || terminal.rank < node.terminal.rank)) node.terminal = terminal;
}

/**
 * How a listed irregular form inflects: nouns list plurals ("knives"), verbs list past forms ("shot", "bled"),
 * participles ("beaten", "slain", "torn") or, rarely, -ing forms.
 */
function formInflectionOf(firstWord: string, pos: PartOfSpeech): Inflection {
  if (pos === 'noun') return 'plural';
  if (pos !== 'verb') return 'base';
  if (firstWord.endsWith('ing')) return 'ing';
  return /(?:en|wn|rn|ain)$/.test(firstWord) ? 'participle' : 'past';
}

/** Every word sequence that spells an entry, with its inflection and rank. */
function spellings(entry: LexiconEntry): Array<{ words: string[]; inflection: Inflection; rank: number }> {
  const pos = entry.pos ?? 'noun';
  const words = termWords(entry.term);
  const out: Array<{ words: string[]; inflection: Inflection; rank: number }> = [];
  if (words.length === 0) return out;
  // Nouns inflect their last word ("assault rifles"), verbs their first ("beats up").
  const head = pos === 'verb' ? 0 : words.length - 1;
  for (const [variant, inflection] of matchVariants(words[head] as string, pos)) {
    const spelled = words.with(head, variant);
    out.push({ words: spelled, inflection, rank: inflection === 'base' ? Rank.term : Rank.derived });
  }
  for (const form of entry.forms ?? []) {
    const formWords = termWords(form);
    if (formWords.length === 0) continue;
    out.push({ words: formWords, inflection: formInflectionOf(formWords[0] as string, pos), rank: Rank.form });
  }
  // A phrase also matches run together ("assaultrifle", "selfharm", "ak47") — unless it opens with a little
  // function word, whose run-together spelling is often an innocent word ("in flames" → "inflames").
  for (const spelled of [...out]) {
    if (spelled.words.length > 1 && !FUNCTION_WORDS.has(spelled.words[0] as string)) {
      out.push({ ...spelled, words: [spelled.words.join('')] });
    }
  }
  return out;
}

/** Compiles entries into a word trie. Earlier entries win ties, so callers put the entries that should win first. */
export function compileLexicon(entries: readonly LexiconEntry[]): CompiledLexicon {
  const root = new Map<string, TrieNode>();
  const known = new Set<string>();
  const symbols = new Map<string, Terminal>();
  for (const entry of entries) {
    if (termWords(entry.term).length === 0) {
      const literal = symbolLiteral(entry.term);
      if (literal && !symbols.has(literal)) symbols.set(literal, { entry, inflection: 'base', rank: Rank.term });
      continue;
    }
    for (const { words, inflection, rank } of spellings(entry)) {
      insert(root, words, { entry, inflection, rank });
      for (const word of words) known.add(word);
    }
  }
  const skeletons = new Map<string, StretchTarget[]>();
  let longestWord = 0;
  for (const word of known) {
    longestWord = Math.max(longestWord, word.length);
    const { skeleton, runs } = skeletonOf(word);
    const list = skeletons.get(skeleton);
    if (list) list.push({ word, runs });
    else skeletons.set(skeleton, [{ word, runs }]);
  }
  const prefixes = new Set<string>();
  for (const word of root.keys()) for (let i = 1; i <= word.length; i++) prefixes.add(word.slice(0, i));
  return { root, skeletons, longestWord, symbols, prefixes };
}
