/**
 * A storage failure the caller can act on: an unknown or unopenable STORE_URL, a record that is missing or
 * fails its schema, a write that would store invalid data, a store used after close. Errors raised by the
 * Keyv adapter itself (SQLite, Redis) propagate as they are.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  /** The store could not be reached (a server down, a file locked): trying again later may succeed. */
  readonly transient: boolean;

  constructor(message: string, options?: ErrorOptions & { transient?: boolean }) {
    super(message, options);
    this.transient = options?.transient ?? false;
  }
}
