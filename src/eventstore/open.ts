import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { EventStore } from './port.js';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite.js';

/**
 * The KurrentDB adapter, loaded only when a KurrentDB store is asked for: its client (gRPC and
 * its protobufs) costs about 30 MB of memory in every process that imports it.
 */
async function kurrentDb(url: string, logger: Logger): Promise<EventStore> {
  const { KurrentDbEventStore } = await import('./kurrentdb.js');
  return new KurrentDbEventStore(url, { logger });
}

/** The event store the configuration asks for (`EVENT_STORE`, `KURRENTDB_URL`). */
export async function openEventStore(
  config: Pick<Config, 'eventStore' | 'eventLogPath' | 'kurrentdbUrl'>,
  logger: Logger,
  sqliteOptions: SqliteEventStoreOptions = {},
): Promise<EventStore> {
  if (config.eventStore === 'kurrentdb') {
    if (!config.kurrentdbUrl)
      throw new Error('KURRENTDB_URL is required when EVENT_STORE=kurrentdb');
    return kurrentDb(config.kurrentdbUrl, logger);
  }
  return new SqliteEventStore(config.eventLogPath, sqliteOptions);
}

/**
 * A store named on the command line: `sqlite:<file>` (or a path ending in `.db`) for the
 * embedded store, or a KurrentDB connection string (`kurrentdb://…`, `kurrent://…`, `kdb://…`,
 * `esdb://…`, each also as `…+discover://`).
 */
export async function openStoreByUrl(spec: string, logger: Logger): Promise<EventStore> {
  if (/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//.test(spec)) return kurrentDb(spec, logger);
  const path = spec.startsWith('sqlite:') ? spec.slice('sqlite:'.length) : spec;
  if (!path || !(spec.startsWith('sqlite:') || path.endsWith('.db')))
    throw new Error(
      `unknown store "${spec}": use sqlite:<file> or kurrentdb://host:2113?tls=false`,
    );
  return new SqliteEventStore(resolve(path));
}
