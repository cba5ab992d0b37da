import { huggingFaceCensorProvider } from './huggingface.js';
import { openAICensorProvider } from './openai.js';

/** The hosted censors, each declared in its adapter's file. Adding one is adding its file and a line here. */
export const CENSOR_PROVIDERS = [openAICensorProvider, huggingFaceCensorProvider] as const;

/** The censor engines a performance can use: the embedded lexicon (the default), then the hosted ones. */
export type CensorEngineName = 'lexicon' | (typeof CENSOR_PROVIDERS)[number]['name'];
export const CENSOR_ENGINES = ['lexicon', ...CENSOR_PROVIDERS.map((p) => p.name)] as [
  'lexicon',
  ...Exclude<CensorEngineName, 'lexicon'>[],
];
