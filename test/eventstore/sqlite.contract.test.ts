import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/eventstore/sqlite.js';
import { eventStoreContract } from './contract.js';

const dirs = new Map<object, string>();

eventStoreContract('SQLite', {
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'replika-store-'));
    const store = new SqliteEventStore(join(dir, 'events.db'));
    dirs.set(store, dir);
    return store;
  },
  async dispose(store) {
    await store.close();
    rmSync(dirs.get(store) ?? '', { recursive: true, force: true });
  },
});
