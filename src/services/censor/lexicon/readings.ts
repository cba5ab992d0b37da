/** What a token may spell: as written, decoded from leetspeak, un-stretched ("kiiiill"). */
import type { CompiledLexicon, Terminal } from './compile.js';
import { skeletonOf } from './compile.js';
import { leetReadings } from './leet.js';
import type { Token } from './tokens.js';

/** A reading of (part of) a token: the word it spells, and the original span that spells it. */
export interface Candidate {
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

/** A match found from token `firstToken` to `lastToken`. */
export interface Found extends RawMatch {
  firstToken: number;
  lastToken: number;
}

/** One scan of one brief: its tokens, and each token's readings once they are asked for. */
export interface Scan {
  text: string;
  tokens: Token[];
  lexicon: CompiledLexicon;
  cache: Array<Candidate[] | undefined>;
}

const RUN_OF_THREE = /(.)\1\1/;

/** The known words a stretched spelling may stand for: "kiiiill" → "kill", never "as" → "ass". */
function unstretch(word: string, lexicon: CompiledLexicon): string[] {
  if (!RUN_OF_THREE.test(word)) return [];
  const { skeleton, runs } = skeletonOf(word);
  const targets = lexicon.skeletons.get(skeleton) ?? [];
  // Every run must be at least as long as the term's own, so a legit double ("blood") is never shortened.
  return targets.filter((t) => t.runs.every((n, i) => (runs[i] ?? 0) >= n)).map((t) => t.word);
}

/** Every word a piece of text may spell: as written, decoded from leetspeak, and un-stretched. */
export function readings(text: string, leet: boolean, lexicon: CompiledLexicon): string[] {
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
  for (const [text, from, to] of spans) {
    for (const word of readings(text, true, lexicon)) {
      // A handful of readings at most: a linear check beats building a key for a set.
      if (!out.some((c) => c.word === word && c.start === from && c.end === to))
        out.push({ word, start: from, end: to });
    }
  }
  return out;
}

/** The readings of token `i`, computed once per scan. */
export function candidates(scan: Scan, i: number): Candidate[] {
  let list = scan.cache[i];
  if (!list) {
    list = candidatesOf(scan.tokens[i] as Token, scan.lexicon);
    scan.cache[i] = list;
  }
  return list;
}
