import { CENSOR_SYSTEM_PROMPT, formatHuggingFaceExample } from '../censor/prompts.js';
import type { TrainingPair } from './types.js';

/** The fine-tuning formats the dataset exports to. */
export const EXPORT_FORMATS = ['openai', 'hf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * One OpenAI chat fine-tuning example: the system prompt the `openai` engine runs with, the brief as the user's
 * message, the censored brief (no style) as the answer. Safe rows teach the model to give a brief back unchanged.
 */
export function openAiExample(pair: Pick<TrainingPair, 'brief' | 'censored'>) {
  return {
    messages: [
      { role: 'system', content: CENSOR_SYSTEM_PROMPT },
      { role: 'user', content: pair.brief },
      { role: 'assistant', content: pair.censored },
    ],
  };
}

/**
 * One example for a Falcon-style text-generation fine-tune on Hugging Face (AutoTrain's `text` column): the
 * very template the `huggingface` engine prompts with, followed by the target and an end marker.
 */
export function huggingFaceExample(pair: Pick<TrainingPair, 'brief' | 'censored'>) {
  return { text: formatHuggingFaceExample(pair.brief, pair.censored) };
}

/** JSON Lines: one compact JSON object per line, `\n` after each, so a file is the same bytes on every OS. */
export function toJsonl(pairs: readonly TrainingPair[], format: ExportFormat): string {
  const example = format === 'openai' ? openAiExample : huggingFaceExample;
  return pairs.map((pair) => `${JSON.stringify(example(pair))}\n`).join('');
}

/** The file names an export writes, by format and set. */
export function exportFileName(format: ExportFormat, set: 'train' | 'validation'): string {
  return `${format}-${set}.jsonl`;
}
