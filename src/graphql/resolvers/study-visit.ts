import type { StudyVisitResolvers } from '../generated.js';
import { innovationOf, regencyOf } from './shared.js';

export const StudyVisit: StudyVisitResolvers = {
  host: (visit, _, ctx) => regencyOf(ctx, visit.hostCode),
  visitor: (visit, _, ctx) => regencyOf(ctx, visit.visitorCode),
  innovations: (visit, _, ctx) =>
    Promise.all(visit.innovationIds.map((id) => innovationOf(ctx, id))),
  outcomes: (visit, _, ctx) => ctx.read.visitOutcomes.outcomes(visit),
};
