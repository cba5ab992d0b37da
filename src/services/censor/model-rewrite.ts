import type { CensorEngineName } from '../../config.js';
import { ModelError } from '../../errors.js';
import { cleanModelOutput } from './guard.js';
import type { Lexicon, LexiconMatch } from './lexicon/index.js';
import type { CensorResult, Change, LexiconEntry, Stance, Tier } from './types.js';
import { applyChanges, type Hunk, type Token, tokenizeWords, wordDiff } from './word-diff.js';

/**
 * Turns a language model's rewrite into a CensorResult the show can perform like the lexicon's: the output is
 * cleaned by the guard, terms the model let through are censored again by the lexicon, the changes are found by a
 * word diff of the brief against the rewrite, and each change is categorised through the lexicon where it can.
 */

/** The policy of a change the lexicon cannot explain: the model's own judgement. */
export const DISCRETIONARY: Pick<Change, 'category' | 'tier' | 'reason'> = {
  category: 'corporate',
  tier: 'redline',
  reason: 'Content Standards Discretionary Clause 9.1 — Tone of Voice',
};

/**
 * Below this share of the brief's uncensored words kept, the "rewrite" is an answer to something else ("I'm
 * sorry, I can't help with that"). Generous: the training set's heaviest rewrite keeps 2 words of 7.
 */
const MIN_KEPT_SHARE = 0.2;
const MIN_WORDS_FOR_KEPT_CHECK = 5;
const TIER_RANK: Record<Tier, number> = { redline: 0, blackout: 1, block: 2 };

const euphemismIndexes = new WeakMap<Lexicon, Map<string, LexiconEntry>>();

/** Euphemism → the entry it stands in for, so a model that chose a lexicon euphemism is categorised by it. */
function euphemismIndex(lexicon: Lexicon): Map<string, LexiconEntry> {
  let index = euphemismIndexes.get(lexicon);
  if (!index) {
    index = new Map();
    for (const entry of lexicon.entries) {
      for (const euphemism of entry.euphemisms) {
        const key = euphemism.toLowerCase();
        if (!index.has(key)) index.set(key, entry);
      }
    }
    euphemismIndexes.set(lexicon, index);
  }
  return index;
}

/** The policy behind a hunk: the most severe lexicon term it covers, else the euphemism it used, else discretion. */
function categorise(brief: string, hunk: Hunk, briefMatches: readonly LexiconMatch[], lexicon: Lexicon): Change {
  let entry: LexiconEntry | undefined;
  for (const match of briefMatches) {
    if (match.start >= hunk.end || match.end <= hunk.start) continue;
    if (!entry || TIER_RANK[match.entry.tier] > TIER_RANK[entry.tier]) entry = match.entry;
  }
  entry ??= euphemismIndex(lexicon).get(
    hunk.to
      .toLowerCase()
      .replace(/^(?:an?|the)\s+/, '')
      .trim(),
  );
  const policy = entry ? { category: entry.category, tier: entry.tier, reason: entry.reason } : DISCRETIONARY;
  return { start: hunk.start, end: hunk.end, from: brief.slice(hunk.start, hunk.end), to: hunk.to, ...policy };
}

/** How far (in words of the brief, within one clause) an unexplained change may be from the change it belongs to. */
const NEIGHBOUR_WORDS = 3;

/**
 * A change the lexicon cannot explain right next to one it can is usually the same rewrite spilling over
 * ("knocking out his opponent" → "helping his opponent take a long rest"): it takes that change's policy.
 */
function inheritNeighbourPolicy(brief: string, changes: Change[]): Change[] {
  const explained = changes.filter((c) => c.reason !== DISCRETIONARY.reason);
  if (explained.length === 0 || explained.length === changes.length) return changes;
  const gap = (a: Change, b: Change) => (a.end <= b.start ? brief.slice(a.end, b.start) : brief.slice(b.end, a.start));
  const near = (a: Change, b: Change) =>
    !/[,;.!?]/.test(gap(a, b)) && tokenizeWords(gap(a, b)).length <= NEIGHBOUR_WORDS;
  return changes.map((change) => {
    if (change.reason !== DISCRETIONARY.reason) return change;
    const neighbour = explained
      .filter((other) => near(change, other))
      .sort((x, y) => gap(change, x).length - gap(change, y).length)[0];
    return neighbour
      ? { ...change, category: neighbour.category, tier: neighbour.tier, reason: neighbour.reason }
      : change;
  });
}

export interface ModelRewriteInput {
  brief: string;
  /** What the model answered, untouched. */
  raw: string;
  lexicon: Lexicon;
  stance: Stance;
  /** The style the guard strips if the model wrote it (it is appended in code later). */
  style: string;
  engine: CensorEngineName;
  /** The lexicon's matches in the brief, when the caller already scanned it. */
  briefMatches?: readonly LexiconMatch[];
}

/**
 * The model's rewrite as a CensorResult. Throws a ModelError when the output is unusable: empty or absurdly long
 * (the guard), a refused term the model wrote itself, or a text that kept almost nothing of the brief.
 */
export function rewriteFromModel(input: ModelRewriteInput): CensorResult {
  const { brief, lexicon, stance, engine } = input;
  const cleaned = cleanModelOutput(input.raw, { brief, style: input.style, engine });
  const briefMatches = input.briefMatches ?? lexicon.scan(brief);
  let revised = cleaned;
  // Leaked terms are censored again; a second round catches a leak the first reconstruction let back in.
  for (let round = 0; round < 2; round++) {
    const rescan = lexicon.rewrite(revised, stance);
    if (rescan.verdict === 'block') throw new ModelError(engine, 'wrote a refused term into its rewrite');
    const { hunks, keptWords } = wordDiff(brief, rescan.censored);
    assertRecognisable(brief, briefMatches, keptWords, engine);
    const changes = inheritNeighbourPolicy(
      brief,
      hunks.map((hunk) => categorise(brief, hunk, briefMatches, lexicon)),
    );
    const censored = applyChanges(brief, changes);
    if (censored === rescan.censored || lexicon.rewrite(censored, stance).changes.length === 0) {
      return { verdict: changes.length ? 'rewrite' : 'pass', censored, changes, engine };
    }
    revised = censored;
  }
  throw new ModelError(engine, 'rewrite kept a censored term after two rounds of re-censoring');
}

function assertRecognisable(
  brief: string,
  briefMatches: readonly LexiconMatch[],
  keptWords: readonly Token[],
  engine: CensorEngineName,
): void {
  const innocent = tokenizeWords(brief).filter(
    (t) => t.word && !briefMatches.some((m) => t.start < m.end && t.end > m.start),
  );
  if (innocent.length < MIN_WORDS_FOR_KEPT_CHECK) return;
  const kept = keptWords.filter((t) => !briefMatches.some((m) => t.start < m.end && t.end > m.start)).length;
  if (kept / innocent.length < MIN_KEPT_SHARE) {
    throw new ModelError(engine, `kept ${kept} of the brief's ${innocent.length} uncensored words`);
  }
}
