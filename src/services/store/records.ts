import type Keyv from 'keyv';
import type { Deserialize } from 'keyv';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { KeyedMutex } from './keyed-mutex.js';
import { STORE_NAMESPACE } from './keys.js';
import { StoreError } from './store-error.js';
import { whileUnavailable } from './unavailable.js';

/**
 * What reading one key found. `raw` is the stored value before parsing (defaults not applied, unknown keys kept).
 * An invalid record has been moved aside to the quarantine by the time the reading is returned.
 */
export type Reading<T> =
  | { state: 'missing' }
  | { state: 'invalid'; raw: unknown }
  | { state: 'valid'; value: T; raw: unknown };

/** A record that failed validation, kept aside under `quarantine:<key>` for a moderator to see and clear. */
export interface QuarantinedRecord {
  key: string;
  /** The stored value as it was, or its text when it was not JSON at all. */
  value: unknown;
  issues: string[];
  at: string;
}

/** Stands in for a stored string that is not JSON at all, so a read can log it instead of throwing. */
class Unparseable {
  constructor(readonly error: unknown) {}
}

type Checked<T> = Exclude<Reading<T>, { state: 'invalid' }> | { state: 'invalid'; raw: unknown; issues: string[] };

const QUARANTINE_INDEX = 'quarantine';

// getMany on SQLite reads a few hundred keys in one query; more than that is split.
const BATCH_SIZE = 200;

/**
 * Validated key-value access over one Keyv instance: every read is checked against a zod schema, and a record
 * that fails is moved to the quarantine (logged once) and reported as `invalid` — never destroyed, so a bad deploy
 * cannot lose data and one bad record cannot lock a guild out. Also owns
 * the per-key locks (see {@link KeyedMutex}) and the open/closed state shared by the repositories.
 */
export class Records {
  readonly #keyv: Keyv;
  readonly #log: Logger;
  readonly #locks = new KeyedMutex();
  readonly #retryMs: number;
  #closed = false;

  /** `retryMs`: how long one call keeps trying while the store is unavailable (see `whileUnavailable`). */
  constructor(
    keyv: Keyv,
    log: Logger,
    readonly now: () => Date,
    retryMs = 0,
  ) {
    this.#keyv = keyv;
    this.#log = log;
    this.#retryMs = retryMs;
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
    return this.#settle(key, this.#check(await this.#get(key), schema));
  }

  /** Reads many keys at once; the result is in the order of `keys`. */
  async readMany<S extends z.ZodType>(keys: readonly string[], schema: S): Promise<Reading<z.output<S>>[]> {
    this.#assertOpen();
    const readings: Reading<z.output<S>>[] = [];
    for (let start = 0; start < keys.length; start += BATCH_SIZE) {
      const batch = keys.slice(start, start + BATCH_SIZE);
      const values = await this.#call(() => this.#keyv.get<unknown>(batch));
      for (const [i, key] of batch.entries()) readings.push(await this.#settle(key, this.#check(values[i], schema)));
    }
    return readings;
  }

  /**
   * Reads a key that is about to be rewritten: undefined when missing, or when the stored record was invalid (it
   * is in the quarantine by then, so overwriting loses nothing).
   */
  async readForUpdate<S extends z.ZodType>(
    key: string,
    schema: S,
  ): Promise<{ value: z.output<S>; raw: unknown } | undefined> {
    const reading = await this.read(key, schema);
    return reading.state === 'valid' ? reading : undefined;
  }

  /** Every key of this store (within its namespace) with a prefix, and its raw value: for recovery, not for the show. */
  async *scan(prefix: string): AsyncGenerator<[string, unknown]> {
    this.#assertOpen();
    const iterate = this.#keyv.iterator as undefined | (() => AsyncGenerator<[string, unknown]>);
    if (!iterate) return;
    for await (const [key, value] of iterate.call(this.#keyv)) {
      const bare = key.startsWith(`${STORE_NAMESPACE}:`) ? key.slice(STORE_NAMESPACE.length + 1) : key;
      if (bare.startsWith(prefix)) yield [bare, value];
    }
  }

  /** The records moved aside since they failed validation, oldest first. */
  async quarantined(): Promise<QuarantinedRecord[]> {
    const listed = await this.#get(QUARANTINE_INDEX);
    const found: QuarantinedRecord[] = [];
    for (const key of Array.isArray(listed) ? (listed as string[]) : []) {
      const record = (await this.#get(`quarantine:${key}`)) as QuarantinedRecord | undefined;
      if (record) found.push(record);
    }
    return found;
  }

  /** Deletes the quarantined copies (a moderator has seen them), all or those `only` picks; the show has run without them all along. */
  async clearQuarantine(only: (key: string) => boolean = () => true): Promise<number> {
    return this.locked(QUARANTINE_INDEX, async () => {
      const all = await this.quarantined();
      const cleared = all.filter((record) => only(record.key));
      for (const record of cleared) await this.#delete(`quarantine:${record.key}`);
      const kept = all.filter((record) => !only(record.key)).map((record) => record.key);
      if (kept.length) await this.#set(QUARANTINE_INDEX, kept);
      else await this.#delete(QUARANTINE_INDEX);
      return cleared.length;
    });
  }

  async write(key: string, value: unknown): Promise<void> {
    this.#assertOpen();
    const written = await this.#set(key, value);
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

  #check<S extends z.ZodType>(value: unknown, schema: S): Checked<z.output<S>> {
    if (value === undefined || value === null) return { state: 'missing' };
    if (value instanceof Unparseable)
      return { state: 'invalid', raw: value, issues: [`not JSON: ${String(value.error)}`] };
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`);
      return { state: 'invalid', raw: value, issues };
    }
    return { state: 'valid', value: parsed.data, raw: value };
  }

  /**
   * Moves an invalid record aside: a copy under `quarantine:<key>`, listed in the quarantine index, then the key
   * deleted unless it was rewritten meanwhile. Logged once, here; later reads find the key missing.
   */
  async #settle<T>(key: string, checked: Checked<T>): Promise<Reading<T>> {
    if (checked.state !== 'invalid') return checked;
    const value = checked.raw instanceof Unparseable ? '(unreadable)' : checked.raw;
    const record: QuarantinedRecord = { key, value, issues: checked.issues, at: this.now().toISOString() };
    await this.#set(`quarantine:${key}`, record);
    await this.#locks.run(QUARANTINE_INDEX, async () => {
      const listed = await this.#get(QUARANTINE_INDEX);
      const keys = Array.isArray(listed) ? (listed as string[]) : [];
      if (!keys.includes(key)) await this.#set(QUARANTINE_INDEX, [...keys, key]);
    });
    const now = await this.#get(key);
    if (now instanceof Unparseable || JSON.stringify(now) === JSON.stringify(checked.raw)) await this.#delete(key);
    this.#log.warn({ key, issues: checked.issues }, 'stored record failed validation; moved to the quarantine');
    return { state: 'invalid', raw: value };
  }

  // Every call to the adapter waits out a store that is briefly unavailable (a restart, a lock).
  #call<T>(op: () => Promise<T>): Promise<T> {
    return whileUnavailable(op, { forMs: this.#retryMs, log: this.#log });
  }

  #get(key: string): Promise<unknown> {
    return this.#call(() => this.#keyv.get<unknown>(key));
  }

  #set(key: string, value: unknown): Promise<boolean> {
    return this.#call(() => this.#keyv.set(key, value));
  }

  #delete(key: string): Promise<boolean> {
    return this.#call(() => this.#keyv.delete(key));
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
