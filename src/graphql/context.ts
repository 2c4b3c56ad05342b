import type { AccessTokenReaders } from '../../projections/access-tokens/readers.js';
import type { Actor, Commands } from '../application/commands.js';
import type { Regions } from '../application/regions.js';
import type { EventStore } from '../eventstore/port.js';
import type { ReadSide } from '../read-model/analytics-pool.js';
import type { Projector } from '../read-model/projector.js';
import type { LiveFeed } from './live-feed.js';

/** What every resolver gets: the read side, the write side and who is asking. */
export interface GraphQLContext {
  /** Each projection's readers (see projections/readers.ts); figures may come from workers. */
  read: ReadSide;
  commands: Commands;
  projector: Projector;
  regions: Regions;
  /** The event log (audit trail, raw events). */
  store: EventStore;
  feed: LiveFeed;
  /** The access tokens requests are authenticated against (`read.accessTokens`). */
  access: AccessTokenReaders;
  /** Who is asking, resolved from `Authorization: Bearer <token>`. */
  actor: Actor;
  /** The HTTP request (Fetch API), for headers. */
  request: Request;
  /** Log position written by this request's mutations, reported in the response. */
  written: { position: bigint | undefined };
}
