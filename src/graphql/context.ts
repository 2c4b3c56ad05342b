import type { Actor, Commands } from '../application/commands.js';
import type { Regions } from '../application/regions.js';
import type { EventStore } from '../eventstore/port.js';
import type { AccessQueries } from '../read-model/access-queries.js';
import type { Analytics } from '../read-model/analytics-pool.js';
import type { Projector } from '../read-model/projector.js';
import type { ReadModelQueries } from '../read-model/queries.js';
import type { LiveFeed } from './live-feed.js';

/** What every resolver gets: the read side, the write side and who is asking. */
export interface GraphQLContext {
  queries: ReadModelQueries;
  commands: Commands;
  projector: Projector;
  regions: Regions;
  /** Analysts' queries (filters, time travel, diffusion), the event log (audit trail), the live feed. */
  analytics: Analytics;
  store: EventStore;
  feed: LiveFeed;
  /** Access tokens, idempotency keys, milestone details and verification. */
  access: AccessQueries;
  /** Who is asking, resolved from `Authorization: Bearer <token>`. */
  actor: Actor;
  /** The HTTP request (Fetch API), for headers. */
  request: Request;
  /** Log position written by this request's mutations, reported in the response. */
  written: { position: bigint | undefined };
}
