import type { InnovationRow } from '../../../projections/innovations/readers.js';
import type { AtTime } from '../../../projections/timeline/time-point.js';
import { stageRank } from '../../domain/adoption/stages.js';
import type { InnovationResolvers } from '../generated.js';
import { loaders } from '../loaders.js';
import { deadlineOf } from '../time-budget.js';
import { regencyOf, timePoint } from './shared.js';

export const Innovation: InnovationResolvers = {
  origin: (innovation, _, ctx) => regencyOf(ctx, innovation.originCode),
  adoptions: (innovation, { minStage, asOf, knownAt }, ctx) =>
    loaders(ctx)
      .adoptionsOfInnovation(
        minStage ? stageRank(minStage) : 1,
        timePoint({ asOf, knownAt }, innovation as AtTime<InnovationRow>),
      )
      .load(innovation.id),
  diffusion: (innovation, { window, asOf, knownAt }, ctx) =>
    ctx.read.timeline.diffusion(
      innovation.id,
      window,
      timePoint({ asOf, knownAt }, innovation as AtTime<InnovationRow>),
      deadlineOf(ctx),
    ),
};
