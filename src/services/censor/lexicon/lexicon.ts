import type { CensorResult, LexiconEntry, LexiconOverrides, Stance } from '../types.js';
import { layerOf } from '../types.js';
import { type CompiledLexicon, compileLexicon } from './compile.js';
import { type Dictionary, loadDictionary } from './dictionary.js';
import { mergeReadings, readMarkup } from './markup.js';
import { scanText } from './matcher.js';
import { termKey } from './normalize.js';
import { type LexiconMatch, rewriteMatches } from './rewrite.js';

/**
 * The censor's vocabulary, compiled once into a word trie: scanning a brief is linear in its length, whatever
 * the size of the lexicon. Immutable — a guild's overrides make a new Lexicon.
 */
export class Lexicon {
  readonly #entries: readonly LexiconEntry[];
  readonly #dictionary: Dictionary;
  readonly #compiled: CompiledLexicon;
  #safetyOnly: Lexicon | undefined;

  private constructor(entries: readonly LexiconEntry[], dictionary: Dictionary) {
    this.#entries = entries;
    this.#dictionary = dictionary;
    this.#compiled = compileLexicon(entries, dictionary);
  }

  /**
   * Compiles a lexicon. When two entries share a term, the first one wins. `dictionary` is the set of ordinary
   * words the fuzzy disguise passes leave alone (by default data/dictionary.txt).
   */
  static fromEntries(entries: readonly LexiconEntry[], dictionary: Dictionary = loadDictionary()): Lexicon {
    return new Lexicon(Object.freeze([...entries]), dictionary);
  }

  /** This lexicon without its theatre layer, for a guild that switched satire off. Compiled once, on first use. */
  get safetyOnly(): Lexicon {
    this.#safetyOnly ??= new Lexicon(
      Object.freeze(this.#entries.filter((entry) => layerOf(entry) === 'safety')),
      this.#dictionary,
    );
    return this.#safetyOnly;
  }

  /** How many entries the lexicon holds. */
  get size(): number {
    return this.#entries.length;
  }

  /** The entries, in the order they were given. */
  get entries(): readonly LexiconEntry[] {
    return this.#entries;
  }

  /**
   * A guild's layer over this lexicon: `remove` switches terms off (a removal may name an inflected or disguised
   * form: "guns" removes "gun"), `add` adds entries, replacing any entry with the same term.
   */
  withOverrides(overrides: LexiconOverrides): Lexicon {
    const dropped = new Set<string>();
    for (const term of overrides.remove) {
      dropped.add(termKey(term));
      const found = this.find(term);
      if (found) dropped.add(termKey(found.term));
    }
    const added = new Map<string, LexiconEntry>();
    for (const entry of overrides.add) added.set(termKey(entry.term), entry);
    const kept = this.#entries.filter((entry) => {
      const key = termKey(entry.term);
      return !dropped.has(key) && !added.has(key);
    });
    // Guild entries go first, so they also win over a built-in entry that merely shares a spelling.
    return Lexicon.fromEntries([...added.values(), ...kept], this.#dictionary);
  }

  /** Finds every term in `text`: in order, non-overlapping, the longest match at each place. */
  scan(text: string, ignoreCues = false): LexiconMatch[] {
    const asWritten = scanText(text, this.#compiled, ignoreCues);
    // HTML is read as shown too ("f<b>u</b>ck"); most briefs hold none and skip the second reading.
    const markup = readMarkup(text);
    const raw = markup
      ? mergeReadings(markup, scanText(markup.text, this.#compiled, ignoreCues), asWritten)
      : asWritten;
    return raw.map(({ start, end, terminal }) => ({
      start,
      end,
      text: text.slice(start, end),
      entry: terminal.entry,
      inflection: terminal.inflection,
    }));
  }

  /** The censor's decision on `text`, as the lexicon engine makes it. With `satire: false` the theatre layer is off. */
  rewrite(text: string, stance: Stance = 'standard', options: { satire?: boolean } = {}): Omit<CensorResult, 'engine'> {
    const lexicon = options.satire === false ? this.safetyOnly : this;
    return rewriteMatches(text, lexicon.scan(text), stance);
  }

  /**
   * The entry a word or phrase stands for, through every disguise the scanner sees through ("K1lled" → the
   * entry for "kill"); undefined unless the whole of `term` is one match.
   */
  find(term: string): LexiconEntry | undefined {
    const trimmed = term.trim();
    const matches = this.scan(trimmed, true);
    const [only] = matches;
    if (matches.length !== 1 || !only) return undefined;
    const outside = trimmed.slice(0, only.start) + trimmed.slice(only.end);
    return /[\p{L}\p{N}]/u.test(outside) ? undefined : only.entry;
  }
}
