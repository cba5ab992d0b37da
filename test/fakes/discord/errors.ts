/** Discord's JSON error codes the fake answers with (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
export const DiscordErrorCode = {
  GeneralError: 0,
  UnknownChannel: 10003,
  UnknownGuild: 10004,
  UnknownMember: 10007,
  UnknownMessage: 10008,
  UnknownUser: 10013,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  Unauthorized: 40001,
  InteractionAlreadyAcknowledged: 40060,
  CannotSendEmptyMessage: 50006,
  CannotEditOtherUsersMessage: 50005,
  InvalidWebhookToken: 50027,
  InvalidFormBody: 50035,
  ThreadArchived: 50083,
} as const;

/** One leaf of Discord's nested `errors` object: `{ content: { _errors: [{ code, message }] } }`. */
export interface FieldError {
  code: string;
  message: string;
}

/** The JSON body of a Discord error response. */
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: Record<string, unknown>;
}

/** Thrown by route handlers; the server turns it into a Discord-shaped JSON error response. */
export class DiscordApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DiscordApiError';
  }

  get body(): DiscordErrorBody {
    return this.errors
      ? { code: this.code, message: this.message, errors: this.errors }
      : { code: this.code, message: this.message };
  }
}

export const notFound = (code: number, what: string): DiscordApiError =>
  new DiscordApiError(404, code, `Unknown ${what}`);

/** A 400 Invalid Form Body with one field error, as Discord reports semantic problems with a payload. */
export function invalidFormBody(field: string, code: string, message: string): DiscordApiError {
  return new DiscordApiError(
    400,
    DiscordErrorCode.InvalidFormBody,
    'Invalid Form Body',
    nestErrors([{ field, code, message }]),
  );
}

/**
 * Builds Discord's nested `errors` object from flat field errors; `field` is a dotted path such as
 * `embeds.0.title` (an empty field puts the error at the top level).
 */
export function nestErrors(list: { field: string; code: string; message: string }[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const { field, code, message } of list) {
    let node = root;
    for (const key of field.split('.').filter(Boolean)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const leaf = (node._errors ?? []) as FieldError[];
    leaf.push({ code, message });
    node._errors = leaf;
  }
  return root;
}
