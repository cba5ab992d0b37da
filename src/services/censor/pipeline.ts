import { appendStyle } from './guard.js';
import type { CensorModel, CensorRequest, CensorResult, Change, LexiconOverrides } from './types.js';

declare const passedByCensor: unique symbol;

/**
 * Text the censor pipeline has passed, ready for an image model. Only this module makes one (the brand cannot be
 * written elsewhere without a cast), so "nothing reaches an image model that the censor has not passed" is a
 * type error to break, not a check to forget.
 */
export type CensoredPrompt = string & { readonly [passedByCensor]: true };

const passed = (text: string) => text as CensoredPrompt;

/** A censor's decision and the final prompt the image model receives ("" when the brief is blocked). */
export interface Censorship {
  result: CensorResult;
  prompt: CensoredPrompt;
}

/**
 * What the censor reads of a submission: the brief, and the member's own style after it. A member's style is a
 * brief too — censored with it, in public — and the house style is appended afterwards, in code.
 */
export function submittedText(brief: string, memberStyle?: string): string {
  return memberStyle ? `${brief}, ${memberStyle}` : brief;
}

/**
 * Runs one censor pass over the brief (and the member's style) and appends the house style in code. Every
 * engine's own output has already been through the guard inside its adapter; the style is never left to a model.
 */
export async function censorBrief(
  model: CensorModel,
  request: CensorRequest & { style: string; memberStyle?: string },
): Promise<Censorship> {
  const { memberStyle, ...rest } = request;
  const result = await model.censor({ ...rest, brief: submittedText(request.brief, memberStyle) });
  const prompt = result.verdict === 'block' ? '' : appendStyle(result.censored, request.style);
  return { result, prompt: passed(prompt) };
}

function splice(text: string, changes: readonly Change[], replace: (change: Change) => string): string {
  let out = '';
  let cursor = 0;
  for (const change of [...changes].sort((a, b) => a.start - b.start)) {
    out += text.slice(cursor, change.start) + replace(change);
    cursor = change.end;
  }
  return out + text.slice(cursor);
}

/**
 * The appeal's result: the same censorship with some redline changes undone. `upheld` decides which changes
 * stand; a blackout or block change always stands, whatever it says, and a blocked brief has nothing to reinstate.
 */
export function reinstate(
  text: string,
  censorship: Censorship,
  style: string,
  upheld: (change: Change) => boolean,
): Censorship {
  const { result } = censorship;
  if (result.verdict === 'block') return censorship;
  const kept = result.changes.filter((change) => change.tier !== 'redline' || upheld(change));
  const censored = splice(text, kept, (change) => change.to);
  const verdict = kept.length ? 'rewrite' : 'pass';
  return { result: { ...result, verdict, censored, changes: kept }, prompt: passed(appendStyle(censored, style)) };
}

/** What stands for a hidden term on the original poster and in a hosted engine's prompt. */
export const REDACTED_BAR = '█████';

/**
 * The original submission as the censor lets it be drawn: redline terms as written, blackout terms as bars, and
 * no house style (it was never approved). A blocked brief has no original to draw (undefined).
 */
export function originalSubmission(text: string, censorship: Censorship): CensoredPrompt | undefined {
  if (censorship.result.verdict === 'block') return undefined;
  const hidden = censorship.result.changes.filter((change) => change.tier !== 'redline');
  return passed(splice(text, hidden, () => REDACTED_BAR));
}

/**
 * A prompt read back from the record (a release in review mode, `/show`): passed again through the censor, with
 * the guild's lexicon as it is now, before it may reach an image model. Any blackout or block term refuses it.
 */
export async function recheckPrompt(
  model: CensorModel,
  prompt: string,
  options: { overrides?: LexiconOverrides; signal?: AbortSignal } = {},
): Promise<CensoredPrompt> {
  const check = await model.censor({ brief: prompt, stance: 'reconsider', ...options });
  const hidden = check.changes.find((change) => change.tier !== 'redline');
  if (check.verdict === 'block' || hidden) throw new Error(`the stored prompt no longer passes the censor`);
  return passed(prompt);
}
