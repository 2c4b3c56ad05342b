/**
 * How `migrate` writes: runs of one stream cut by size, appended with the exact expected
 * revision, halved when the target refuses one as too large, trimmed to what the target lacks.
 */
import {
  AppendTooLargeError,
  ConcurrencyError,
  DuplicateEventIdError,
  type EventData,
  type EventStore,
  type RecordedEvent,
} from './port.js';

/** The target already holds other events for a stream the migration must write. */
export class MigrationConflictError extends Error {
  override readonly name = 'MigrationConflictError';
}

/** Appends one run; answers the target position of its last event. */
export async function copy(
  target: EventStore,
  run: RecordedEvent[],
  resumeAfter: bigint,
  maxBytes: number,
): Promise<bigint> {
  const first = run[0];
  if (!first) return 0n;
  const expectedRevision = first.revision === 0n ? 'no_stream' : first.revision - 1n;
  const data: EventData[] = run.map((e) => ({
    id: e.id,
    type: e.type,
    data: e.data,
    metadata: {
      ...e.metadata,
      $migration: {
        sourcePosition: e.position.toString(),
        recordedAt: e.recordedAt.toISOString(),
        resumeAfter: resumeAfter.toString(),
      },
    },
  }));
  try {
    return (await target.append(first.streamName, data, { expectedRevision })).position;
  } catch (error) {
    if (error instanceof AppendTooLargeError) {
      if (run.length === 1)
        throw new Error(
          `event ${first.id} in ${first.streamName} is larger than the target accepts (${error.limit} bytes)`,
        );
      const half = Math.ceil(run.length / 2);
      await copy(target, run.slice(0, half), resumeAfter, maxBytes);
      return copy(target, run.slice(half), resumeAfter, maxBytes);
    }
    if (error instanceof ConcurrencyError || error instanceof DuplicateEventIdError)
      return reconcile(target, run, resumeAfter, maxBytes, error);
    throw error;
  }
}

/**
 * The target already holds the start of this run (a resumed run whose appends were cut
 * differently): drop what it holds with the same ids and copy the rest. Anything else there is
 * another log's events: refuse.
 */
async function reconcile(
  target: EventStore,
  run: RecordedEvent[],
  resumeAfter: bigint,
  maxBytes: number,
  cause: unknown,
): Promise<bigint> {
  const first = run[0] as RecordedEvent;
  const held = await target.readStream(first.streamName, {
    fromRevision: first.revision,
    maxCount: run.length,
  });
  const same = held.every((e, i) => e.id === run[i]?.id && e.revision === run[i]?.revision);
  if (held.length === 0 || !same)
    throw new MigrationConflictError(
      `target stream ${first.streamName} holds other events than the source's from revision ` +
        `${first.revision} (${(cause as Error).message}): migrate into an empty store`,
    );
  if (held.length === run.length) return held.at(-1)?.position ?? 0n;
  return copy(target, run.slice(held.length), resumeAfter, maxBytes);
}

const jsonBytes = (e: RecordedEvent) =>
  Buffer.byteLength(JSON.stringify(e.data)) + Buffer.byteLength(JSON.stringify(e.metadata)) + 200;

/** Splits a page into runs of consecutive events of one stream, each under `maxBytes`. */
export function runsOfOneStream(page: RecordedEvent[], maxBytes: number): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  let bytes = 0;
  for (const event of page) {
    const size = jsonBytes(event);
    const run = runs.at(-1);
    if (run && run[0]?.streamName === event.streamName && bytes + size <= maxBytes) {
      run.push(event);
      bytes += size;
    } else {
      runs.push([event]);
      bytes = size;
    }
  }
  return runs;
}
