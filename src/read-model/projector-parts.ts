/** What the projector keeps per projection and per waiting request, and what it tells listeners. */
import type { ProjectedEvent, Projection } from '../../projections/projection.js';

export interface Running {
  projection: Projection;
  state: 'live' | 'building';
  /** Last global position this projection has applied. */
  position: bigint;
  /** The live version this one replaces once caught up, if any. */
  replaces: number | undefined;
  handles: ReadonlySet<string>;
  apply: (event: ProjectedEvent) => void;
  /** Whether its read indexes are in place (made once it has caught up). */
  indexed: boolean;
  /** Being built in bulk (the live path leaves it alone meanwhile). */
  bulk: boolean;
}

export interface Waiter {
  position: bigint;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Told about every batch the projector has committed: the events (decoded where a projection knows
 * their type) and the position the read model is now at. A returned promise is awaited before the
 * next batch (back-pressure); a listener that throws is logged and does not stop the projector.
 */
export type BatchListener = (
  events: readonly ProjectedEvent[],
  position: bigint,
) => void | Promise<void>;

/** The read model did not reach a position in time. */
export class FreshnessTimeoutError extends Error {
  override readonly name = 'FreshnessTimeoutError';
}
