import { appendStyle } from './guard.js';
import type { CensorModel, CensorRequest, CensorResult } from './types.js';

/** A censor's decision and the final prompt the image model receives ("" when the brief is blocked). */
export interface Censorship {
  result: CensorResult;
  prompt: string;
}

/**
 * Runs one censor pass and appends the house style in code. Every engine's own output has already been
 * through the guard inside its adapter; the style is never left to a model.
 */
export async function censorBrief(model: CensorModel, request: CensorRequest & { style: string }): Promise<Censorship> {
  const result = await model.censor(request);
  const prompt = result.verdict === 'block' ? '' : appendStyle(result.censored, request.style);
  return { result, prompt };
}
