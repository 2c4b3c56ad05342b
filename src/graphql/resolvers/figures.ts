import type { FigureFilter, FigureScope, RankedBy } from '../../../projections/figures/readers.js';
import { badInput } from '../../domain/shared/errors.js';
import type { GraphQLContext } from '../context.js';
import type {
  InnovationRankResolvers,
  NetworkEdgeResolvers,
  NetworkNodeResolvers,
  ProvinceRankResolvers,
  QueryResolvers,
  RegencyRankResolvers,
} from '../generated.js';
import { loaders } from '../loaders.js';
import { deadlineOf } from '../time-budget.js';
import { checkRange, innovationOf, regencyOf } from './shared.js';

/**
 * The analysts' figures (issue 12): rankings, the adoption curve, time to stage and the
 * diffusion network, each over the milestones a `FigureFilter` keeps. Their rows come from the
 * `figures` projection (projections/figures/).
 */

const MAX_RANKING = 500;

type FilterArg =
  | {
      verification?: FigureFilter['verification'];
      provinceCode?: string | null;
      period?: { from?: string | null; to?: string | null } | null;
      mode?: string | null;
      category?: string | null;
    }
  | null
  | undefined;

/** The filter, checked: a known province, a range that does not end before it starts. */
function checkedFilter(ctx: GraphQLContext, filter: FilterArg): FigureFilter {
  const f = filter ?? {};
  if (f.provinceCode != null && !ctx.regions.province(f.provinceCode))
    throw badInput('filter.provinceCode', `${f.provinceCode} is not a province code`);
  checkRange('filter.period', f.period);
  return f;
}

/** The scope, checked: a registered innovation, a kabupaten/kota, a province. */
function checkedScope(ctx: GraphQLContext, scope: FigureScope): FigureScope {
  if (scope.innovationId != null && !ctx.read.innovations.innovation(scope.innovationId))
    throw badInput('innovationId', `innovation "${scope.innovationId}" is not registered`);
  if (scope.originCode != null && !ctx.regions.regency(scope.originCode))
    throw badInput('originCode', `${scope.originCode} is not a kabupaten/kota code`);
  if (scope.provinceCode != null && !ctx.regions.province(scope.provinceCode))
    throw badInput('provinceCode', `${scope.provinceCode} is not a province code`);
  return scope;
}

function rankingSize(first: number | null | undefined): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_RANKING)
    throw badInput('first', `first must be between 1 and ${MAX_RANKING}`);
  return size;
}

/** A ranking resolver: innovations, adopters, origins or provinces reaching `minStage`. */
const ranking =
  (by: RankedBy): NonNullable<QueryResolvers['topInnovations' | 'topAdopters' | 'topProvinces']> =>
  (_, { minStage, filter, first }, ctx) =>
    ctx.read.figures.ranking(
      by,
      minStage ?? 'AGREED',
      checkedFilter(ctx, filter),
      rankingSize(first),
      deadlineOf(ctx),
    );

/**
 * Each figure is computed by the analytics workers (src/read-model/analytics-pool.ts) within
 * the query's time budget, or inline when the server runs none.
 */
export const figureQueries: Pick<
  QueryResolvers,
  | 'topInnovations'
  | 'topAdopters'
  | 'topOrigins'
  | 'topProvinces'
  | 'adoptionCurve'
  | 'timeToStage'
  | 'diffusionNetwork'
> = {
  topInnovations: ranking('innovation'),
  topAdopters: ranking('adopter'),
  topOrigins: ranking('origin'),
  topProvinces: ranking('province'),

  adoptionCurve: async (_, args, ctx) => {
    const filter = checkedFilter(ctx, args.filter);
    const scope = checkedScope(ctx, args);
    const stage = args.stage ?? 'AGREED';
    const interval = args.interval ?? 'YEAR';
    const clock = args.clock ?? 'OCCURRED';
    const curve = await ctx.read.figures.curve(
      scope,
      stage,
      interval,
      clock,
      filter,
      deadlineOf(ctx),
    );
    return { stage, interval, clock, ...curve };
  },

  timeToStage: async (_, args, ctx) => {
    const filter = checkedFilter(ctx, args.filter);
    const from = args.from ?? 'STUDY_VISIT';
    const scope = checkedScope(ctx, args);
    return { from, ...(await ctx.read.figures.timeToStage(scope, from, filter, deadlineOf(ctx))) };
  },

  diffusionNetwork: (_, args, ctx) => {
    if (args.innovationId == null && args.originCode == null)
      throw badInput(
        'innovationId',
        'give innovationId or originCode: the network of one innovation or one origin',
      );
    const filter = checkedFilter(ctx, args.filter);
    return ctx.read.figures.network(checkedScope(ctx, args), filter, deadlineOf(ctx));
  },
};

export const InnovationRank: InnovationRankResolvers = {
  innovation: (row, _, ctx) => innovationOf(ctx, row.key),
};

export const RegencyRank: RegencyRankResolvers = {
  regency: (row, _, ctx) => regencyOf(ctx, row.key),
};

export const ProvinceRank: ProvinceRankResolvers = {
  province: (row, _, ctx) => {
    const province = ctx.regions.province(row.key);
    if (!province) throw new Error(`province ${row.key} missing from the region data`);
    return province;
  },
};

export const NetworkNode: NetworkNodeResolvers = {
  regency: (node, _, ctx) => regencyOf(ctx, node.code),
  province: (node, _, ctx) => {
    const regency = regencyOf(ctx, node.code);
    const province = ctx.regions.province(regency.provinceCode);
    if (!province) throw new Error(`province ${regency.provinceCode} missing from the region data`);
    return province;
  },
};

export const NetworkEdge: NetworkEdgeResolvers = {
  innovations: (edge, _, ctx) => Promise.all(edge.innovationIds.map((id) => innovationOf(ctx, id))),
  studyVisit: async (edge, _, ctx) =>
    edge.visitId ? ((await loaders(ctx).studyVisit.load(edge.visitId)) ?? null) : null,
};
