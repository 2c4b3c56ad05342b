import { type DomainEventType, eventSchemas } from '../../src/domain/events.js';
import type { Projection } from '../projection.js';

/**
 * Idempotency keys already used, rebuilt from the metadata commands record with their events
 * (scope = hash of actor and key, the request's hash, and the result it answered).
 */
export const idempotencyProjection: Projection = {
  name: 'idempotency',
  version: 1,
  tables: ['idempotency_keys'],
  handles: Object.keys(eventSchemas) as DomainEventType[],
  migrate(db, t) {
    db.exec(`
      CREATE TABLE ${t('idempotency_keys')} (
        scope        TEXT PRIMARY KEY,
        mutation     TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        result       TEXT NOT NULL,
        position     INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
  prepare(db, t) {
    const insert = db.prepare(
      `INSERT INTO ${t('idempotency_keys')} (scope, mutation, request_hash, result, position)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (scope) DO NOTHING`,
    );
    return (event) => {
      const record = event.metadata.idempotency as
        | { scope?: unknown; mutation?: unknown; requestHash?: unknown; result?: unknown }
        | undefined;
      if (
        !record ||
        typeof record.scope !== 'string' ||
        typeof record.mutation !== 'string' ||
        typeof record.requestHash !== 'string'
      )
        return;
      insert.run(
        record.scope,
        record.mutation,
        record.requestHash,
        JSON.stringify(record.result ?? null),
        event.position,
      );
    };
  },
};
