import type Database from 'better-sqlite3';
import type { Projection } from '../../projections/projection.js';
import type { EventStore } from '../eventstore/port.js';
import type { Logger } from '../log.js';
import { Projector } from './projector.js';
import { dropAllVersions } from './versions.js';

/**
 * Projection lifecycle for operators: what each projection has applied, and rebuilding one from
 * the event log. The embedded SQLite read model has one writer, the server; so listing works
 * beside a running server (WAL readers), while an offline rebuild refuses to run while a server
 * holds the data directory (see `src/data-dir.ts`). With the server running, bump the projection's
 * version instead: it is built beside the live one and swapped in when caught up.
 */

export interface ProjectionStatus {
  name: string;
  /** The version in the code. */
  version: number;
  /** Versions stored in the read model, live and building. */
  stored: Array<{
    version: number;
    state: string;
    position: bigint;
    lag: bigint;
    updatedAt: string;
  }>;
}

export function projectionStatus(
  db: Database.Database,
  projections: readonly Projection[],
  head: bigint,
): ProjectionStatus[] {
  const rows = db
    .prepare(
      'SELECT name, version, state, position, updated_at AS updatedAt FROM projection_checkpoints ORDER BY name, version',
    )
    .safeIntegers(true)
    .all() as Array<{
    name: string;
    version: bigint;
    state: string;
    position: bigint;
    updatedAt: string;
  }>;
  return projections.map((p) => ({
    name: p.name,
    version: p.version,
    stored: rows
      .filter((r) => r.name === p.name)
      .map((r) => ({
        version: Number(r.version),
        state: r.state,
        position: r.position,
        lag: head > r.position ? head - r.position : 0n,
        updatedAt: r.updatedAt,
      })),
  }));
}

/** Renders the status as an aligned text table. */
export function formatStatus(status: ProjectionStatus[], head: bigint): string {
  const lines = [['projection', 'version', 'state', 'position', 'lag', 'updated at']];
  for (const p of status) {
    if (p.stored.length === 0)
      lines.push([p.name, String(p.version), 'not built', '0', String(head), '']);
    for (const s of p.stored) {
      const note =
        s.version !== p.version && s.state === 'live'
          ? `live (v${p.version} builds on next start)`
          : s.state;
      lines.push([p.name, String(s.version), note, String(s.position), String(s.lag), s.updatedAt]);
    }
  }
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length))) ?? [];
  return [
    `event log head: ${head}`,
    ...lines.map((l) =>
      l
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    ),
  ].join('\n');
}

/** Drops every stored version of the projections and rebuilds them from the whole log. */
export async function rebuildProjections(
  store: EventStore,
  db: Database.Database,
  selected: readonly Projection[],
  logger: Logger,
  onProgress: (position: bigint, head: bigint) => void,
): Promise<{ head: bigint; events: bigint }> {
  db.transaction(() => {
    for (const p of selected) dropAllVersions(db, p);
  })();
  const head = await store.headPosition();
  const projector = new Projector(store, db, selected, logger);
  projector.onBatch((_events, position) => onProgress(position, head));
  projector.start();
  onProgress(0n, head);
  try {
    await projector.waitFor(head, 24 * 3600 * 1000);
  } finally {
    await projector.stop();
  }
  return { head, events: head };
}
