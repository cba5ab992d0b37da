/** The embedded lexicon censor: a deterministic, offline censor model built on a compiled word list. */
export { LexiconCensor, type LexiconCensorOptions } from './censor.js';
export type { Inflection } from './inflect.js';
export { Lexicon } from './lexicon.js';
export { BUILT_IN_LEXICON_PATH, loadBuiltInLexiconEntries } from './load.js';
export type { LexiconMatch } from './rewrite.js';
