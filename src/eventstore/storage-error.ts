import Database from 'better-sqlite3';

/**
 * The event log could not be written for a reason of the machine, not of the request: the disk
 * is full (`STORAGE_FULL`) or the file could not be written (`STORAGE_UNAVAILABLE`). The
 * transaction was rolled back, so nothing of the request is stored; the same request succeeds
 * once the operator has freed space (no restart needed).
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: 'STORAGE_FULL' | 'STORAGE_UNAVAILABLE',
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** A SQLite error of the disk as a StorageError; anything else is answered as it is. */
export function asStorageError(error: unknown, path: string): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  if (error.code === 'SQLITE_FULL')
    return new StorageError(
      'STORAGE_FULL',
      `the event log could not be written: the disk holding ${path} is full. Nothing of this request was stored; retry once space is freed`,
      { cause: error },
    );
  if (error.code.startsWith('SQLITE_IOERR') || error.code === 'SQLITE_READONLY')
    return new StorageError(
      'STORAGE_UNAVAILABLE',
      `the event log could not be written (${error.code} on ${path}). Nothing of this request was stored; retry later`,
      { cause: error },
    );
  return error;
}
