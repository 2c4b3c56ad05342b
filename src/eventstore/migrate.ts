import {
  ConcurrencyError,
  type EventData,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from './port.js';
import { SqliteEventStore } from './sqlite.js';

export interface MigrationProgress {
  /** Events copied by this run so far. */
  copied: number;
  /** Source position of the last event copied (or the resume point). */
  position: bigint;
  /** Source position this run started after. */
  resumedAfter: bigint;
  /** Source head when the run started. */
  sourceHead: bigint;
}

export interface MigrationOptions {
  /** Stops cleanly (between appends) when aborted; a later run resumes. */
  signal?: AbortSignal;
  /** Stops after copying this many events (a later run resumes). */
  maxEvents?: number;
  /** Source events read per page (default 1000). */
  pageSize?: number;
  onProgress?: (progress: MigrationProgress) => void;
  /**
   * Send a page's appends at once. Only safe where concurrently submitted appends commit in
   * submission order: default true for the embedded SQLite target, false for any other.
   */
  pipeline?: boolean;
}

export interface MigrationResult extends MigrationProgress {
  /** True when the target holds every source event up to `sourceHead`. */
  complete: boolean;
}

/** The target already holds other events for a stream the migration must write. */
export class MigrationConflictError extends Error {
  override readonly name = 'MigrationConflictError';
}

/**
 * Where a previous run stopped: the source position recorded on the last migrated event in the
 * target (`metadata.$migration.sourcePosition`), or 0n when none was copied yet. Reads the target
 * through the port from the start, as the port has no backward read.
 */
export async function migratedUpTo(target: EventStore, pageSize = 2000): Promise<bigint> {
  let after = 0n;
  let upTo = 0n;
  for (;;) {
    const page = await target.readAll({ after, maxCount: pageSize });
    const last = page.at(-1);
    if (!last) return upTo;
    for (const event of page) {
      const source = (event.metadata as EventMetadata).$migration?.sourcePosition;
      if (typeof source === 'string' && /^\d+$/.test(source)) {
        const position = BigInt(source);
        if (position > upTo) upTo = position;
      }
    }
    after = last.position;
  }
}

/**
 * Copies the source log into the target through the event-store port only, in global order.
 * Each event keeps its id, stream, revision, type, data and metadata; `metadata.$migration`
 * records its source position and original recording time (which both adapters report as the
 * event's `recordedAt`). Consecutive events of one stream go in one append with the exact
 * expected revision, so the target's streams match the source's revision for revision.
 *
 * Resumable and idempotent: a run starts after the last source position found in the target,
 * and because event ids are kept, an append the target already holds (e.g. one acknowledged
 * just as the previous run was killed) is answered by the store's id idempotency, never stored
 * twice. Running it again after it completed copies nothing.
 */
export async function migrate(
  source: EventStore,
  target: EventStore,
  options: MigrationOptions = {},
): Promise<MigrationResult> {
  const pageSize = options.pageSize ?? 1000;
  const limit = options.maxEvents ?? Number.POSITIVE_INFINITY;
  const resumedAfter = await migratedUpTo(target);
  const sourceHead = await source.headPosition();
  const progress: MigrationProgress = {
    copied: 0,
    position: resumedAfter,
    resumedAfter,
    sourceHead,
  };
  options.onProgress?.({ ...progress });
  let after = resumedAfter;
  // The embedded store commits appends submitted together in submission order (one group
  // commit), so a whole page can be in flight at once; other stores get one append at a time.
  const pipelined = options.pipeline ?? target instanceof SqliteEventStore;
  while (progress.copied < limit && !options.signal?.aborted) {
    const page = await source.readAll({ after, maxCount: pageSize });
    if (page.length === 0) break;
    const runs: RecordedEvent[][] = [];
    let room = limit - progress.copied;
    for (const run of runsOfOneStream(page)) {
      if (room <= 0) break;
      runs.push(run.slice(0, room));
      room -= Math.min(room, run.length);
    }
    if (pipelined) {
      const outcomes = await Promise.allSettled(runs.map((run) => copy(target, run)));
      const failed = outcomes.find((o) => o.status === 'rejected');
      if (failed) throw failed.reason;
      progress.copied += runs.reduce((n, run) => n + run.length, 0);
      progress.position = runs.at(-1)?.at(-1)?.position ?? progress.position;
      options.onProgress?.({ ...progress });
    } else
      for (const run of runs) {
        if (options.signal?.aborted) break;
        await copy(target, run);
        progress.copied += run.length;
        progress.position = run.at(-1)?.position ?? progress.position;
        options.onProgress?.({ ...progress });
      }
    after = progress.position;
    if (after < (page.at(-1)?.position ?? after)) break; // stopped inside the page
  }
  const complete = progress.position >= sourceHead;
  return { ...progress, complete };
}

async function copy(target: EventStore, events: RecordedEvent[]): Promise<void> {
  const first = events[0];
  if (!first) return;
  const expectedRevision = first.revision === 0n ? 'no_stream' : first.revision - 1n;
  const data: EventData[] = events.map((e) => ({
    id: e.id,
    type: e.type,
    data: e.data,
    metadata: {
      ...e.metadata,
      $migration: { sourcePosition: e.position.toString(), recordedAt: e.recordedAt.toISOString() },
    },
  }));
  try {
    await target.append(first.streamName, data, { expectedRevision });
  } catch (error) {
    if (error instanceof ConcurrencyError)
      throw new MigrationConflictError(
        `target stream ${first.streamName} is at ${
          error.actual === undefined ? 'no stream' : `revision ${error.actual}`
        }, but the source's next event there is revision ${first.revision}: the target holds ` +
          'other events for this stream; migrate into an empty store',
      );
    throw error;
  }
}

/** Splits a page of the global log into runs of consecutive events of one stream. */
function runsOfOneStream(page: RecordedEvent[]): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of page) {
    const run = runs.at(-1);
    if (run && run[0]?.streamName === event.streamName) run.push(event);
    else runs.push([event]);
  }
  return runs;
}
