import type { OriginDiffusionResolvers } from '../generated.js';
import { provinceCounts, regencyOf } from './shared.js';

export const OriginDiffusion: OriginDiffusionResolvers = {
  origin: (figures, _, ctx) => regencyOf(ctx, figures.originCode),
  provinces: (figures, _, ctx) => provinceCounts(ctx, figures),
};
