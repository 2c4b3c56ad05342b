import { milestonesOf } from '../domain/adoption/summary.js';
import type { Projector } from '../read-model/projector.js';

/** One milestone that just became part of the read model. */
export interface MilestoneNotice {
  position: bigint;
  milestoneId: string;
  adopterCode: string;
  innovationId: string;
  originCode: string;
}

type Listener = (notice: MilestoneNotice) => void;

/** A subscriber that falls this far behind is ended rather than buffered without bound. */
const MAX_QUEUE = 10_000;

/**
 * The live feed: the projector tells it about every committed batch, and it hands each milestone
 * reported in it (directly or as a study visit's STUDY_VISIT step) to the subscribers. A
 * subscriber sees a milestone only once the read model holds it, so it can query it straight
 * away. Subscribing registers at once (not on the first read), so nothing committed after the
 * subscription was set up is missed.
 */
export class LiveFeed {
  private readonly listeners = new Set<Listener>();
  /** How to end each open subscription (at shutdown, all at once). */
  private readonly open = new Set<() => void>();
  private readonly detach: () => void;

  constructor(projector: Projector) {
    this.detach = projector.onBatch((events) => {
      if (this.listeners.size === 0) return;
      for (const event of events)
        for (const m of milestonesOf(event))
          this.publish({
            position: event.position,
            milestoneId: m.milestoneId,
            adopterCode: m.adopterCode,
            innovationId: m.innovationId,
            originCode: m.originCode,
          });
    });
  }

  private publish(notice: MilestoneNotice): void {
    for (const listener of this.listeners) listener(notice);
  }

  /** Notices from now on, of one origin and/or adopter when given. */
  subscribe(originCode?: string | null, adopterCode?: string | null) {
    const queue: MilestoneNotice[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const listener: Listener = (n) => {
      if (
        (originCode && n.originCode !== originCode) ||
        (adopterCode && n.adopterCode !== adopterCode)
      )
        return;
      if (queue.length >= MAX_QUEUE) end();
      else queue.push(n);
      wake?.();
    };
    const end = () => {
      done = true;
      this.listeners.delete(listener);
      this.open.delete(end);
      wake?.();
    };
    this.listeners.add(listener);
    this.open.add(end);
    const iterator: AsyncIterableIterator<MilestoneNotice> = {
      async next() {
        while (queue.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        const value = queue.shift();
        return value ? { done: false, value } : { done: true, value: undefined };
      },
      async return() {
        end();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Ends every open subscription now (their streams complete) and stops listening. */
  close(): void {
    this.detach();
    for (const end of [...this.open]) end();
    this.listeners.clear();
  }
}
