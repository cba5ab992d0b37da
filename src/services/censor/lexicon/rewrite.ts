import { type CensorResult, type Change, type LexiconEntry, layerOf, type Stance } from '../types.js';
import { articleBefore, casedArticle, indefiniteArticle } from './article.js';
import { inflectEuphemism, matchCase, pickEuphemism } from './euphemism.js';
import type { Inflection } from './inflect.js';

/** One term found in a brief. `start`/`end` are UTF-16 offsets into the scanned text; `text` is what stands there. */
export interface LexiconMatch {
  start: number;
  end: number;
  text: string;
  entry: LexiconEntry;
  /** How the matched words inflect the entry's term ("guns" is `plural`, "stabbing" is `ing`). */
  inflection: Inflection;
}

// After these, a past form is a participle: "was taken offline", not "was took offline".
const AUXILIARY = /\b(?:is|are|was|were|be|been|being|has|have|had|get|gets|got|gotten|getting)\s+$/i;

// A verb used as a noun: a determiner, then at most one more word, right before it ("a vicious fight").
const DETERMINER_BEFORE =
  /\b(?:a|an|the|this|that|these|those|his|her|their|its|our|my|your|one|no|every|another)\s+(?:[\p{L}'-]+\s+)?$/iu;

// A replacement that ends in a preposition, and what shows that an object follows the match ("hijacked the plane").
const TRAILING_PREPOSITION = /\s(?:of|to|with|for|on|in|into|from|at|about)$/;
const OBJECT_AFTER =
  /^\s+(?:(?:a|an|the|his|her|their|its|our|my|your|him|them|me|us|someone|somebody|everyone|people|this|that|these|those)\b|\p{Lu})/u;

function replacementFor(text: string, match: LexiconMatch, occurrence: number): string {
  const { nounEuphemisms } = match.entry;
  const asNoun =
    nounEuphemisms !== undefined &&
    (match.inflection === 'base' || match.inflection === 'third') &&
    DETERMINER_BEFORE.test(text.slice(Math.max(0, match.start - 40), match.start));
  if (asNoun) {
    const noun = { ...match.entry, euphemisms: nounEuphemisms };
    const inflection = match.inflection === 'third' ? 'plural' : 'base';
    return matchCase(inflectEuphemism(pickEuphemism(noun, occurrence), inflection), match.text);
  }
  const { verbEuphemisms } = match.entry;
  const asVerb = verbEuphemisms !== undefined && (match.inflection === 'past' || match.inflection === 'ing');
  const euphemisms = asVerb ? (verbEuphemisms as string[]) : match.entry.euphemisms;
  // "take ownership of" needs an object after it; "a hijacked plane" gets a replacement that stands alone.
  const standAlone = euphemisms.filter((u) => !TRAILING_PREPOSITION.test(u));
  const needsStandAlone =
    standAlone.length > 0 &&
    standAlone.length < euphemisms.length &&
    !OBJECT_AFTER.test(text.slice(match.end, match.end + 24));
  const euphemism = pickEuphemism(
    { ...match.entry, euphemisms: needsStandAlone ? standAlone : euphemisms },
    occurrence,
  );
  const participle =
    match.inflection === 'past' && AUXILIARY.test(text.slice(Math.max(0, match.start - 12), match.start));
  return matchCase(inflectEuphemism(euphemism, match.inflection, participle), match.text);
}

/**
 * Turns matches into the censor's decision. Redline terms pass untouched when the censor reconsiders on appeal;
 * blackout terms are always replaced; one block term refuses the whole brief. Applying the changes to the brief,
 * in order, gives `censored` exactly — a change takes in a preceding "a"/"an" when the replacement needs the other.
 */
export function rewriteMatches(
  text: string,
  matches: readonly LexiconMatch[],
  stance: Stance = 'standard',
): Omit<CensorResult, 'engine'> {
  const changes: Change[] = [];
  const occurrences = new Map<string, number>();
  let blocked = false;
  for (const match of matches) {
    const { entry } = match;
    const occurrence = occurrences.get(entry.term) ?? 0;
    occurrences.set(entry.term, occurrence + 1);
    if (entry.tier === 'redline' && stance === 'reconsider') continue;
    if (entry.tier === 'block') blocked = true;

    let start = match.start;
    let to = replacementFor(text, match, occurrence);
    const article = articleBefore(text, match.start);
    const previousEnd = changes.at(-1)?.end ?? 0;
    if (article && article.start >= previousEnd) {
      const wanted = indefiniteArticle(to);
      if (wanted !== article.written.toLowerCase()) {
        const shouting = to === to.toUpperCase() && to !== to.toLowerCase();
        to =
          casedArticle(wanted, article.written, shouting) +
          text.slice(article.start + article.written.length, match.start) +
          to;
        start = article.start;
      }
    }
    changes.push({
      start,
      end: match.end,
      from: text.slice(start, match.end),
      to,
      category: entry.category,
      tier: entry.tier,
      reason: entry.reason,
      layer: layerOf(entry),
    });
  }
  if (blocked) return { verdict: 'block', censored: '', changes };
  if (changes.length === 0) return { verdict: 'pass', censored: text, changes };
  let censored = '';
  let cursor = 0;
  for (const change of changes) {
    censored += text.slice(cursor, change.start) + change.to;
    cursor = change.end;
  }
  return { verdict: 'rewrite', censored: censored + text.slice(cursor), changes };
}
