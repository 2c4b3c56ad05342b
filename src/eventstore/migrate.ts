import { copy, MigrationConflictError, runsOfOneStream } from './migrate-copy.js';
import type { EventMetadata, EventStore, RecordedEvent } from './port.js';

export { MigrationConflictError };

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
  /** Stops cleanly (between pages) when aborted; a later run resumes. */
  signal?: AbortSignal;
  /** Stops after copying this many events (a later run resumes). */
  maxEvents?: number;
  /** Source events read per page (default 1000). */
  pageSize?: number;
  onProgress?: (progress: MigrationProgress) => void;
  /**
   * Send a page's appends together, in source order, without waiting for each answer (default
   * true). Both stores commit appends in the order they arrive (SQLite: one group commit;
   * KurrentDB: one BatchAppend stream, one writer); the migration checks the positions it gets
   * back and stops if the target ever committed out of order. False: one append at a time.
   */
  pipeline?: boolean;
  /**
   * Largest append in bytes of JSON data + metadata (default 900 KiB, under KurrentDB's 1 MiB
   * limit). Longer runs of one stream are split; an append the target still refuses as too large
   * is split in halves.
   */
  maxAppendBytes?: number;
}

export interface MigrationResult extends MigrationProgress {
  /** True when the target holds every source event up to `sourceHead`. */
  complete: boolean;
}

/** The target committed pipelined appends out of source order. */
export class MigrationOrderError extends Error {
  override readonly name = 'MigrationOrderError';
}

const DEFAULT_MAX_APPEND = 900 * 1024;
/** Pages whose appends may be in flight at once when pipelining. */
const PAGES_IN_FLIGHT = 3;

/**
 * How far the target holds the source: `held` is the largest source position copied, `safe` the
 * largest `resumeAfter` recorded (every source event up to it had been acknowledged before that
 * append was sent; the source position itself for events migrated before `resumeAfter` existed).
 * A run resumes reading after `safe` and counts as new only what lies after `held`: re-sending
 * what the target holds is safe, as it answers appends it already holds by event id.
 */
async function scanTarget(target: EventStore, pageSize = 2000) {
  let after = 0n;
  let held = 0n;
  let safe = 0n;
  for (;;) {
    const page = await target.readAll({ after, maxCount: pageSize });
    const last = page.at(-1);
    if (!last) return { held, safe };
    for (const event of page) {
      const migration = (event.metadata as EventMetadata).$migration;
      const source = migration?.sourcePosition;
      if (typeof source !== 'string' || !/^\d+$/.test(source)) continue;
      const position = BigInt(source);
      if (position > held) held = position;
      const mark = migration?.resumeAfter ?? source;
      if (/^\d+$/.test(mark) && BigInt(mark) > safe) safe = BigInt(mark);
    }
    after = last.position;
  }
}

/** The largest source position recorded in the target (0n when nothing was copied yet). */
export async function migratedUpTo(target: EventStore, pageSize = 2000): Promise<bigint> {
  return (await scanTarget(target, pageSize)).held;
}

/**
 * Copies the source log into the target through the event-store port only, in global order.
 * Each event keeps its id, stream, revision, type, data and metadata; `metadata.$migration`
 * records its source position and original recording time (which both adapters report as the
 * event's `recordedAt`). Consecutive events of one stream go in one append (split by size) with
 * the exact expected revision, so the target's streams match the source's revision for revision.
 *
 * Resumable and idempotent: a run starts from the resume point found in the target, and because
 * event ids are kept, an append the target already holds is answered by the store's id
 * idempotency (or trimmed to what is missing), never stored twice. Running it again after it
 * completed copies nothing.
 */
export async function migrate(
  source: EventStore,
  target: EventStore,
  options: MigrationOptions = {},
): Promise<MigrationResult> {
  const pageSize = options.pageSize ?? 1000;
  const limit = options.maxEvents ?? Number.POSITIVE_INFINITY;
  const maxBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND;
  const pipelined = options.pipeline ?? true;
  const { held, safe } = await scanTarget(target);
  const sourceHead = await source.headPosition();
  const progress: MigrationProgress = { copied: 0, position: held, resumedAfter: held, sourceHead };
  options.onProgress?.({ ...progress });
  /** Every source event up to here is acknowledged by the target. */
  let acked = safe;
  /** New events sent so far (acknowledged or in flight), for `maxEvents`. */
  let sent = 0;
  let lastTarget = 0n;
  let first = true;
  const isNew = (e: RecordedEvent) => e.position > held;
  const inFlight: Array<{
    outcomes: Promise<PromiseSettledResult<bigint>[]>;
    page: RecordedEvent[];
  }> = [];
  /** Waits for the oldest page in flight, checks its order and counts it. */
  const settle = async () => {
    const oldest = inFlight.shift();
    if (!oldest) return;
    const outcomes = await oldest.outcomes;
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
    const positions = outcomes.map((o) => (o as PromiseFulfilledResult<bigint>).value);
    checkOrder([lastTarget, ...positions]);
    lastTarget = positions.at(-1) ?? lastTarget;
    acked = oldest.page.at(-1)?.position ?? acked;
    progress.copied += oldest.page.filter(isNew).length;
    if (acked > progress.position) progress.position = acked;
    options.onProgress?.({ ...progress });
  };
  let next: Promise<RecordedEvent[]> | undefined = source.readAll({
    after: acked,
    maxCount: pageSize,
  });
  try {
    while (next && sent < limit && !options.signal?.aborted) {
      const page = await next;
      next = undefined;
      if (page.length === 0) break;
      const taken = upToLimit(page, limit - sent, isNew);
      sent += taken.filter(isNew).length;
      const runs = runsOfOneStream(taken, maxBytes);
      const lastOfPage = taken.at(-1);
      // Read the next page while this one is written.
      if (lastOfPage && taken.length === page.length)
        next = source.readAll({ after: lastOfPage.position, maxCount: pageSize });
      // Pages the target may partly hold (right after a resume) go one append at a time:
      // trimming a run to what it holds takes a read, and would let later appends overtake it.
      if (pipelined && lastOfPage && page[0] && page[0].position > held) {
        const mark = acked;
        // The very first append alone: the client opens its append stream on first use, and
        // appends racing to open it could take different streams and commit out of order.
        const head = first
          ? await Promise.allSettled(runs.slice(0, 1).map((r) => copy(target, r, mark, maxBytes)))
          : [];
        first = false;
        const rest = runs.slice(head.length).map((run) => copy(target, run, mark, maxBytes));
        inFlight.push({
          outcomes: Promise.allSettled(rest).then((o) => [...head, ...o]),
          page: taken,
        });
        if (inFlight.length >= PAGES_IN_FLIGHT) await settle();
      } else {
        while (inFlight.length) await settle();
        for (const run of runs) {
          if (options.signal?.aborted) {
            next = undefined;
            break;
          }
          lastTarget = await copy(target, run, acked, maxBytes);
          acked = run.at(-1)?.position ?? acked;
          progress.copied += run.filter(isNew).length;
          if (acked > progress.position) progress.position = acked;
          options.onProgress?.({ ...progress });
        }
      }
      if ((lastOfPage?.position ?? 0n) < (page.at(-1)?.position ?? 0n)) break; // stopped inside
    }
    while (inFlight.length) await settle();
  } finally {
    // Whatever happens, no append is left running behind the caller's back.
    await Promise.allSettled(inFlight.map((p) => p.outcomes));
  }
  const complete = progress.position >= sourceHead;
  return { ...progress, complete };
}

/** The start of a page holding at most `room` new events (and all old ones before them). */
function upToLimit(page: RecordedEvent[], room: number, isNew: (e: RecordedEvent) => boolean) {
  let count = 0;
  let end = 0;
  for (const e of page) {
    if (isNew(e)) {
      if (count >= room) break;
      count++;
    }
    end++;
  }
  return page.slice(0, end);
}

/** Target positions of a page's appends, in the order they were sent, must increase. */
function checkOrder(positions: bigint[]) {
  for (let i = 1; i < positions.length; i++)
    if ((positions[i] ?? 0n) <= (positions[i - 1] ?? 0n))
      throw new MigrationOrderError(
        'the target committed pipelined appends out of source order; empty the target and run ' +
          'the migration again with pipelining off (--no-pipeline)',
      );
}
