import { UserFacingError } from '../../errors.js';

/** Longest brief the show accepts (Discord's option limit is set to the same). */
export const MAX_BRIEF_LENGTH = 1000;
export const MAX_STYLE_LENGTH = 300;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Checks a brief (or style) as typed by a member. Returns the trimmed text or throws a UserFacingError with a
 * message fit to show as is.
 */
export function validateBrief(text: string, what = 'brief', max = MAX_BRIEF_LENGTH): string {
  if (!text.isWellFormed()) throw new UserFacingError(`The ${what} contains invalid Unicode (a broken character).`);
  if (CONTROL.test(text)) {
    throw new UserFacingError(
      `The ${what} contains control characters (line breaks, tabs or invisible codes); write it on one line.`,
    );
  }
  const trimmed = text.trim();
  if (!trimmed) throw new UserFacingError(`The ${what} is empty: the censor needs something to work with.`);
  if (trimmed.length > max) {
    throw new UserFacingError(`The ${what} is ${trimmed.length} characters; the limit is ${max}.`);
  }
  return trimmed;
}

/** Decodes bytes as UTF-8, refusing invalid sequences instead of replacing them. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserFacingError('The input is not valid UTF-8.');
  }
}
