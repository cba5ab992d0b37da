/**
 * Senses in context: an entry with cues fires only with one of its `fire` words near it, and never with one of its
 * `protect` words near it ("shooting" a man, not a shooting star; cock the bird, fruit punch). Two cue classes stand
 * for open sets of words: `@person` (a person word, or a capitalised name) and `@name` (the match itself is part
 * of a capitalised name: Philip K. Dick, Al Gore, John Lee Hooker).
 */
import type { LexiconEntry } from '../types.js';
import { termWords } from './normalize.js';
import { Gap, type Token } from './tokens.js';

/** How many words either side of a match count as its context. */
export const CUE_WINDOW = 3;

/** An entry's cues, folded and ready to look up. */
export interface CompiledCues {
  fire?: ReadonlySet<string>;
  fireOnPerson: boolean;
  protect?: ReadonlySet<string>;
  protectName: boolean;
  /**
   * Protected phrases around the term ("pillow fight", "palette knife", "explosion of colour"): the words before
   * and after the term's own, which must stand right next to the match.
   */
  phrases?: readonly Frame[];
  /**
   * Firing phrases, the same way round: the term fires when one stands around it, joined by plain spaces ("f you",
   * "f off" for a one-letter mask that means nothing on its own).
   */
  firePhrases?: readonly Frame[];
}

/** The words that must stand right before and right after a match. */
export interface Frame {
  before: string[];
  after: string[];
}

// People a violent verb may be done to; the usual doers (police, soldiers) are left out, so "police shooting tear gas"
// needs a victim to fire.
const PERSON_WORDS: ReadonlySet<string> = new Set(
  'man men woman women person people boy boys girl girls child children kid kids baby guy guys lady ladies he she him her his them they someone somebody victim wife husband mother father mom dad son daughter brother sister friend teacher student president king queen prince princess stranger prisoner prisoners hostage hostages captive captives victims slave slaves protester protesters civilian civilians refugee refugees journalist journalists'.split(
    ' ',
  ),
);

/** Folds an entry's cues; undefined when it has none. */
export function compileCues(entry: LexiconEntry): CompiledCues | undefined {
  const { cues } = entry;
  if (!cues) return undefined;
  const words = (list: string[] | undefined) => {
    const plain = (list ?? []).filter((w) => !w.startsWith('@') && termWords(w).length === 1).flatMap(termWords);
    return plain.length > 0 ? new Set(plain) : undefined;
  };
  const fire = words(cues.fire);
  const protect = words(cues.protect);
  const phrases = framesOf(cues.protect, termWords(entry.term));
  const firePhrases = framesOf(cues.fire, termWords(entry.term));
  return {
    ...(fire ? { fire } : {}),
    fireOnPerson: cues.fire?.includes('@person') ?? false,
    ...(protect ? { protect } : {}),
    protectName: cues.protect?.includes('@name') ?? false,
    ...(phrases.length > 0 ? { phrases } : {}),
    ...(firePhrases.length > 0 ? { firePhrases } : {}),
  };
}

/** The phrases of a cue list, as the words around the term's own (`head`), which may be inflected in them. */
function framesOf(list: readonly string[] | undefined, head: readonly string[]): Frame[] {
  // A word of one or two letters is matched whole: "f" must not find itself at the start of every word.
  const fits = (word: string | undefined, h: string) => (h.length > 2 ? word?.startsWith(h.slice(0, -1)) : word === h);
  return (list ?? [])
    .map(termWords)
    .filter((w) => w.length > 1)
    .flatMap((w) => {
      const at = w.findIndex((_, i) => head.every((h, k) => fits(w[i + k], h) ?? false));
      return at < 0 ? [] : [{ before: w.slice(0, at), after: w.slice(at + head.length) }];
    });
}

/**
 * Whether one of `frames` stands around the match over tokens `first`..`last`; with `tight`, only one to three
 * spaces or hyphens may join its words ("f, you" and "f    u" are no frame).
 */
function inFrame(
  frames: readonly Frame[],
  tokens: readonly Token[],
  first: number,
  last: number,
  tight: boolean,
): boolean {
  for (const { before, after } of frames) {
    const from = first - before.length;
    if (from < 0 || last + after.length >= tokens.length) continue;
    let ok = true;
    for (let k = 0; ok && k < before.length; k++) {
      ok = (tokens[from + k] as Token).core === before[k] && joined(tokens[from + k + 1] as Token, tight);
    }
    for (let k = 0; ok && k < after.length; k++) {
      const token = tokens[last + 1 + k] as Token;
      ok = token.core === after[k] && joined(token, tight);
    }
    if (ok) return true;
  }
  return false;
}

const TIGHT = Gap.Phrase | Gap.Single;
/** Whether the gap before `token` may join a frame's words. */
const joined = (token: Token, tight: boolean) => !tight || (token.gap & TIGHT) === TIGHT;

const isCapitalised = (text: string, token: Token) => {
  const first = text.charCodeAt(token.coreStart);
  return first >= 65 && first <= 90;
};

/** Whether a match over tokens `first`..`last` may fire, given what stands around it. */
export function cuesAllow(
  cues: CompiledCues,
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
): boolean {
  if (cues.phrases && inFrame(cues.phrases, tokens, first, last, false)) return false;
  const from = Math.max(0, first - CUE_WINDOW);
  const to = Math.min(tokens.length - 1, last + CUE_WINDOW);
  if (cues.protectName && isCapitalised(text, tokens[first] as Token)) {
    const before = tokens[first - 1];
    const after = tokens[last + 1];
    if ((before && isCapitalised(text, before)) || (after && isCapitalised(text, after))) return false;
  }
  let fired = !cues.fire && !cues.fireOnPerson && !cues.firePhrases;
  if (cues.firePhrases && inFrame(cues.firePhrases, tokens, first, last, true)) fired = true;
  for (let i = from; i <= to; i++) {
    const token = tokens[i] as Token;
    // Inside a match only a phrase's gap can hold other words ("chopped his head off"); they may fire, never protect.
    if (i >= first && i <= last) {
      if (cues.fire?.has(token.core)) fired = true;
      continue;
    }
    if (cues.protect?.has(token.core)) return false;
    if (cues.fire?.has(token.core)) fired = true;
    if (cues.fireOnPerson && (PERSON_WORDS.has(token.core) || (i > 0 && isCapitalised(text, token)))) fired = true;
  }
  return fired;
}
