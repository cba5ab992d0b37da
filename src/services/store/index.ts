import type { Logger } from '../../logger.js';
import { openKeyv, parseStoreUrl } from './backend.js';
import { GuildSettingsRepository } from './guild-settings.js';
import { acquireLease, type Lease, type LeaseBackend, type LeaseOptions, leaseOwnerName, leasesFor } from './lease.js';
import { PerformanceRepository } from './performances.js';
import { type QuarantinedRecord, Records } from './records.js';
import type { Performance } from './schemas.js';
import { whileUnavailable } from './unavailable.js';
import { VoteRepository } from './votes.js';

export { parseStoreUrl, type StoreTarget } from './backend.js';
export { GuildSettingsRepository } from './guild-settings.js';
export { isGuildKey, keys, STORE_NAMESPACE } from './keys.js';
export type { Lease } from './lease.js';
export {
  type ListOptions,
  type NewPerformance,
  type PerformancePatch,
  PerformanceRepository,
  UNFINISHED_STATUSES,
} from './performances.js';
export type { QuarantinedRecord } from './records.js';
export type {
  GuildSettings,
  Performance,
  PerformanceStatus,
  Tally,
  VoteSide,
  Votes,
} from './schemas.js';
export { StoreError } from './store-error.js';
export { isStoreUnavailable } from './unavailable.js';

export { VoteRepository } from './votes.js';

/**
 * The show's storage: typed repositories over one Keyv instance, every read validated by zod.
 *
 * Concurrency: each read-modify-write of a key runs under an in-process lock owned by this instance, so
 * concurrent creates, updates, votes and settings changes in one process never lose a write. Across processes the
 * lease (`lease()`) makes one process the only writer of its share, and all of a guild's traffic reaches that
 * process (sharding by guild).
 */
export interface Store {
  performances: PerformanceRepository;
  votes: VoteRepository;
  guilds: GuildSettingsRepository;
  /** Records that failed validation, moved aside: for `/stage repair` to show and clear. */
  quarantine: { list(): Promise<QuarantinedRecord[]>; clear(only?: (key: string) => boolean): Promise<number> };
  /**
   * Takes this store's lease under `name` (the whole store, or one shard's share): the one writer it grants is
   * what makes the in-process key locks enough. Waits out a killed owner's lease, then refuses with a StoreError.
   */
  lease(name: string, options?: StoreLeaseOptions): Promise<Lease>;
  /** Waits for queued writes, then disconnects. */
  close(): Promise<void>;
}

export type StoreLeaseOptions = Partial<Pick<LeaseOptions, 'ttlMs' | 'waitMs' | 'onLost' | 'owner'>>;

export interface StoreOptions {
  /** The clock for createdAt/updatedAt; tests pass a fixed one. */
  now?: () => Date;
  /**
   * A shard's guilds: the unfinished performances it lists (and so resumes after a restart) are only these,
   * since other shards' processes perform the rest from the same shared store.
   */
  ownsGuild?: ((guildId: string) => boolean) | undefined;
  /** How long one store call keeps trying while the store is unavailable (STORE_RETRY_MS); default 5 s. */
  retryMs?: number;
}

/** The performances of one shard's guilds, where listing unfinished ones is concerned. */
class ShardPerformances extends PerformanceRepository {
  constructor(
    records: Records,
    private readonly ownsGuild: (guildId: string) => boolean,
  ) {
    super(records);
  }

  override async listUnfinished(): Promise<Performance[]> {
    return (await super.listUnfinished()).filter((p) => this.ownsGuild(p.guildId));
  }
}

/** A CLI beside the bot (or a test) waits this long for a locked store, as SQLite's busy timeout used to. */
const DEFAULT_RETRY_MS = 5_000;
/** A lease claim waits briefly for a locked store: a renewal comes again a third of the lease later anyway. */
const LEASE_RETRY_MS = 2_000;

function waitingLeases(backend: LeaseBackend, log: Logger): LeaseBackend {
  const wait = { forMs: LEASE_RETRY_MS, log };
  return {
    claim: (...args) => whileUnavailable(() => backend.claim(...args), wait),
    release: (...args) => whileUnavailable(() => backend.release(...args), wait),
  };
}

/**
 * Opens the store named by STORE_URL (`sqlite://data/stage.sqlite`, `sqlite:///abs/path.sqlite`, `memory:`,
 * `redis://…`, `postgres://…`). Fails with a StoreError on an unknown scheme or a backend that cannot be opened.
 */
export async function openStore(url: string, log: Logger, options: StoreOptions = {}): Promise<Store> {
  const target = parseStoreUrl(url);
  const keyv = await openKeyv(target, log);
  const retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
  const leases = waitingLeases(leasesFor(keyv, target.backend), log);
  const records = new Records(keyv, log, options.now ?? (() => new Date()), retryMs);
  return {
    performances: options.ownsGuild
      ? new ShardPerformances(records, options.ownsGuild)
      : new PerformanceRepository(records),
    votes: new VoteRepository(records),
    guilds: new GuildSettingsRepository(records),
    quarantine: { list: () => records.quarantined(), clear: (only) => records.clearQuarantine(only) },
    lease: (name, lease = {}) => acquireLease(leases, { owner: leaseOwnerName(), ...lease, name, log }),
    close: () => records.close(),
  };
}
