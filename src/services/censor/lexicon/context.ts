/**
 * Senses in context: an entry with cues fires only with one of its `fire` words near it, and never with one of its
 * `protect` words near it ("shooting" a man, not a shooting star; cock the bird, fruit punch). Two cue classes stand
 * for open sets of words: `@person` (a person word, or a capitalised name) and `@name` (the match itself is part
 * of a capitalised name: Philip K. Dick, Al Gore, John Lee Hooker).
 */
import type { LexiconEntry } from '../types.js';
import { termWords } from './normalize.js';
import type { Token } from './tokens.js';

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
  phrases?: ReadonlyArray<{ before: string[]; after: string[] }>;
}

// People a violent verb may be done to; the usual doers (police, soldiers) are left out, so "police shooting tear gas"
// needs a victim to fire.
const PERSON_WORDS: ReadonlySet<string> = new Set(
  'man men woman women person people boy boys girl girls child children kid kids baby guy guys lady ladies he she him her his them they someone somebody victim wife husband mother father mom dad son daughter brother sister friend teacher student president king queen prince princess stranger prisoner prisoners hostage hostages captive captives victim victims slave slaves'.split(
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
  const head = termWords(entry.term);
  const phrases = (cues.protect ?? [])
    .map(termWords)
    .filter((w) => w.length > 1)
    .flatMap((w) => {
      const at = w.findIndex((_, i) => head.every((h, k) => w[i + k]?.startsWith(h.slice(0, -1)) ?? false));
      return at < 0 ? [] : [{ before: w.slice(0, at), after: w.slice(at + head.length) }];
    });
  return {
    ...(fire ? { fire } : {}),
    fireOnPerson: cues.fire?.includes('@person') ?? false,
    ...(protect ? { protect } : {}),
    protectName: cues.protect?.includes('@name') ?? false,
    ...(phrases.length > 0 ? { phrases } : {}),
  };
}

/** Whether a protected phrase stands around the match over tokens `first`..`last`. */
function inProtectedPhrase(cues: CompiledCues, tokens: readonly Token[], first: number, last: number): boolean {
  for (const { before, after } of cues.phrases ?? []) {
    const beforeOk = before.every((w, k) => tokens[first - before.length + k]?.core === w);
    if (beforeOk && after.every((w, k) => tokens[last + 1 + k]?.core === w)) return true;
  }
  return false;
}

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
  if (cues.phrases && inProtectedPhrase(cues, tokens, first, last)) return false;
  const from = Math.max(0, first - CUE_WINDOW);
  const to = Math.min(tokens.length - 1, last + CUE_WINDOW);
  if (cues.protectName && isCapitalised(text, tokens[first] as Token)) {
    const before = tokens[first - 1];
    const after = tokens[last + 1];
    if ((before && isCapitalised(text, before)) || (after && isCapitalised(text, after))) return false;
  }
  let fired = !cues.fire && !cues.fireOnPerson;
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
