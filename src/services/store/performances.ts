import { z } from 'zod';
import { keys } from './keys.js';
import { type Records, validateForWrite, withoutUndefined } from './records.js';
import { type Performance, type PerformanceStatus, performanceSchema } from './schemas.js';
import { StoreError } from './store-error.js';

/** The statuses a restart must pick up again. */
export const UNFINISHED_STATUSES = [
  'queued',
  'performing',
  'awaiting-release',
] as const satisfies readonly PerformanceStatus[];
const unfinished: ReadonlySet<PerformanceStatus> = new Set(UNFINISHED_STATUSES);
/** A restart has work to take up here: an act not over, or an appeal lodged and not yet heard. */
const pendingWork = (p: Pick<Performance, 'status' | 'appeal'>) =>
  unfinished.has(p.status) || p.appeal?.outcome === 'pending';

export type NewPerformance = Omit<Performance, 'id' | 'number' | 'createdAt' | 'updatedAt'>;
/** Fields update() may change. A field set to `undefined` is cleared. */
export type PerformancePatch = Partial<Omit<Performance, 'id' | 'number' | 'guildId' | 'createdAt'>>;
export interface ListOptions {
  /** Only these statuses. */
  statuses?: readonly PerformanceStatus[];
  /** At most this many: the first matches by number ascending. */
  limit?: number;
}

/**
 * Guild ids become part of performance ids (`<guildId>-<number>`), so they are kept short and custom-id safe:
 * Discord snowflakes and `cli` qualify. 28 characters plus a dash and an 11-digit number stay within 40.
 */
const guildIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,28}$/, 'must be 1-28 letters, digits, "_" or "-"');
const lastNumberSchema = z.number().int().min(0);
const idListSchema = z.array(z.string().min(1));

/**
 * Performances, numbered per guild. `create` writes before it returns (nothing submitted is lost); writes to
 * one key are serialised in-process (see KeyedMutex), which suffices because a guild lives on one process.
 *
 * Write order keeps the indexes safe across a crash: a number is reserved and an id added to the unfinished
 * index before the record is written, and removed only after; readers skip ids whose record is missing or
 * finished, so a crash leaves at most an unused number or a harmless stale id.
 */
export class PerformanceRepository {
  constructor(private readonly records: Records) {}

  async create(input: NewPerformance): Promise<Performance> {
    const guildId = validateForWrite('guild id for a performance', guildIdSchema, input.guildId);
    return this.records.locked(keys.lastNumber(guildId), async () => {
      const number = (await this.#lastNumber(guildId)) + 1;
      const now = this.records.now().toISOString();
      const performance = validateForWrite('performance', performanceSchema, {
        ...withoutUndefined(input),
        id: `${guildId}-${number}`,
        number,
        guildId,
        createdAt: now,
        updatedAt: now,
      });
      await this.records.write(keys.lastNumber(guildId), number);
      // Checked on every create, not only the first: on Redis the guild list is the one key every shard writes,
      // and a write lost to another shard is put back by the guild's next performance.
      await this.#addToList(keys.guilds(), guildId);
      if (pendingWork(performance)) await this.#addToList(keys.unfinished(guildId), performance.id);
      await this.records.write(keys.performance(performance.id), performance);
      return performance;
    });
  }

  /** The performance, or undefined when it is missing or its stored record fails validation (logged). */
  async get(id: string): Promise<Performance | undefined> {
    const reading = await this.records.read(keys.performance(id), performanceSchema);
    return reading.state === 'valid' ? reading.value : undefined;
  }

  /**
   * Merges `patch`, bumps `updatedAt`, validates and writes; a StoreError when missing, invalid or the result is.
   * `patchOrChange` may be a function of the current record; `check` sees the record under the lock and may throw
   * to refuse the write: a claim two clicks cannot both win.
   */
  async update(
    id: string,
    patchOrChange: PerformancePatch | ((current: Performance) => PerformancePatch),
    check?: (current: Performance) => void,
  ): Promise<Performance> {
    return this.records.locked(keys.performance(id), async () => {
      const current = await this.records.readForUpdate(keys.performance(id), performanceSchema);
      if (!current) throw new StoreError(`store: no performance "${id}" to update`);
      const before = current.value;
      check?.(before);
      // A function patch is computed from the record under the lock (an append two writers cannot lose).
      const patch = typeof patchOrChange === 'function' ? patchOrChange(before) : patchOrChange;
      const after = validateForWrite('performance update', performanceSchema, {
        ...withoutUndefined({ ...before, ...patch }),
        id: before.id,
        number: before.number,
        guildId: before.guildId,
        createdAt: before.createdAt,
        updatedAt: this.records.now().toISOString(),
      });
      const index = keys.unfinished(after.guildId);
      if (pendingWork(after)) await this.#addToList(index, id);
      await this.records.write(keys.performance(id), after);
      if (pendingWork(before) && !pendingWork(after)) await this.#removeFromList(index, id);
      return after;
    });
  }

  /**
   * A guild's performances by number ascending. When every requested status is unfinished, only the unfinished
   * index is read, so checking the queue stays cheap however long the guild's history is.
   */
  async listByGuild(guildId: string, options: ListOptions = {}): Promise<Performance[]> {
    const { statuses, limit } = options;
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
      throw new StoreError(`store: list limit must be a whole number >= 0, got ${limit}`);
    }
    if (limit === 0) return [];
    const wanted = statuses ? new Set(statuses) : undefined;
    const found: Performance[] = [];
    for await (const batch of this.#candidates(guildId, wanted)) {
      for (const performance of batch) {
        if (wanted && !wanted.has(performance.status)) continue;
        found.push(performance);
        if (found.length === limit) return found;
      }
    }
    return found;
  }

  /**
   * Every queued, performing or awaiting-release performance across guilds, and every one whose appeal waits to
   * be heard, oldest first (to resume after a restart).
   */
  async listUnfinished(): Promise<Performance[]> {
    const guilds = await this.#readList(keys.guilds());
    const found: Performance[] = [];
    for (const guildId of guilds) {
      const ids = await this.#readList(keys.unfinished(guildId));
      for (const performance of await this.#readPerformances(ids)) {
        if (pendingWork(performance)) found.push(performance);
      }
    }
    return found.sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.guildId.localeCompare(b.guildId) || a.number - b.number,
    );
  }

  async *#candidates(guildId: string, wanted: ReadonlySet<PerformanceStatus> | undefined) {
    if (wanted && [...wanted].every((status) => unfinished.has(status))) {
      const ids = await this.#readList(keys.unfinished(guildId));
      yield (await this.#readPerformances(ids)).sort((a, b) => a.number - b.number);
      return;
    }
    const count = await this.#lastNumber(guildId);
    const pageSize = 100;
    for (let first = 1; first <= count; first += pageSize) {
      const numbers = Array.from({ length: Math.min(pageSize, count - first + 1) }, (_, i) => first + i);
      yield this.#readPerformances(numbers.map((number) => `${guildId}-${number}`));
    }
  }

  async #readPerformances(ids: readonly string[]): Promise<Performance[]> {
    const readings = await this.records.readMany(ids.map(keys.performance), performanceSchema);
    return readings.flatMap((reading) => (reading.state === 'valid' ? [reading.value] : []));
  }

  /**
   * The highest number given out in a guild. When its record was corrupt (now in the quarantine), numbering
   * recovers from the highest performance still on record, so no number is ever given twice.
   */
  async #lastNumber(guildId: string): Promise<number> {
    const reading = await this.records.read(keys.lastNumber(guildId), lastNumberSchema);
    if (reading.state === 'valid') return reading.value;
    if (reading.state === 'missing') return 0;
    let highest = 0;
    const prefix = keys.performance(`${guildId}-`);
    for await (const [key] of this.records.scan(prefix)) {
      const number = Number(key.slice(prefix.length));
      if (Number.isInteger(number)) highest = Math.max(highest, number);
    }
    await this.records.write(keys.lastNumber(guildId), highest);
    return highest;
  }

  /** An index list; when its record was corrupt (now in the quarantine), rebuilt from the records themselves. */
  async #readList(key: string): Promise<string[]> {
    const reading = await this.records.read(key, idListSchema);
    if (reading.state === 'valid') return reading.value;
    if (reading.state === 'missing') return [];
    const rebuilt = new Set<string>();
    for await (const [, value] of this.records.scan('performance:')) {
      const parsed = performanceSchema.safeParse(value);
      if (!parsed.success) continue;
      if (key === keys.guilds()) rebuilt.add(parsed.data.guildId);
      else if (key === keys.unfinished(parsed.data.guildId) && pendingWork(parsed.data)) rebuilt.add(parsed.data.id);
    }
    await this.records.locked(key, () => this.records.write(key, [...rebuilt]));
    return [...rebuilt];
  }

  async #addToList(key: string, item: string): Promise<void> {
    await this.records.locked(key, async () => {
      const list = (await this.records.readForUpdate(key, idListSchema))?.value ?? [];
      if (!list.includes(item)) await this.records.write(key, [...list, item]);
    });
  }

  async #removeFromList(key: string, item: string): Promise<void> {
    await this.records.locked(key, async () => {
      const list = (await this.records.readForUpdate(key, idListSchema))?.value;
      if (!list?.includes(item)) return;
      await this.records.write(
        key,
        list.filter((entry) => entry !== item),
      );
    });
  }
}
