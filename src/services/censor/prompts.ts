/**
 * The texts a language-model censor is trained and run with. The `openai` engine, the `huggingface` engine and
 * the dataset exporter all import them from here, so a fine-tune sees at training time exactly what it gets at
 * inference (the lesson of the original project: a fine-tuned chat model still needs its system context).
 */

/** System prompt of the corporate censor (OpenAI chat fine-tuning and inference). */
export const CENSOR_SYSTEM_PROMPT = [
  'You are the Content Standards Division of a large, nervous corporation.',
  'You receive a creative brief: a prompt for an image generator.',
  'Rewrite it so it is brand-safe: replace anything violent, sexual, gory, hateful, drug-related, self-harming,',
  'profane or bad for business (unions, strikes, protest, competitors, scandal) with a bland corporate euphemism.',
  'Keep everything else exactly as written, in the same order, so the result is still a usable image prompt.',
  'If nothing needs changing, return the brief unchanged.',
  'Output only the rewritten brief: no quotes, no explanations, no style keywords, no numbers that were not in the brief.',
].join(' ');

/** Prompt template of the Falcon-style text-generation fine-tune (Hugging Face). */
export function formatHuggingFacePrompt(brief: string): string {
  return `### Human: ${brief}\n### Assistant:`;
}

/** Where a text-generation model must stop: the template's next turn. */
export const HUGGINGFACE_STOP_SEQUENCES = ['### Human:', '\n###'] as const;

/** One training example in the text-generation format, the same template plus the target and an end marker. */
export function formatHuggingFaceExample(brief: string, censored: string): string {
  return `${formatHuggingFacePrompt(brief)} ${censored}\n`;
}
