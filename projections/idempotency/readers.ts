import type Database from 'better-sqlite3';
import type { IdempotencyLookup, IdempotencyRecord } from '../../src/application/idempotency.js';

/** Reads of the `idempotency_keys` table: the keys already answered, for the write side. */
export class IdempotencyReaders implements IdempotencyLookup {
  private readonly record;

  constructor(db: Database.Database) {
    this.record = db
      .prepare(
        `SELECT mutation, request_hash AS requestHash, result, position
         FROM idempotency_keys WHERE scope = ?`,
      )
      .safeIntegers(true);
  }

  idempotencyRecord(scope: string): IdempotencyRecord | undefined {
    const row = this.record.get(scope) as
      | { mutation: string; requestHash: string; result: string; position: bigint }
      | undefined;
    return row && { ...row, result: JSON.parse(row.result) };
  }
}
