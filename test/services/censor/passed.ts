import { Lexicon, LexiconCensor, loadBuiltInLexiconEntries } from '../../../src/services/censor/lexicon/index.js';
import { type CensoredPrompt, recheckPrompt } from '../../../src/services/censor/pipeline.js';

const censor = new LexiconCensor({ lexicon: Lexicon.fromEntries(loadBuiltInLexiconEntries()) });

/**
 * A test's prompt, passed through the real built-in censor the way a stored prompt is: image tests need a
 * `CensoredPrompt`, and only the pipeline makes one. Throws when the text holds a blackout or block term.
 */
export function passed(text: string): Promise<CensoredPrompt> {
  return recheckPrompt(censor, text);
}
