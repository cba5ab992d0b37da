import type { Lexicon } from './lexicon/index.js';
import type { LexiconOverrides } from './types.js';

/** How many guilds' layered lexicons are kept compiled per base lexicon; beyond it the least recently used goes. */
const LAYERED_CACHE_SIZE = 64;

const caches = new WeakMap<Lexicon, Map<string, Lexicon>>();

/** A stable key for a guild's overrides, whatever order the removals were written in. */
function overridesKey(overrides: LexiconOverrides): string {
  return JSON.stringify([overrides.add, [...overrides.remove].sort()]);
}

/**
 * The lexicon with a guild's terms layered on, compiled once and shared by every engine that censors with the same
 * base lexicon (the embedded censor, the hosted censors' block check and rescan).
 */
export function layeredLexicon(base: Lexicon, overrides: LexiconOverrides | undefined): Lexicon {
  if (!overrides || (overrides.add.length === 0 && overrides.remove.length === 0)) return base;
  const cache = caches.get(base) ?? new Map<string, Lexicon>();
  caches.set(base, cache);
  const key = overridesKey(overrides);
  let layered = cache.get(key);
  if (layered) cache.delete(key);
  else {
    layered = base.withOverrides(overrides);
    if (cache.size >= LAYERED_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, layered);
  return layered;
}
