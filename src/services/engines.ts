import type { CensorEngineName, ImageEngineName, SharedConfig } from '../config.js';
import { UserFacingError } from '../errors.js';
import type { Logger } from '../logger.js';
import { FallbackCensor } from './censor/fallback.js';
import { HuggingFaceRewriter } from './censor/huggingface.js';
import { type Lexicon, LexiconCensor } from './censor/lexicon/index.js';
import { ModelCensor, type Rewriter } from './censor/model-censor.js';
import { OpenAIRewriter } from './censor/openai.js';
import type { CensorModel } from './censor/types.js';
import { FallbackImageModel } from './imagery/fallback.js';
import { HuggingFaceImageModel } from './imagery/huggingface.js';
import { OpenAIImageModel } from './imagery/openai.js';
import { PosterModel } from './imagery/poster/index.js';
import { parseReplicateModel, ReplicateImageModel } from './imagery/replicate.js';
import type { ImageModel } from './imagery/types.js';
import type { RetryPolicy } from './retry.js';

/** What an engine adapter may need. `fetch` lets tests and proxies replace the transport. */
export interface EngineDeps {
  config: SharedConfig;
  log: Logger;
  lexicon: Lexicon;
  fetch?: typeof fetch;
}

type KeyName = 'OPENAI_API_KEY' | 'HF_TOKEN' | 'REPLICATE_API_TOKEN';

const CENSOR_KEYS: Record<Exclude<CensorEngineName, 'lexicon'>, KeyName> = {
  openai: 'OPENAI_API_KEY',
  huggingface: 'HF_TOKEN',
};
const IMAGE_KEYS: Record<Exclude<ImageEngineName, 'poster'>, KeyName> = {
  replicate: 'REPLICATE_API_TOKEN',
  huggingface: 'HF_TOKEN',
  openai: 'OPENAI_API_KEY',
};

/**
 * Refuses an engine that cannot run with this configuration, with a message fit to show as is. Called at
 * start-up, by `/stage config` before a guild's choice is saved, and by the factories below — so a missing key is
 * never discovered in the middle of a show.
 */
export function assertEngineReady(kind: 'censor', name: CensorEngineName, config: SharedConfig): void;
export function assertEngineReady(kind: 'image', name: ImageEngineName, config: SharedConfig): void;
export function assertEngineReady(
  kind: 'censor' | 'image',
  name: CensorEngineName | ImageEngineName,
  config: SharedConfig,
): void {
  const embedded = kind === 'censor' ? 'lexicon' : 'poster';
  if (name === embedded) return;
  const keys: Partial<Record<string, KeyName>> = kind === 'censor' ? CENSOR_KEYS : IMAGE_KEYS;
  const key = keys[name];
  const what = kind === 'censor' ? `The ${name} censor` : `The ${name} image engine`;
  if (!key) throw new UserFacingError(`${what} is not an engine this build knows; choose the ${embedded} engine.`);
  if (!config[key]) {
    throw new UserFacingError(`${what} needs ${key} — set it in .env, or choose the ${embedded} engine.`);
  }
  if (kind === 'image' && name === 'replicate' && !parseReplicateModel(config.REPLICATE_IMAGE_MODEL)) {
    throw new UserFacingError(
      `${what} needs REPLICATE_IMAGE_MODEL as owner/name or owner/name:version (it is "${config.REPLICATE_IMAGE_MODEL}").`,
    );
  }
}

/** The retry policy of every hosted call, from the config. */
export function retryPolicyFrom(config: SharedConfig): Partial<RetryPolicy> {
  return { timeoutMs: config.MODEL_TIMEOUT_MS, retries: config.MODEL_RETRIES };
}

/**
 * The hosted model behind a censor engine, built from the config: the one place the config becomes a model's
 * options. `model` replaces the configured model id (the evaluation compares a base model and a fine-tune).
 */
export function createCensorRewriter(
  name: Exclude<CensorEngineName, 'lexicon'>,
  deps: EngineDeps,
  model?: string,
): Rewriter {
  const { config, log } = deps;
  const transport = deps.fetch ? { fetch: deps.fetch } : {};
  if (name === 'openai') {
    return new OpenAIRewriter({
      apiKey: config.OPENAI_API_KEY as string,
      model: model ?? config.OPENAI_CENSOR_MODEL,
      temperature: config.CENSOR_TEMPERATURE,
      timeoutMs: config.MODEL_TIMEOUT_MS,
      ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
      ...transport,
    });
  }
  return new HuggingFaceRewriter({
    token: config.HF_TOKEN as string,
    model: model ?? config.HF_CENSOR_MODEL,
    task: config.HF_CENSOR_TASK,
    temperature: config.CENSOR_TEMPERATURE,
    log,
    ...(config.HF_CENSOR_ENDPOINT_URL ? { endpointUrl: config.HF_CENSOR_ENDPOINT_URL } : {}),
    ...transport,
  });
}

/**
 * Builds the censor engine by name. A hosted engine is refused here when its key is missing, and wrapped so
 * that on failure the lexicon stands in (the result's `engine` then says `lexicon`).
 */
export function createCensorModel(name: CensorEngineName, deps: EngineDeps): CensorModel {
  const { config, log, lexicon } = deps;
  const backup = new LexiconCensor({ lexicon });
  if (name === 'lexicon') return backup;
  assertEngineReady('censor', name, config);
  const primary = new ModelCensor({
    rewriter: createCensorRewriter(name, deps),
    lexicon,
    style: config.STYLE,
    retry: retryPolicyFrom(config),
    log,
  });
  return new FallbackCensor({ primary, backup, log });
}

/**
 * Builds the image engine by name. A hosted engine is refused here when its key is missing, and wrapped so that
 * on failure the poster stands in (the image's `engine` then says `poster`).
 */
export function createImageModel(name: ImageEngineName, deps: EngineDeps): ImageModel {
  const { config, log } = deps;
  const backup = new PosterModel();
  if (name === 'poster') return backup;
  assertEngineReady('image', name, config);
  const shared = { retry: retryPolicyFrom(config), log, ...(deps.fetch ? { fetch: deps.fetch } : {}) };
  let primary: ImageModel;
  switch (name) {
    case 'replicate':
      primary = new ReplicateImageModel({
        ...shared,
        apiToken: config.REPLICATE_API_TOKEN as string,
        model: config.REPLICATE_IMAGE_MODEL,
        ...(config.REPLICATE_BASE_URL ? { baseUrl: config.REPLICATE_BASE_URL } : {}),
        ...(config.REPLICATE_IMAGE_INPUT ? { input: config.REPLICATE_IMAGE_INPUT } : {}),
      });
      break;
    case 'huggingface':
      primary = new HuggingFaceImageModel({
        ...shared,
        token: config.HF_TOKEN as string,
        model: config.HF_IMAGE_MODEL,
        ...(config.HF_IMAGE_ENDPOINT_URL ? { endpointUrl: config.HF_IMAGE_ENDPOINT_URL } : {}),
      });
      break;
    case 'openai':
      primary = new OpenAIImageModel({
        ...shared,
        apiKey: config.OPENAI_API_KEY as string,
        model: config.OPENAI_IMAGE_MODEL,
        size: config.OPENAI_IMAGE_SIZE,
        ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
      });
      break;
  }
  return new FallbackImageModel({ primary, backup, log });
}
