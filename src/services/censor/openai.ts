import OpenAI from 'openai';
import { ModelError } from '../../errors.js';
import {
  type CensorPrompt,
  censorSystemPrompt,
  ModelCensor,
  type ModelCensorOptions,
  type Rewriter,
} from './model-censor.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

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
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #temperature: number;

  constructor(options: OpenAIRewriterOptions) {
    this.#client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL ?? OPENAI_DEFAULT_BASE_URL,
      // Only our config decides where requests go and on whose account; the SDK would read the environment.
      organization: null,
      project: null,
      maxRetries: 0,
      timeout: options.timeoutMs ?? 60_000,
      logLevel: 'off',
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    this.#model = options.model;
    this.#temperature = options.temperature ?? 0;
  }

  async rewrite(prompt: CensorPrompt, signal: AbortSignal): Promise<string> {
    const completion = await this.#client.chat.completions.create(
      {
        model: this.#model,
        messages: [
          { role: 'system', content: censorSystemPrompt(prompt.stance) },
          { role: 'user', content: prompt.brief },
        ],
        temperature: this.#temperature,
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
