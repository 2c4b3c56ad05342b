import type { Readers } from '../../projections/readers.js';
import type { FigureMethod, FigureMethods } from './analytics-worker.js';

/** A figure method as resolvers call it: the reader's arguments, then the query's deadline. */
type Offloaded<F> = F extends (...args: infer A) => infer R
  ? (...args: [...A, deadline?: number]) => R | Promise<R>
  : never;
type OffloadedFigures<Keys extends FigureMethod> = {
  [K in Keys]: Offloaded<FigureMethods[K]>;
};

/** The readers as resolvers see them: the figures may be computed elsewhere. */
export type ReadSide = Omit<Readers, 'timeline' | 'figures' | 'visitOutcomes'> & {
  visitOutcomes: Omit<Readers['visitOutcomes'], 'ledToNothing'> & OffloadedFigures<'ledToNothing'>;
  timeline: OffloadedFigures<'diffusion' | 'originDiffusion'>;
  figures: OffloadedFigures<'ranking' | 'curve' | 'timeToStage' | 'network'>;
};
