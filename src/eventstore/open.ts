import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { KurrentDbEventStore } from './kurrentdb.js';
import type { EventStore } from './port.js';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite.js';

/** The event store the configuration asks for (`EVENT_STORE`, `KURRENTDB_URL`). */
export function openEventStore(
  config: Pick<Config, 'eventStore' | 'eventLogPath' | 'kurrentdbUrl'>,
  logger: Logger,
  sqliteOptions: SqliteEventStoreOptions = {},
): EventStore {
  if (config.eventStore === 'kurrentdb') {
    if (!config.kurrentdbUrl)
      throw new Error('KURRENTDB_URL is required when EVENT_STORE=kurrentdb');
    return new KurrentDbEventStore(config.kurrentdbUrl, { logger });
  }
  return new SqliteEventStore(config.eventLogPath, sqliteOptions);
}

/**
 * A store named on the command line: `sqlite:<file>` (or a path ending in `.db`) for the
 * embedded store, or a KurrentDB connection string (`kurrentdb://…`, `kurrent://…`, `kdb://…`,
 * `esdb://…`, each also as `…+discover://`).
 */
export function openStoreByUrl(spec: string, logger: Logger): EventStore {
  if (/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//.test(spec))
    return new KurrentDbEventStore(spec, { logger });
  const path = spec.startsWith('sqlite:') ? spec.slice('sqlite:'.length) : spec;
  if (!path || !(spec.startsWith('sqlite:') || path.endsWith('.db')))
    throw new Error(
      `unknown store "${spec}": use sqlite:<file> or kurrentdb://host:2113?tls=false`,
    );
  return new SqliteEventStore(resolve(path));
}
