import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Projection } from '../../../projections/projection.js';
import { openReadModel } from '../database.js';
import { buildInBulk } from './build.js';
import type { DecodedBatch } from './source.js';

/**
 * SQLite sorts a new index's keys in buffers of up to `cache_size` bytes, one per sorter thread
 * and one more: at the read model's page cache that was ~96 MB at once for each large index, the
 * rebuild's peak. The bulk build makes its read indexes within a smaller budget, and gives the
 * connection its page cache back afterwards, whether the build succeeds or not.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function readModel() {
  const dir = mkdtempSync(join(tmpdir(), 'replika-build-'));
  dirs.push(dir);
  return openReadModel(join(dir, 'read-model.db'));
}

/** A projection of one table that notes the connection's settings while its indexes are made. */
function noting(seen: Array<{ cacheSize: unknown; threads: unknown }>, fail = false): Projection {
  return {
    name: 'noting',
    version: 1,
    tables: ['rows'],
    handles: [],
    migrate(db, t) {
      db.exec(`CREATE TABLE ${t('rows')} (n INTEGER)`);
    },
    prepare: () => () => {},
    readIndexes(db) {
      seen.push({
        cacheSize: db.pragma('cache_size', { simple: true }),
        threads: db.pragma('threads', { simple: true }),
      });
      if (fail) throw new Error('index failed');
    },
  };
}

async function* nothing(): AsyncIterable<DecodedBatch> {}

describe('the bulk build', () => {
  it('makes the read indexes with a bounded sorter budget and restores the page cache', async () => {
    const db = readModel();
    const before = db.pragma('cache_size', { simple: true });
    const seen: Array<{ cacheSize: unknown; threads: unknown }> = [];
    await buildInBulk(db, nothing(), [noting(seen)]);
    expect(seen).toEqual([{ cacheSize: -8192, threads: 2 }]);
    expect(db.pragma('cache_size', { simple: true })).toBe(before);
    expect(db.pragma('threads', { simple: true })).toBe(0);
  });

  it('restores the page cache when making an index fails', async () => {
    const db = readModel();
    const before = db.pragma('cache_size', { simple: true });
    await expect(buildInBulk(db, nothing(), [noting([], true)])).rejects.toThrow('index failed');
    expect(db.pragma('cache_size', { simple: true })).toBe(before);
    expect(db.pragma('threads', { simple: true })).toBe(0);
  });
});
