import type Keyv from 'keyv';
import type { Deserialize } from 'keyv';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { KeyedMutex } from './keyed-mutex.js';
import { StoreError } from './store-error.js';

/** What reading one key found. `raw` is the stored value before parsing (defaults not applied, unknown keys kept). */
export type Reading<T> = { state: 'missing' } | { state: 'invalid' } | { state: 'valid'; value: T; raw: unknown };

/** Stands in for a stored string that is not JSON at all, so a read can log it instead of throwing. */
class Unparseable {
  constructor(readonly error: unknown) {}
}

// getMany on SQLite reads a few hundred keys in one query; more than that is split.
const BATCH_SIZE = 200;

/**
 * Validated key-value access over one Keyv instance: every read is checked against a zod schema, and a record
 * that fails is logged and reported as `invalid` — never deleted, so a bad deploy cannot destroy data. Also owns
 * the per-key locks (see {@link KeyedMutex}) and the open/closed state shared by the repositories.
 */
export class Records {
  readonly #keyv: Keyv;
  readonly #log: Logger;
  readonly #locks = new KeyedMutex();
  #closed = false;

  constructor(
    keyv: Keyv,
    log: Logger,
    readonly now: () => Date,
  ) {
    this.#keyv = keyv;
    this.#log = log;
    const parse = keyv.deserialize;
    if (parse) {
      keyv.deserialize = (async (data: string) => {
        try {
          return await parse(data);
        } catch (error) {
          return { value: new Unparseable(error) };
        }
      }) as Deserialize;
    }
  }

  async read<S extends z.ZodType>(key: string, schema: S): Promise<Reading<z.output<S>>> {
    this.#assertOpen();
    return this.#check(key, await this.#keyv.get<unknown>(key), schema);
  }

  /** Reads many keys at once; the result is in the order of `keys`. */
  async readMany<S extends z.ZodType>(keys: readonly string[], schema: S): Promise<Reading<z.output<S>>[]> {
    this.#assertOpen();
    const readings: Reading<z.output<S>>[] = [];
    for (let start = 0; start < keys.length; start += BATCH_SIZE) {
      const batch = keys.slice(start, start + BATCH_SIZE);
      const values = await this.#keyv.get<unknown>(batch);
      batch.forEach((key, i) => {
        readings.push(this.#check(key, values[i], schema));
      });
    }
    return readings;
  }

  /**
   * Reads a key that is about to be rewritten: undefined when missing, a StoreError when the stored record is
   * invalid — overwriting it would lose whatever it holds.
   */
  async readForUpdate<S extends z.ZodType>(
    key: string,
    schema: S,
  ): Promise<{ value: z.output<S>; raw: unknown } | undefined> {
    const reading = await this.read(key, schema);
    if (reading.state === 'invalid') {
      throw new StoreError(`store: the record at "${key}" fails validation; it was kept as is and not changed`);
    }
    return reading.state === 'valid' ? reading : undefined;
  }

  async write(key: string, value: unknown): Promise<void> {
    this.#assertOpen();
    const written = await this.#keyv.set(key, value);
    if (!written) throw new StoreError(`store: the write to "${key}" was not acknowledged`);
  }

  /** Runs `task` after every earlier task on `key` has settled (read-modify-write of one key). */
  locked<T>(key: string, task: () => Promise<T>): Promise<T> {
    this.#assertOpen();
    return this.#locks.run(key, task);
  }

  /** Waits for queued writes to finish, then disconnects. Later calls fail with a StoreError. */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#locks.idle();
    this.#closed = true;
    await this.#keyv.disconnect();
  }

  #check<S extends z.ZodType>(key: string, value: unknown, schema: S): Reading<z.output<S>> {
    if (value === undefined || value === null) return { state: 'missing' };
    if (value instanceof Unparseable) {
      const issues = [{ code: 'unparseable', message: String(value.error) }];
      this.#log.warn({ key, issues }, 'stored record failed validation');
      return { state: 'invalid' };
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      this.#log.warn({ key, issues: parsed.error.issues }, 'stored record failed validation');
      return { state: 'invalid' };
    }
    return { state: 'valid', value: parsed.data, raw: value };
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreError('store: used after close()');
  }
}

/** Validates a value about to be written; the message names what was being stored and why it is invalid. */
export function validateForWrite<S extends z.ZodType>(what: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoreError(`store: invalid ${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A copy without the fields set to `undefined`, so a record returned by a write equals the one read back later. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
