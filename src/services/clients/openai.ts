import type OpenAI from 'openai';
import { optionalText, optionalUrl } from '../../config-fields.js';

/** Where OpenAI requests go unless OPENAI_BASE_URL says otherwise (an OpenAI-compatible server, or a fake). */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** The keys every OpenAI provider reads. */
export const OPENAI_KEYS = { OPENAI_API_KEY: optionalText, OPENAI_BASE_URL: optionalUrl };

export interface OpenAIClientOptions {
  apiKey: string;
  baseURL?: string | undefined;
  /** The deadline the SDK itself enforces; the retry layer's own deadline normally comes first. */
  timeoutMs?: number;
  /** The SDK's own retries: 0 for the show's engines, whose retry layer counts every attempt. */
  maxRetries?: number;
  fetch?: typeof fetch | undefined;
}

/**
 * The one place an OpenAI client is made. The SDK loads on first use, and reads nothing from the environment:
 * only our config decides where requests go and on whose account.
 */
export async function createOpenAIClient(options: OpenAIClientOptions): Promise<OpenAI> {
  const { default: OpenAISdk } = await import('openai');
  return new OpenAISdk({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? OPENAI_DEFAULT_BASE_URL,
    organization: null,
    project: null,
    adminAPIKey: null,
    maxRetries: options.maxRetries ?? 0,
    timeout: options.timeoutMs ?? 60_000,
    logLevel: 'off',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
