import type { VisitOutcomeResolvers } from '../generated.js';
import { innovationOf } from './shared.js';

export const VisitOutcome: VisitOutcomeResolvers = {
  innovation: (outcome, _, ctx) => innovationOf(ctx, outcome.innovationId),
};
