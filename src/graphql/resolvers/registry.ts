import type { Written } from '../../application/commands.js';
import { maturityOf } from '../../domain/adoption/stages.js';
import { badInput, notFound } from '../../domain/shared/errors.js';
import { decodeCursor, encodeCursor } from '../../read-model/queries.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated.js';
import { DateScalar, DateTimeScalar } from '../scalars.js';

const MAX_PAGE = 500;

/** Runs a command, waits until the local read model holds its events, then answers. */
async function write<T>(ctx: GraphQLContext, run: Promise<Written<T>>): Promise<T> {
  const { result, position } = await run;
  await ctx.projector.waitFor(position);
  if (ctx.written.position === undefined || position > ctx.written.position)
    ctx.written.position = position;
  return result;
}

function regencyOf(ctx: GraphQLContext, code: string) {
  const regency = ctx.regions.regency(code);
  if (!regency) throw new Error(`regency ${code} missing from the region data`);
  return regency;
}

function innovationOf(ctx: GraphQLContext, id: string) {
  const innovation = ctx.queries.innovation(id);
  if (!innovation) throw new Error(`innovation ${id} missing from the read model`);
  return innovation;
}

function adoptionOf(ctx: GraphQLContext, adopterCode: string, innovationId: string) {
  const adoption = ctx.queries.adoption(adopterCode, innovationId);
  if (!adoption)
    throw notFound(
      'milestoneId',
      `adoption of ${innovationId} by ${adopterCode} has no milestone that counts any more`,
    );
  return adoption;
}

/** The registry: regions, innovations, study visits, adoptions and their milestones. */
export const registryResolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,

  Query: {
    regency: (_, { code }, ctx) => ctx.regions.regency(code) ?? null,
    regencies: (_, { provinceCode }, ctx) => ctx.regions.regencies(provinceCode ?? undefined),
    province: (_, { code }, ctx) => ctx.regions.province(code) ?? null,
    provinces: (_, __, ctx) => ctx.regions.provinces(),
    innovation: (_, { id }, ctx) => ctx.queries.innovation(id) ?? null,
    innovations: (_, { originCode }, ctx) => ctx.queries.innovations(originCode),
    adoptions: (_, { filter, first, after }, ctx) => {
      const size = first ?? 50;
      if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE)
        throw badInput('first', `first must be between 0 and ${MAX_PAGE}`);
      const cursor = after == null ? undefined : decodeCursor(after);
      if (after != null && !cursor) throw badInput('after', 'after is not a cursor of this query');
      const page = ctx.queries.adoptions(filter ?? {}, size, cursor);
      const edges = page.rows.map((node) => ({ node, cursor: encodeCursor(node) }));
      return {
        edges,
        totalCount: page.totalCount,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
    studyVisit: (_, { id }, ctx) => ctx.queries.studyVisit(id) ?? null,
    studyVisits: (_, args, ctx) => ctx.queries.studyVisits(args),
  },

  Province: {
    regencies: (province, _, ctx) => ctx.regions.regencies(province.code),
  },

  Regency: {
    province: (regency, _, ctx) => {
      const province = ctx.regions.province(regency.provinceCode);
      if (!province)
        throw new Error(`province ${regency.provinceCode} missing from the region data`);
      return province;
    },
    innovations: (regency, _, ctx) => ctx.queries.innovations(regency.code),
    adoptions: (regency, _, ctx) => ctx.queries.adoptionsOfAdopter(regency.code),
    studyVisitsMade: (regency, _, ctx) => ctx.queries.studyVisits({ visitorCode: regency.code }),
    studyVisitsHosted: (regency, _, ctx) => ctx.queries.studyVisits({ hostCode: regency.code }),
  },

  Innovation: {
    origin: (innovation, _, ctx) => regencyOf(ctx, innovation.originCode),
    adoptions: (innovation, { minStage }, ctx) =>
      ctx.queries.adoptionsOfInnovation(innovation.id, minStage),
  },

  Adoption: {
    adopter: (adoption, _, ctx) => regencyOf(ctx, adoption.adopterCode),
    innovation: (adoption, _, ctx) => innovationOf(ctx, adoption.innovationId),
    maturity: (adoption) => maturityOf(adoption.stage),
    milestones: (adoption, _, ctx) =>
      ctx.queries.milestones(adoption.adopterCode, adoption.innovationId),
  },

  Milestone: {
    studyVisit: (milestone, _, ctx) =>
      milestone.visitId ? (ctx.queries.studyVisit(milestone.visitId) ?? null) : null,
  },

  StudyVisit: {
    host: (visit, _, ctx) => regencyOf(ctx, visit.hostCode),
    visitor: (visit, _, ctx) => regencyOf(ctx, visit.visitorCode),
    innovations: (visit, _, ctx) => visit.innovationIds.map((id) => innovationOf(ctx, id)),
  },

  Mutation: {
    registerInnovation: async (_, { input }, ctx) => {
      const { innovationId } = await write(ctx, ctx.commands.registerInnovation(input, ctx.actor));
      return innovationOf(ctx, innovationId);
    },
    reportStudyVisit: async (_, { input }, ctx) => {
      const { visitId } = await write(ctx, ctx.commands.reportStudyVisit(input, ctx.actor));
      const visit = ctx.queries.studyVisit(visitId);
      if (!visit) throw new Error(`study visit ${visitId} missing from the read model`);
      return visit;
    },
    retractStudyVisit: async (_, { input }, ctx) => {
      const { visitId } = await write(ctx, ctx.commands.retractStudyVisit(input, ctx.actor));
      const visit = ctx.queries.studyVisit(visitId);
      if (!visit) throw new Error(`study visit ${visitId} missing from the read model`);
      return visit;
    },
    reportMilestone: async (_, { input }, ctx) => {
      const { adopterCode, innovationId } = await write(
        ctx,
        ctx.commands.reportMilestone(input, ctx.actor),
      );
      return adoptionOf(ctx, adopterCode, innovationId);
    },
    retractMilestone: async (_, { input }, ctx) => {
      const { adopterCode, innovationId } = await write(
        ctx,
        ctx.commands.retractMilestone(input, ctx.actor),
      );
      return adoptionOf(ctx, adopterCode, innovationId);
    },
  },
};
