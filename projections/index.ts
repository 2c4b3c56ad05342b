import { accessTokensProjection } from './access-tokens/projection.js';
import { adoptionsProjection } from './adoptions/projection.js';
import { budgetsProjection } from './budgets/projection.js';
import { figuresProjection } from './figures/projection.js';
import { idempotencyProjection } from './idempotency/projection.js';
import { innovationSearchProjection } from './innovation-search/projection.js';
import { innovationsProjection } from './innovations/projection.js';
import type { Projection } from './projection.js';
import { studyVisitsProjection } from './study-visits/projection.js';
import { timelineProjection } from './timeline/projection.js';

/** Every projection the read model runs. */
export const projections: readonly Projection[] = [
  innovationsProjection,
  studyVisitsProjection,
  adoptionsProjection,
  timelineProjection,
  figuresProjection,
  accessTokensProjection,
  idempotencyProjection,
  innovationSearchProjection,
  budgetsProjection,
];
