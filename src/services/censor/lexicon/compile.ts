import type { LexiconEntry } from '../types.js';
import { type CompiledCues, compileCues } from './context.js';
import type { Dictionary } from './dictionary.js';
import { buildDisguiseIndex, type DisguiseIndex } from './disguise.js';
import { type Inflection, matchVariants, type PartOfSpeech, verbVariants } from './inflect.js';
import { symbolLiteral, termWords } from './normalize.js';
import { WordIndex } from './word-index.js';

/** What a path through the trie stands for: the entry, and how the matched words inflect its term. */
export interface Terminal {
  entry: LexiconEntry;
  inflection: Inflection;
  /** Lower wins when two entries reach the same words: a term itself, then its listed forms, then derived ones. */
  rank: number;
  /** The entry's context cues, when it has any. */
  cues?: CompiledCues;
}

/** A phrase whose words may stand apart ("no clothes" in "no more clothes"), indexed by its first word. */
export interface GapPhrase {
  words: string[];
  gap: number;
  terminal: Terminal;
}

/** One node of the word trie. Phrases walk several levels; single words stop at the first. */
export interface TrieNode {
  terminal?: Terminal;
  next?: Map<string, TrieNode>;
  /** On a first-level node: the phrases with gaps that open with this word. */
  gapped?: GapPhrase[];
  /** On a first-level node: the strong word this word disguises, once worked out (null: none). */
  disguise?: string | null;
}

/**
 * A trie node with every field present from the start, in one order: the scan reads these fields on every word, and
 * nodes that grew their fields in different orders would each have a shape of their own.
 */
export function trieNode(disguise?: string | null): TrieNode {
  return { terminal: undefined, next: undefined, gapped: undefined, disguise };
}

/** A word the trie knows, by its repeat-collapsed skeleton, for matching stretched spellings ("kiiiill"). */
export interface StretchTarget {
  word: string;
  runs: number[];
}

/** The compiled lexicon: built once, read by every scan. */
export interface CompiledLexicon {
  root: WordIndex<TrieNode>;
  skeletons: Map<string, StretchTarget[]>;
  /** The longest single word the trie knows, to bound how many spaced-out letters are worth joining. */
  longestWord: number;
  /** Terms with no letter or digit ("🍆"), matched as written; emoji variation selectors are ignored. */
  symbols: Map<string, Terminal>;
  /** Every prefix of a single-word spelling, so joining spaced-out letters stops as soon as no word can follow. */
  prefixes: Set<string>;
  /** Phrases with gaps, by first word. */
  gapped: Map<string, GapPhrase[]>;
  /** The strong words, for the fuzzy disguise passes. */
  disguises: DisguiseIndex;
  /** Leet or masked tokens (folded) found to start no match whatever stands around them; see matcher.ts. */
  unreadable: Set<string>;
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
      node = trieNode();
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
 * How a listed form inflects. A noun's form is a plural ("knives", "succubi") only where one of its words adds a
 * plural ending to the term's word in that place; otherwise it is another spelling or a derived word ("faeces",
 * "fecal", "paedophile", "motherfucking") and keeps the euphemism as it is. Verbs list past forms ("shot", "bled"),
 * participles ("beaten", "slain", "torn") or, rarely, -ing forms.
 */
function formInflectionOf(termed: readonly string[], formWords: readonly string[], pos: PartOfSpeech): Inflection {
  const firstWord = formWords[0] as string;
  if (pos === 'noun') {
    const plural = formWords.some(
      (w, i) =>
        /(?:s|i|ae)$/.test(w) && !/(?:s|i|ae)$/.test(termed[i] ?? '') && w.startsWith((termed[i] ?? '').slice(0, 2)),
    );
    return plural && formWords.length === termed.length ? 'plural' : 'base';
  }
  if (pos !== 'verb') return 'base';
  // Another object for the same verb ("end his life" beside "end her life") inflects as the term does.
  if (firstWord === termed[0]) return 'base';
  if (firstWord === `${termed[0]}s`) return 'third';
  if (firstWord.endsWith('ing')) return 'ing';
  return /(?:en|wn|rn|ain)$/.test(firstWord) ? 'participle' : 'past';
}

// Endings a strong stem takes ("motherfucking", "shitting", "bitchy", "orgasmic", "vaginal"), with how each inflects.
const DERIVED_ENDINGS: ReadonlyArray<[string, Inflection]> = [
  ['ing', 'ing'],
  ['in', 'ing'],
  ['ed', 'past'],
  ['er', 'base'],
  ['ers', 'plural'],
  ['y', 'base'],
  ['ly', 'base'],
  ['ity', 'base'],
  ['ic', 'base'],
  ['al', 'base'],
  ['s', 'plural'],
  ['es', 'plural'],
];

/** Derived forms of a strong stem: plain, with its last consonant doubled, or with a final vowel dropped. */
export function derivedForms(stem: string): Array<[string, Inflection]> {
  const out: Array<[string, Inflection]> = [];
  const last = stem.at(-1) as string;
  const vowelEnd = /[aeiou]$/.test(stem);
  for (const [ending, inflection] of DERIVED_ENDINGS) {
    out.push([stem + ending, inflection]);
    if (!vowelEnd && /[aeiouy]/.test(ending[0] as string)) out.push([stem + last + ending, inflection]);
    if (vowelEnd) out.push([stem.slice(0, -1) + ending, inflection]);
  }
  return out;
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
  if (entry.verbEuphemisms && pos !== 'verb') {
    for (const [variant, inflection] of verbVariants(words[head] as string)) {
      if (inflection === 'past' || inflection === 'ing')
        out.push({ words: words.with(head, variant), inflection, rank: Rank.derived });
    }
  }
  if (entry.strong && words.length === 1) {
    for (const [variant, inflection] of derivedForms(words[0] as string)) {
      // A noun's "-ing" or "-ed" form ("shitting") keeps the noun's euphemism as it is.
      const kept = pos !== 'verb' && (inflection === 'ing' || inflection === 'past') ? 'base' : inflection;
      out.push({ words: [variant], inflection: kept, rank: Rank.derived });
    }
  }
  for (const form of entry.forms ?? []) {
    const formWords = termWords(form);
    if (formWords.length === 0) continue;
    out.push({ words: formWords, inflection: formInflectionOf(words, formWords, pos), rank: Rank.form });
  }
  // Numbers also match spelled digit by digit, as scraped prompts often space them ("ak - 4 7", "rule 3 4").
  for (const spelled of [...out]) {
    if (spelled.words.some((w) => /^\d{2,}$/.test(w))) {
      out.push({ ...spelled, words: spelled.words.flatMap((w) => (/^\d{2,}$/.test(w) ? [...w] : [w])) });
    }
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
export function compileLexicon(entries: readonly LexiconEntry[], dictionary: Dictionary): CompiledLexicon {
  const root = new WordIndex<TrieNode>();
  const known = new Set<string>();
  const symbols = new Map<string, Terminal>();
  const gapped = new Map<string, GapPhrase[]>();
  const strong: string[] = [];
  const stems: string[] = [];
  for (const entry of entries) {
    const termed = termWords(entry.term);
    if (termed.length === 0) {
      const literal = symbolLiteral(entry.term);
      if (literal && !symbols.has(literal)) symbols.set(literal, { entry, inflection: 'base', rank: Rank.term });
      continue;
    }
    const cues = compileCues(entry);
    const isStrong = entry.strong === true;
    if (isStrong && termed.length === 1) stems.push(termed[0] as string);
    for (const { words, inflection, rank } of spellings(entry)) {
      const terminal: Terminal = { entry, inflection, rank, ...(cues ? { cues } : {}) };
      insert(root, words, terminal);
      for (const word of words) known.add(word);
      // Fuzzy passes aim at real spellings only: a derived form that is no word ("rapal") would draw innocent
      // neighbours ("rafal") into its one-edit reach.
      const real = rank !== Rank.derived || dictionary.has(words[0] as string);
      if (isStrong && words.length === 1 && real) strong.push(words[0] as string);
      if (entry.gap && words.length > 1) {
        const list = gapped.get(words[0] as string) ?? [];
        list.push({ words, gap: entry.gap, terminal });
        gapped.set(words[0] as string, list);
      }
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
  for (const [word, list] of gapped) {
    const node = root.get(word);
    if (node) node.gapped = list;
  }
  const disguises = buildDisguiseIndex(strong, stems, dictionary);
  return { root, skeletons, longestWord, symbols, prefixes, gapped, disguises, unreadable: new Set() };
}
