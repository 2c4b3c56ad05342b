import { accessTokensProjection } from './access-tokens.js';
import { adoptionsProjection } from './adoptions.js';
import { idempotencyProjection } from './idempotency.js';
import { innovationsProjection } from './innovations.js';
import type { Projection } from './projection.js';
import { studyVisitsProjection } from './study-visits.js';
import { timelineProjection } from './timeline.js';

/** Every projection the read model runs. */
export const projections: readonly Projection[] = [
  innovationsProjection,
  studyVisitsProjection,
  adoptionsProjection,
  timelineProjection,
  accessTokensProjection,
  idempotencyProjection,
];
