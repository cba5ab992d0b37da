import type { CensorEngineName, ImageEngineName, SharedConfig } from '../config.js';
import { UserFacingError } from '../errors.js';
import { LexiconCensor } from './censor/lexicon/index.js';
import { ModelCensor, type Rewriter } from './censor/model-censor.js';
import { CENSOR_PROVIDERS } from './censor/providers.js';
import type { CensorModel } from './censor/types.js';
import { fallbackCensor, fallbackImageModel } from './fallback.js';
import { IMAGE_PROVIDERS } from './imagery/providers.js';
import type { ImageModel, ImageRequest, RenderedImage } from './imagery/types.js';
import { type AnyProvider, type ProviderDeps, retryPolicyFrom } from './provider.js';

/** The registries engines are looked up in; the built-in ones unless a test or a build adds its own. */
export interface Registries {
  censor: readonly AnyProvider<Rewriter>[];
  image: readonly AnyProvider<ImageModel>[];
}

export const BUILT_IN_PROVIDERS: Registries = { censor: CENSOR_PROVIDERS, image: IMAGE_PROVIDERS };

/** What building an engine needs: the config, the provider's dependencies, and where providers are listed. */
export interface EngineDeps extends ProviderDeps {
  config: SharedConfig;
  providers?: Registries;
}

export { retryPolicyFrom } from './provider.js';

/** An engine by name: a built-in one, or one a registry added (its name is then not in the built-in union). */
type Named<T extends string> = T | (string & {});

function providerOf<Made>(list: readonly AnyProvider<Made>[], name: string): AnyProvider<Made> | undefined {
  return list.find((p) => p.name === name);
}

/**
 * Refuses an engine that cannot run with this configuration, with a message fit to show as is. Called at
 * start-up, by `/stage config` before a guild's choice is saved, and by the factories below — so a missing key is
 * never discovered in the middle of a show.
 */
export function assertEngineReady(
  kind: 'censor' | 'image',
  name: string,
  config: SharedConfig,
  providers: Registries = BUILT_IN_PROVIDERS,
): void {
  const embedded = kind === 'censor' ? 'lexicon' : 'poster';
  if (name === embedded) return;
  const provider = providerOf<unknown>(providers[kind], name);
  const what = kind === 'censor' ? `The ${name} censor` : `The ${name} image engine`;
  if (!provider) throw new UserFacingError(`${what} is not an engine this build knows; choose the ${embedded} engine.`);
  const values = config as unknown as Record<string, unknown>;
  const missing = provider.required.find((key) => !values[key]);
  if (missing)
    throw new UserFacingError(`${what} needs ${missing} — set it in .env, or choose the ${embedded} engine.`);
  const problem = provider.check?.(config);
  if (problem) throw new UserFacingError(`${what} ${problem}.`);
}

/**
 * The hosted model behind a censor engine, built from the config. `model` replaces the configured model id (the
 * evaluation compares a base model and a fine-tune).
 */
export function createCensorRewriter(name: Named<CensorEngineName>, deps: EngineDeps, model?: string): Rewriter {
  const providers = deps.providers ?? BUILT_IN_PROVIDERS;
  assertEngineReady('censor', name, deps.config, providers);
  return (providerOf(providers.censor, name) as AnyProvider<Rewriter>).create(deps.config, deps, model);
}

/**
 * Builds the censor engine by name. A hosted engine is refused here when its key is missing, and wrapped so
 * that on failure the lexicon stands in (the result's `engine` then says `lexicon`).
 */
export function createCensorModel(name: Named<CensorEngineName>, deps: EngineDeps): CensorModel {
  const { config, log, lexicon } = deps;
  const backup = new LexiconCensor({ lexicon });
  if (name === 'lexicon') return backup;
  const primary = new ModelCensor({
    rewriter: createCensorRewriter(name, deps),
    lexicon,
    style: config.STYLE,
    retry: retryPolicyFrom(config),
    log,
  });
  return fallbackCensor({ primary, backup, log });
}

/** The embedded poster, loaded on its first render: a command that renders nothing never loads the canvas. */
function lazyPoster(): ImageModel {
  let poster: Promise<ImageModel> | undefined;
  return {
    name: 'poster',
    async render(request: ImageRequest): Promise<RenderedImage> {
      poster ??= import('./imagery/poster/index.js').then(({ PosterModel }) => new PosterModel());
      return (await poster).render(request);
    },
  };
}

/**
 * Builds the image engine by name. A hosted engine is refused here when its key is missing, and wrapped so that
 * on failure the poster stands in (the image's `engine` then says `poster`).
 */
export function createImageModel(name: Named<ImageEngineName>, deps: EngineDeps): ImageModel {
  const backup = lazyPoster();
  if (name === 'poster') return backup;
  const providers = deps.providers ?? BUILT_IN_PROVIDERS;
  assertEngineReady('image', name, deps.config, providers);
  const primary = (providerOf(providers.image, name) as AnyProvider<ImageModel>).create(deps.config, deps);
  return fallbackImageModel({ primary, backup, log: deps.log });
}
