/**
 * Baseline for durable appends: the bare loop on the same disk — 64 one-event inserts per
 * transaction into a log table of the same schema and settings (WAL, synchronous=FULL), commit
 * (fsync), repeat. One thread, no revision checks, no promises: the disk's own pace for groups of
 * 64.
 */
import type { EventData } from '../../src/eventstore/port.js';
import { openLog } from '../../src/eventstore/sqlite-log.js';

export function rawGroupedAppends(
  path: string,
  events: readonly EventData[],
  perTransaction = 64,
): { events: number; ns: bigint } {
  const db = openLog(path);
  const insert = db.prepare(
    `INSERT INTO events (position, id, stream, revision, type, data, metadata, recorded_at)
     VALUES (NULL, ?, ?, 0, ?, ?, ?, ?)`,
  );
  const group = db.transaction((slice: readonly EventData[]) => {
    const now = Date.now();
    for (const e of slice)
      insert.run(
        e.id,
        `raw-${e.id}`,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata ?? {}),
        now,
      );
  });
  const started = process.hrtime.bigint();
  for (let i = 0; i < events.length; i += perTransaction)
    group.immediate(events.slice(i, i + perTransaction));
  const ns = process.hrtime.bigint() - started;
  db.close();
  return { events: events.length, ns };
}
