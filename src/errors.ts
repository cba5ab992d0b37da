/**
 * An expected failure whose message is written for the person in front of the show and is shown as is
 * (an ephemeral reply on Discord, one line on stderr in the CLI).
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

/** A hosted model failed (timeout, HTTP error, unusable output). The show falls back to the embedded engine. */
export class ModelError extends Error {
  override name = 'ModelError';
  constructor(
    readonly engine: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${engine}: ${message}`, options);
  }
}
