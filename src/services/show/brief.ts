import { UserFacingError } from '../../errors.js';

/** Longest brief the show accepts (Discord's option limit is set to the same). */
export const MAX_BRIEF_LENGTH = 1000;
export const MAX_STYLE_LENGTH = 300;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/**
 * Bidirectional controls: embeddings and overrides (U+202A–202E), isolates (U+2066–2069), the left-to-right and
 * right-to-left marks (U+200E, U+200F) and the Arabic letter mark (U+061C). An override can make stored or shown
 * text read differently from what the censor scanned, so they are stripped before anything is kept.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

/** The text without bidirectional controls (see BIDI_CONTROLS). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Checks a brief (or style, or grounds of appeal) as typed by a member. Returns the trimmed text, bidirectional
 * controls stripped, or throws a UserFacingError with a message fit to show as is.
 */
export function validateBrief(text: string, what = 'brief', max = MAX_BRIEF_LENGTH): string {
  if (!text.isWellFormed()) throw new UserFacingError(`The ${what} contains invalid Unicode (a broken character).`);
  if (CONTROL.test(text)) {
    throw new UserFacingError(
      `The ${what} contains control characters (line breaks, tabs or invisible codes); write it on one line.`,
    );
  }
  const trimmed = stripBidiControls(text).trim();
  if (!trimmed) throw new UserFacingError(`The ${what} is empty: the censor needs something to work with.`);
  if (trimmed.length > max) {
    throw new UserFacingError(`The ${what} is ${trimmed.length} characters; the limit is ${max}.`);
  }
  return trimmed;
}

// Decoding without `stream` keeps nothing between calls, so one decoder serves every line (making one per line of
// `censor --jsonl` cost more than decoding it).
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8, refusing invalid sequences instead of replacing them. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new UserFacingError('The input is not valid UTF-8.');
  }
}
