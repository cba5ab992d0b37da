import { huggingFaceImageProvider } from './huggingface.js';
import { openAIImageProvider } from './openai.js';
import { replicateImageProvider } from './replicate.js';

/** The hosted image engines, each declared in its adapter's file. Adding one is adding its file and a line here. */
export const IMAGE_PROVIDERS = [replicateImageProvider, huggingFaceImageProvider, openAIImageProvider] as const;

/** The image engines a performance can use: the embedded poster (the default), then the hosted ones. */
export type ImageEngineName = 'poster' | (typeof IMAGE_PROVIDERS)[number]['name'];
export const IMAGE_ENGINES = ['poster', ...IMAGE_PROVIDERS.map((p) => p.name)] as [
  'poster',
  ...Exclude<ImageEngineName, 'poster'>[],
];
