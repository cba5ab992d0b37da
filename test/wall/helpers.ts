import { loadSharedConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { Lexicon, loadBuiltInLexiconEntries } from '../../src/services/censor/lexicon/index.js';
import { censorBrief } from '../../src/services/censor/pipeline.js';
import { createCensorModel } from '../../src/services/engines.js';
import type { Performance, Store } from '../../src/services/store/index.js';

const config = loadSharedConfig({});
/** The embedded censor, as the wall uses it to re-check stored prompts. */
export const checker = createCensorModel('lexicon', {
  config,
  log: silentLogger(),
  lexicon: Lexicon.fromEntries(loadBuiltInLexiconEntries()),
});

/** A performance censored by the embedded lexicon and saved as finished, as an act would leave it. */
export async function performed(store: Store, guildId: string, brief: string): Promise<Performance> {
  const created = await store.performances.create({
    guildId,
    authorId: '300000000000000001',
    brief,
    style: config.STYLE,
    status: 'performing',
    censorEngine: 'lexicon',
    imageEngine: 'poster',
  });
  const { result, prompt } = await censorBrief(checker, { brief, style: config.STYLE });
  return store.performances.update(created.id, { status: 'done', result, prompt });
}
