import type { InteractionRecord } from '../interactions.js';
import type { FakeState } from '../state.js';

/** What route handlers share: the state, addresses, and the interactions the fake dispatched. */
export interface RouteDeps {
  state: FakeState;
  /** `http://127.0.0.1:PORT` (attachment URLs) */
  baseUrl(): string;
  /** `ws://127.0.0.1:PORT` */
  gatewayUrl(): string;
  identifies(): number;
  /** The shard count GET /gateway/bot recommends. */
  shards: number;
  /** Interactions by token. */
  interactions: Map<string, InteractionRecord>;
  /** Discord's 3 s window to answer an interaction; callbacks after it get 404 Unknown interaction. */
  ackDeadlineMs: number;
}

/** Route bodies are validated against the spec before handlers run, so handlers may read them as typed. */
export const bodyAs = <T>(body: unknown): T => (body ?? {}) as T;
