import { maturityOf } from '../../domain/adoption/stages.js';
import { notFound } from '../../domain/shared/errors.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated.js';
import { DateScalar, DateTimeScalar } from '../scalars.js';
import { regencyOf, write } from './shared.js';

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

/**
 * The registry: regions, innovations, study visits, adoptions and the core mutations. Lists and
 * nested relations (with filters, time travel and batch loading) live in analytics.ts.
 */
export const registryResolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,

  Query: {
    regency: (_, { code }, ctx) => ctx.regions.regency(code) ?? null,
    regencies: (_, { provinceCode }, ctx) => ctx.regions.regencies(provinceCode ?? undefined),
    province: (_, { code }, ctx) => ctx.regions.province(code) ?? null,
    provinces: (_, __, ctx) => ctx.regions.provinces(),
    innovation: (_, { id }, ctx) => ctx.queries.innovation(id) ?? null,
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
  },

  Innovation: {
    origin: (innovation, _, ctx) => regencyOf(ctx, innovation.originCode),
  },

  Adoption: {
    adopter: (adoption, _, ctx) => regencyOf(ctx, adoption.adopterCode),
    maturity: (adoption) => maturityOf(adoption.stage),
  },

  StudyVisit: {
    host: (visit, _, ctx) => regencyOf(ctx, visit.hostCode),
    visitor: (visit, _, ctx) => regencyOf(ctx, visit.visitorCode),
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
