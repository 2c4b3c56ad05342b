import type { AdoptionRow } from '../../../projections/adoptions/readers.js';
import type { AtTime } from '../../../projections/timeline/time-point.js';
import { adoptionStream } from '../../domain/adoption/events.js';
import { maturityOf } from '../../domain/adoption/stages.js';
import { studyVisitStream } from '../../domain/study-visit/events.js';
import type { RecordedEvent } from '../../eventstore/port.js';
import type { GraphQLContext } from '../context.js';
import { visibleEvents } from '../event-visibility.js';
import type { AdoptionResolvers } from '../generated.js';
import { loaders } from '../loaders.js';
import { innovationOf, regencyOf } from './shared.js';

export const Adoption: AdoptionResolvers = {
  adopter: (adoption, _, ctx) => regencyOf(ctx, adoption.adopterCode),
  innovation: (adoption, _, ctx) => innovationOf(ctx, adoption.innovationId),
  maturity: (adoption) => maturityOf(adoption.stage),
  milestones: (adoption, _, ctx) =>
    loaders(ctx)
      .milestones((adoption as AtTime<AdoptionRow>).at)
      .load([adoption.adopterCode, adoption.innovationId]),
  history: (adoption, _, ctx) => historyOf(ctx, adoption),
};

/** Every event that shaped one adoption: its own stream and the study visits that count for it. */
async function historyOf(ctx: GraphQLContext, adoption: AdoptionRow): Promise<RecordedEvent[]> {
  const streams = [
    adoptionStream(adoption.adopterCode, adoption.innovationId),
    ...ctx.read.adoptions
      .visitIdsOfAdoption(adoption.adopterCode, adoption.innovationId)
      .map(studyVisitStream),
  ];
  const events = (await Promise.all(streams.map((s) => ctx.store.readStream(s)))).flat();
  return visibleEvents(
    events.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0)),
    ctx.actor,
  );
}
