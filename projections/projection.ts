import type Database from 'better-sqlite3';
import type { DomainEventType, EventPayload } from '../src/domain/events.js';
import type { RecordedEvent } from '../src/eventstore/port.js';

/** A stored domain event with its payload decoded and validated. */
export type ProjectedEvent<T extends DomainEventType = DomainEventType> = T extends DomainEventType
  ? Omit<RecordedEvent, 'type' | 'data'> & { type: T; data: EventPayload<T> }
  : never;

/** Maps a logical table name (`adoptions`) to this version's physical table (`adoptions__v1`). */
export type TableNames = (logical: string) => string;

/** The physical tables of a projection's version: `adoptions` → `adoptions__v2`. */
export const physicalTable =
  (projection: Pick<Projection, 'version'>): TableNames =>
  (logical) =>
    `${logical}__v${projection.version}`;

/**
 * A projection: a named, versioned fold of certain event types into read-model tables. Each
 * version writes its own physical tables (`t`), so a new version can be built beside the old one
 * and swapped in (see `src/read-model/versions.ts`). Its folder holds the definition, the
 * readers of its tables and a given/when/then spec.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** Logical names of the tables this projection owns. */
  readonly tables: readonly string[];
  readonly handles: readonly DomainEventType[];
  /**
   * Creates this version's tables, with the indexes its own writes need (fresh: called only on
   * an empty version).
   */
  migrate(db: Database.Database, t: TableNames): void;
  /**
   * Creates the indexes only readers need, with `CREATE INDEX IF NOT EXISTS`. The projector calls
   * it once the projection has caught up with the log (and before a new version is swapped in),
   * so a rebuild sorts each index once instead of maintaining it row by row.
   */
  readIndexes?(db: Database.Database, t: TableNames): void;
  /** Prepares statements and returns the function that applies one event, inside a transaction. */
  prepare(db: Database.Database, t: TableNames): (event: ProjectedEvent) => void;
  /**
   * The bulk form, for a build of a fresh (empty) version from the log: it may keep state in
   * memory and write it at `finish`, as long as the tables end up exactly as `prepare`'s events
   * would leave them (a property test holds both forms to that). Without one, a bulk build feeds
   * `prepare`'s function in large transactions.
   */
  bulk?(db: Database.Database, t: TableNames): BulkFold;
}

/** A projection's bulk build: events in log order (inside transactions), then `finish` once. */
export interface BulkFold {
  apply(event: ProjectedEvent): void;
  /** Writes what was kept in memory; runs inside the build's last transaction. */
  finish(): void;
}
