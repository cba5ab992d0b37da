import type { InferenceClient } from '@huggingface/inference';
import { z } from 'zod';
import { optionalUrl, withDefault } from '../../config-fields.js';
import { ModelError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { createInferenceClient, HUGGINGFACE_KEYS, withRetryAfter } from '../clients/huggingface.js';
import { defineProvider } from '../provider.js';
import {
  CENSOR_KEYS,
  type CensorPrompt,
  censorSystemPrompt,
  ModelCensor,
  type ModelCensorOptions,
  RECONSIDER_INSTRUCTION,
  type Rewriter,
} from './model-censor.js';
import { formatHuggingFacePrompt, HUGGINGFACE_STOP_SEQUENCES } from './prompts.js';

/** How the model is called: a completion of the fine-tune's template, or a chat for chat models. */
export const HUGGINGFACE_CENSOR_TASKS = ['text-generation', 'chat-completion'] as const;
export type HuggingFaceCensorTask = (typeof HUGGINGFACE_CENSOR_TASKS)[number];

export interface HuggingFaceRewriterOptions {
  token: string;
  /** A model id on the Hub, routed through Inference Providers. */
  model: string;
  /** A dedicated Inference Endpoint; when set, requests go there instead of the router. */
  endpointUrl?: string;
  task?: HuggingFaceCensorTask;
  temperature?: number;
  /** Reaches every request the client makes, the Hub lookup of a model's provider included. */
  fetch?: typeof fetch;
  log?: Logger;
}

/** The prompt of the text-generation task: the template the fine-tune was trained on, led by leniency on appeal. */
export function huggingFaceCensorPrompt(brief: string, stance: CensorPrompt['stance']): string {
  const prompt = formatHuggingFacePrompt(brief);
  return stance === 'reconsider' ? `${RECONSIDER_INSTRUCTION}\n${prompt}` : prompt;
}

/**
 * The Hugging Face censor, through @huggingface/inference. The client's own retry on 503 is off (it retries
 * without limit); the retry layer does it within bounds, honouring the Retry-After the per-call fetch records.
 */
export class HuggingFaceRewriter implements Rewriter {
  readonly name = 'huggingface' as const;
  readonly #options: HuggingFaceRewriterOptions;
  #client: Promise<InferenceClient> | undefined;

  constructor(options: HuggingFaceRewriterOptions) {
    this.#options = options;
  }

  async ready(): Promise<void> {
    this.#client ??= createInferenceClient(this.#options.token, this.#options.log);
    await this.#client;
  }

  async rewrite(prompt: CensorPrompt, signal: AbortSignal): Promise<string> {
    this.#client ??= createInferenceClient(this.#options.token, this.#options.log);
    const client = await this.#client;
    const target = {
      model: this.#options.model,
      ...(this.#options.endpointUrl ? { endpointUrl: this.#options.endpointUrl } : {}),
    };
    const temperature = this.#options.temperature ?? 0;
    const stop = [...HUGGINGFACE_STOP_SEQUENCES];
    if (this.#options.task === 'chat-completion') {
      const messages = [
        { role: 'system', content: censorSystemPrompt(prompt.stance) },
        { role: 'user', content: prompt.brief },
      ];
      const output = await withRetryAfter(this.#options.fetch, (fetch) =>
        client.chatCompletion(
          { ...target, messages, max_tokens: prompt.maxTokens, stop, temperature },
          { signal, fetch, retry_on_error: false },
        ),
      );
      const content = output?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw new ModelError(this.name, 'returned no text');
      return content;
    }
    const inputs = huggingFaceCensorPrompt(prompt.brief, prompt.stance);
    const output = await withRetryAfter(this.#options.fetch, (fetch) =>
      client.textGeneration(
        { ...target, inputs, parameters: { max_new_tokens: prompt.maxTokens, stop, temperature } },
        { signal, fetch, retry_on_error: false },
      ),
    );
    const text = output?.generated_text;
    if (typeof text !== 'string') throw new ModelError(this.name, 'returned no text');
    // Some servers echo the prompt before the completion.
    return text.startsWith(inputs) ? text.slice(inputs.length) : text;
  }
}

export type HuggingFaceCensorOptions = HuggingFaceRewriterOptions & Omit<ModelCensorOptions, 'rewriter'>;

/** The `huggingface` censor engine: the Hugging Face rewriter behind the guard, the rescan and the word diff. */
export function createHuggingFaceCensor(options: HuggingFaceCensorOptions): ModelCensor {
  const { lexicon, style, retry, log, ...rewriter } = options;
  return new ModelCensor({ rewriter: new HuggingFaceRewriter({ ...rewriter, log }), lexicon, style, retry, log });
}

/** The `huggingface` censor provider: HF_TOKEN, a model id or a dedicated endpoint, and how it is called. */
export const huggingFaceCensorProvider = defineProvider({
  name: 'huggingface',
  keys: {
    ...HUGGINGFACE_KEYS,
    ...CENSOR_KEYS,
    HF_CENSOR_MODEL: withDefault(z.string().min(1), 'tiiuae/falcon-7b-instruct'),
    HF_CENSOR_ENDPOINT_URL: optionalUrl,
    /** `text-generation` sends the fine-tune's `### Human: … ### Assistant:` template; `chat-completion` a chat. */
    HF_CENSOR_TASK: withDefault(z.enum(HUGGINGFACE_CENSOR_TASKS), 'text-generation'),
  },
  required: ['HF_TOKEN'],
  create: (config, deps, model?: string): Rewriter =>
    new HuggingFaceRewriter({
      token: config.HF_TOKEN as string,
      model: model ?? config.HF_CENSOR_MODEL,
      task: config.HF_CENSOR_TASK,
      temperature: config.CENSOR_TEMPERATURE,
      log: deps.log,
      ...(config.HF_CENSOR_ENDPOINT_URL ? { endpointUrl: config.HF_CENSOR_ENDPOINT_URL } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    }),
});
