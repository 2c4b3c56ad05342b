import { milestonesOf, visitMilestoneId } from '../domain/adoption/summary.js';
import type { RecordedEvent } from '../eventstore/port.js';
import type { Projector } from '../read-model/projector.js';

/** What happened to a milestone (see `MilestoneChange` in schema.graphql). */
export type MilestoneChange = 'REPORTED' | 'VERIFIED' | 'REJECTED' | 'RETRACTED' | 'EVIDENCE_ADDED';

/** One change to a milestone that just became part of the read model. */
export interface MilestoneNotice {
  position: bigint;
  change: MilestoneChange;
  milestoneId: string;
  adopterCode: string;
  innovationId: string;
  originCode: string;
}

/** What the feed asks the read model about events that do not name every party. */
export interface FeedLookups {
  originOf(innovationId: string): string | undefined;
  visit(
    visitId: string,
  ): { hostCode: string; visitorCode: string; innovationIds: string[] } | undefined;
}

const CHANGE_OF: Readonly<Record<string, MilestoneChange>> = {
  MilestoneVerified: 'VERIFIED',
  MilestoneRejected: 'REJECTED',
  MilestoneRetracted: 'RETRACTED',
  MilestoneEvidenceAdded: 'EVIDENCE_ADDED',
};

/** The milestone changes an event stands for. */
function changesOf(event: RecordedEvent, lookups: FeedLookups | undefined): MilestoneNotice[] {
  const position = event.position;
  const reported = milestonesOf(event).map((m) => ({
    position,
    change: 'REPORTED' as const,
    milestoneId: m.milestoneId,
    adopterCode: m.adopterCode,
    innovationId: m.innovationId,
    originCode: m.originCode,
  }));
  if (reported.length || !lookups) return reported;
  if (event.type === 'StudyVisitRetracted') {
    const visitId = (event.data as { visitId: string }).visitId;
    const visit = lookups.visit(visitId);
    return (visit?.innovationIds ?? []).map((innovationId) => ({
      position,
      change: 'RETRACTED' as const,
      milestoneId: visitMilestoneId(visitId, innovationId),
      adopterCode: visit?.visitorCode as string,
      innovationId,
      originCode: visit?.hostCode as string,
    }));
  }
  const change = CHANGE_OF[event.type];
  if (!change) return [];
  const data = event.data as { milestoneId: string; adopterCode: string; innovationId: string };
  const originCode = lookups.originOf(data.innovationId);
  if (originCode === undefined) return [];
  const { milestoneId, adopterCode, innovationId } = data;
  return [{ position, change, milestoneId, adopterCode, innovationId, originCode }];
}

type Listener = (notice: MilestoneNotice) => void;

/** A subscriber that falls this far behind is ended rather than buffered without bound. */
const MAX_QUEUE = 10_000;

/**
 * The live feed: the projector tells it about every committed batch, and it hands each milestone
 * reported in it (directly or as a study visit's STUDY_VISIT step), and each verdict, retraction
 * and added evidence, to the subscribers. A
 * subscriber sees a milestone only once the read model holds it, so it can query it straight
 * away. Subscribing registers at once (not on the first read), so nothing committed after the
 * subscription was set up is missed.
 */
export class LiveFeed {
  private readonly listeners = new Set<Listener>();
  /** How to end each open subscription (at shutdown, all at once). */
  private readonly open = new Set<() => void>();
  private readonly detach: () => void;

  constructor(projector: Projector, lookups?: FeedLookups) {
    this.detach = projector.onBatch((events) => {
      if (this.listeners.size === 0) return;
      for (const event of events)
        for (const notice of changesOf(event, lookups)) this.publish(notice);
    });
  }

  private publish(notice: MilestoneNotice): void {
    for (const listener of this.listeners) listener(notice);
  }

  /** Notices from now on, of one origin and/or adopter and of some changes when given. */
  subscribe(
    originCode?: string | null,
    adopterCode?: string | null,
    changes?: readonly MilestoneChange[] | null,
  ) {
    const queue: MilestoneNotice[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const listener: Listener = (n) => {
      if (
        (originCode && n.originCode !== originCode) ||
        (adopterCode && n.adopterCode !== adopterCode) ||
        (changes && !changes.includes(n.change))
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
