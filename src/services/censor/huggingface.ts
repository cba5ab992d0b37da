import { InferenceClient, setLogger } from '@huggingface/inference';
import { ModelError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { retryAfterFromHeaders } from '../retry.js';
import {
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

/**
 * Sends @huggingface/inference's own log lines (it announces every provider it picks) to our logger at debug.
 * The client only has a process-wide logger; every adapter sets the same one, so the last call wins harmlessly.
 */
export function routeHuggingFaceLogs(log: Logger | undefined): void {
  const debug = (message: string, ...args: unknown[]) => log?.debug({ args }, `huggingface client: ${message}`);
  setLogger({
    debug,
    info: debug,
    log: debug,
    warn: (message, ...args) => log?.warn({ args }, `huggingface client: ${message}`),
    error: (message, ...args) => log?.error({ args }, `huggingface client: ${message}`),
  });
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
  readonly #client: InferenceClient;
  readonly #options: HuggingFaceRewriterOptions;

  constructor(options: HuggingFaceRewriterOptions) {
    this.#options = options;
    this.#client = new InferenceClient(options.token, { retry_on_error: false });
    routeHuggingFaceLogs(options.log);
  }

  async rewrite(prompt: CensorPrompt, signal: AbortSignal): Promise<string> {
    const seen: { retryAfterMs?: number } = {};
    const baseFetch = this.#options.fetch ?? fetch;
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await baseFetch(input, init);
      if (!response.ok) seen.retryAfterMs = retryAfterFromHeaders(response.headers);
      return response;
    };
    const callOptions = { signal, fetch: recordingFetch, retry_on_error: false };
    const target = {
      model: this.#options.model,
      ...(this.#options.endpointUrl ? { endpointUrl: this.#options.endpointUrl } : {}),
    };
    const temperature = this.#options.temperature ?? 0;
    try {
      if (this.#options.task === 'chat-completion') {
        const output = await this.#client.chatCompletion(
          {
            ...target,
            messages: [
              { role: 'system', content: censorSystemPrompt(prompt.stance) },
              { role: 'user', content: prompt.brief },
            ],
            max_tokens: prompt.maxTokens,
            stop: [...HUGGINGFACE_STOP_SEQUENCES],
            temperature,
          },
          callOptions,
        );
        const content = output?.choices?.[0]?.message?.content;
        if (typeof content !== 'string') throw new ModelError(this.name, 'returned no text');
        return content;
      }
      const inputs = huggingFaceCensorPrompt(prompt.brief, prompt.stance);
      const output = await this.#client.textGeneration(
        {
          ...target,
          inputs,
          parameters: { max_new_tokens: prompt.maxTokens, stop: [...HUGGINGFACE_STOP_SEQUENCES], temperature },
        },
        callOptions,
      );
      const text = output?.generated_text;
      if (typeof text !== 'string') throw new ModelError(this.name, 'returned no text');
      // Some servers echo the prompt before the completion.
      return text.startsWith(inputs) ? text.slice(inputs.length) : text;
    } catch (err) {
      if (seen.retryAfterMs !== undefined && typeof err === 'object' && err !== null && !('retryAfterMs' in err)) {
        Object.assign(err, { retryAfterMs: seen.retryAfterMs });
      }
      throw err;
    }
  }
}

export type HuggingFaceCensorOptions = HuggingFaceRewriterOptions & Omit<ModelCensorOptions, 'rewriter'>;

/** The `huggingface` censor engine: the Hugging Face rewriter behind the guard, the rescan and the word diff. */
export function createHuggingFaceCensor(options: HuggingFaceCensorOptions): ModelCensor {
  const { lexicon, style, retry, log, ...rewriter } = options;
  return new ModelCensor({ rewriter: new HuggingFaceRewriter({ ...rewriter, log }), lexicon, style, retry, log });
}
