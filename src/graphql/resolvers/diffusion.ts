import type { DiffusionResolvers } from '../generated.js';
import { innovationOf, provinceCounts } from './shared.js';

export const Diffusion: DiffusionResolvers = {
  innovation: (figures, _, ctx) => innovationOf(ctx, figures.innovationId),
  provinces: (figures, _, ctx) => provinceCounts(ctx, figures),
};
