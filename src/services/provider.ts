import type { z } from 'zod';
import type { Logger } from '../logger.js';
import type { Lexicon } from './censor/lexicon/index.js';
import type { RetryPolicy } from './retry.js';

/** The settings every provider may read besides its own keys. */
export interface CommonConfig {
  STYLE: string;
  MODEL_TIMEOUT_MS: number;
  MODEL_RETRIES: number;
}

/** What a provider's factory may need besides the config. `fetch` lets tests and proxies replace the transport. */
export interface ProviderDeps {
  log: Logger;
  lexicon: Lexicon;
  fetch?: typeof fetch;
}

/** The config a provider sees: the common settings and the keys it declared. */
export type ProviderConfig<Keys extends z.ZodRawShape> = CommonConfig & z.infer<z.ZodObject<Keys>>;

/**
 * A hosted model provider, declared in its adapter's file: its name, the config keys it reads (with their schema,
 * merged into the app's config), the keys it cannot run without, and its factory. A registry lists them; adding a
 * provider is adding its file and a registry line. Factories build nothing heavy: SDKs load on first use.
 */
export interface Provider<Name extends string, Keys extends z.ZodRawShape, Made> {
  readonly name: Name;
  readonly keys: Keys;
  readonly required: readonly (keyof Keys & string)[];
  /** A further check of the keys, worded to be shown as is ("needs X as owner/name"). */
  check?(config: ProviderConfig<Keys>): string | undefined;
  create(config: ProviderConfig<Keys>, deps: ProviderDeps, model?: string): Made;
}

/**
 * A provider as a registry holds it, its keys erased. The app's config holds every registered provider's keys
 * (they are merged into its schema), so any provider may be handed the whole config.
 */
export interface AnyProvider<Made> {
  readonly name: string;
  readonly keys: z.ZodRawShape;
  readonly required: readonly string[];
  check?(config: CommonConfig): string | undefined;
  create(config: CommonConfig, deps: ProviderDeps, model?: string): Made;
}

/** Keeps a provider's literal types while checking it against {@link Provider}. */
export function defineProvider<Name extends string, Keys extends z.ZodRawShape, Made>(
  provider: Provider<Name, Keys, Made>,
): Provider<Name, Keys, Made> {
  return provider;
}

/** The retry policy of every hosted call, from the config. */
export function retryPolicyFrom(config: CommonConfig): Partial<RetryPolicy> {
  return { timeoutMs: config.MODEL_TIMEOUT_MS, retries: config.MODEL_RETRIES };
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The keys of every provider in a list, as one zod shape. */
export type KeysOf<P extends readonly { keys: z.ZodRawShape }[]> = UnionToIntersection<P[number]['keys']>;

/** Merges the keys that providers declare. Two providers may declare one key (OpenAI's), with one schema. */
export function mergeKeys<P extends readonly { keys: z.ZodRawShape }[]>(providers: P): KeysOf<P> {
  return Object.assign({}, ...providers.map((p) => p.keys)) as KeysOf<P>;
}
