import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/eventstore/sqlite.js';
import { eventStoreContract } from './contract.js';

const dirs = new Map<object, string>();

function open(options: { firstPosition?: bigint } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'replika-store-'));
  const store = new SqliteEventStore(join(dir, 'events.db'), options);
  dirs.set(store, dir);
  return store;
}

eventStoreContract('SQLite', {
  async create() {
    return open();
  },
  // The adapter's `firstPosition` option starts an empty log above 2^53.
  async createWithPositionsAbove2p53() {
    return open({ firstPosition: 2n ** 53n + 1n });
  },
  refusesReusedIds: true,
  async dispose(store) {
    await store.close();
    rmSync(dirs.get(store) ?? '', { recursive: true, force: true });
    dirs.delete(store);
  },
});
