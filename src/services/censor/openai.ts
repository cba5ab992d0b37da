import type OpenAI from 'openai';
import { z } from 'zod';
import { withDefault } from '../../config-fields.js';
import { ModelError } from '../../errors.js';
import { createOpenAIClient, OPENAI_KEYS } from '../clients/openai.js';
import { defineProvider } from '../provider.js';
import {
  CENSOR_KEYS,
  type CensorPrompt,
  censorSystemPrompt,
  ModelCensor,
  type ModelCensorOptions,
  type Rewriter,
} from './model-censor.js';

/** Where a chat censor must stop: a blank line before commentary, or a next turn it starts to write. */
export const OPENAI_STOP_SEQUENCES = ['\n\n', '\n###', '\nHuman:', '\nUser:'];

export interface OpenAIRewriterOptions {
  apiKey: string;
  /** A chat model or a fine-tune (`ft:gpt-4o-mini-2024-07-18:org::id`). */
  model: string;
  baseURL?: string;
  /** 0 by default: the same brief gets the same rewrite. */
  temperature?: number;
  /** The deadline the SDK itself enforces; the retry layer's own deadline normally comes first. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * The OpenAI chat completions censor. A fine-tuned model still gets the system prompt it was trained with. The
 * SDK's own retries are off: the retry layer counts every attempt, so the bounds hold for every engine alike.
 */
export class OpenAIRewriter implements Rewriter {
  readonly name = 'openai' as const;
  readonly #options: OpenAIRewriterOptions;
  #client: Promise<OpenAI> | undefined;

  constructor(options: OpenAIRewriterOptions) {
    this.#options = options;
  }

  async ready(): Promise<void> {
    this.#client ??= createOpenAIClient(this.#options);
    await this.#client;
  }

  async rewrite(prompt: CensorPrompt, signal: AbortSignal): Promise<string> {
    this.#client ??= createOpenAIClient(this.#options);
    const completion = await (await this.#client).chat.completions.create(
      {
        model: this.#options.model,
        messages: [
          { role: 'system', content: censorSystemPrompt(prompt.stance) },
          { role: 'user', content: prompt.brief },
        ],
        temperature: this.#options.temperature ?? 0,
        max_completion_tokens: prompt.maxTokens,
        stop: OPENAI_STOP_SEQUENCES,
        n: 1,
      },
      { signal, maxRetries: 0 },
    );
    const choice = completion.choices?.[0];
    const content = choice?.message?.content;
    if (choice?.finish_reason === 'length') {
      throw new ModelError(this.name, `ran out of tokens (${prompt.maxTokens}) before finishing the rewrite`);
    }
    if (choice?.finish_reason === 'content_filter') throw new ModelError(this.name, 'answer was withheld by a filter');
    if (typeof content !== 'string') {
      const refusal = choice?.message?.refusal;
      throw new ModelError(this.name, refusal ? `refused: ${refusal}` : 'returned no text');
    }
    return content;
  }
}

export type OpenAICensorOptions = OpenAIRewriterOptions & Omit<ModelCensorOptions, 'rewriter'>;

/** The `openai` censor engine: the chat rewriter behind the guard, the rescan and the word diff. */
export function createOpenAICensor(options: OpenAICensorOptions): ModelCensor {
  const { lexicon, style, retry, log, ...rewriter } = options;
  return new ModelCensor({ rewriter: new OpenAIRewriter(rewriter), lexicon, style, retry, log });
}

/** The `openai` censor provider: OPENAI_API_KEY and a chat model or fine-tune. */
export const openAICensorProvider = defineProvider({
  name: 'openai',
  keys: { ...OPENAI_KEYS, ...CENSOR_KEYS, OPENAI_CENSOR_MODEL: withDefault(z.string().min(1), 'gpt-4o-mini') },
  required: ['OPENAI_API_KEY'],
  create: (config, deps, model?: string): Rewriter =>
    new OpenAIRewriter({
      apiKey: config.OPENAI_API_KEY as string,
      model: model ?? config.OPENAI_CENSOR_MODEL,
      temperature: config.CENSOR_TEMPERATURE,
      timeoutMs: config.MODEL_TIMEOUT_MS,
      ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    }),
});
