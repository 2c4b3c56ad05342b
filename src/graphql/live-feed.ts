import { createPubSub, filter, pipe } from 'graphql-yoga';
import type { Projector } from '../read-model/projector.js';

/** One milestone that just became part of the read model. */
export interface MilestoneNotice {
  position: bigint;
  milestoneId: string;
  adopterCode: string;
  innovationId: string;
  originCode: string;
}

/**
 * The live feed: the projector tells it about every committed batch, and it publishes each
 * milestone reported in it (directly or as a study visit's STUDY_VISIT step). Subscribers see a
 * milestone only once the read model holds it, so they can query it straight away.
 */
export class LiveFeed {
  private readonly pubsub = createPubSub<{ milestone: [MilestoneNotice] }>();
  private readonly detach: () => void;

  constructor(projector: Projector) {
    this.detach = projector.onBatch((events) => {
      for (const event of events) {
        if (event.type === 'MilestoneReported') {
          const m = event.data;
          this.pubsub.publish('milestone', {
            position: event.position,
            milestoneId: m.milestoneId,
            adopterCode: m.adopterCode,
            innovationId: m.innovationId,
            originCode: m.originCode,
          });
        } else if (event.type === 'StudyVisitReported') {
          const v = event.data;
          for (const innovationId of v.innovationIds)
            this.pubsub.publish('milestone', {
              position: event.position,
              milestoneId: `${v.visitId}:${innovationId}`,
              adopterCode: v.visitorCode,
              innovationId,
              originCode: v.hostCode,
            });
        }
      }
    });
  }

  /** Notices from now on, of one origin and/or adopter when given. */
  subscribe(originCode?: string | null, adopterCode?: string | null) {
    return pipe(
      this.pubsub.subscribe('milestone'),
      filter(
        (n: MilestoneNotice) =>
          (!originCode || n.originCode === originCode) &&
          (!adopterCode || n.adopterCode === adopterCode),
      ),
    );
  }

  close(): void {
    this.detach();
  }
}
