import { notFound } from '../../domain/shared/errors.js';
import type { GraphQLContext } from '../context.js';
import type { MutationResolvers } from '../generated.js';
import { write } from './shared.js';

/**
 * Every mutation: the command through the write side, then the answer from the read model once
 * it holds the command's events (read-your-writes).
 */
export const Mutation: MutationResolvers = {
  registerInnovation: async (_, { input }, ctx) => {
    const { innovationId } = await write(ctx, ctx.commands.registerInnovation(input, ctx.actor));
    return found(ctx.read.innovations.innovation(innovationId), `innovation ${innovationId}`);
  },
  reportStudyVisit: async (_, { input }, ctx) => {
    const { visitId } = await write(ctx, ctx.commands.reportStudyVisit(input, ctx.actor));
    return found(ctx.read.studyVisits.studyVisit(visitId), `study visit ${visitId}`);
  },
  retractStudyVisit: async (_, { input }, ctx) => {
    const { visitId } = await write(ctx, ctx.commands.retractStudyVisit(input, ctx.actor));
    return found(ctx.read.studyVisits.studyVisit(visitId), `study visit ${visitId}`);
  },
  reportMilestone: async (_, { input }, ctx) =>
    adoptionOf(ctx, await write(ctx, ctx.commands.reportMilestone(input, ctx.actor))),
  retractMilestone: async (_, { input }, ctx) =>
    adoptionOf(ctx, await write(ctx, ctx.commands.retractMilestone(input, ctx.actor))),
  verifyMilestone: async (_, { input }, ctx) =>
    milestoneOf(ctx, await write(ctx, ctx.commands.verifyMilestone(input, ctx.actor))),
  rejectMilestone: async (_, { input }, ctx) =>
    milestoneOf(ctx, await write(ctx, ctx.commands.rejectMilestone(input, ctx.actor))),
  addEvidence: async (_, { input }, ctx) =>
    milestoneOf(ctx, await write(ctx, ctx.commands.addEvidence(input, ctx.actor))),
  issueAccessToken: async (_, { input }, ctx) => {
    const issued = await write(ctx, ctx.commands.issueAccessToken(input, ctx.actor));
    return { token: issued.token, accessToken: accessTokenOf(ctx, issued.tokenId) };
  },
  revokeAccessToken: async (_, { input }, ctx) => {
    const { tokenId } = await write(ctx, ctx.commands.revokeAccessToken(input, ctx.actor));
    return accessTokenOf(ctx, tokenId);
  },
};

function found<T>(row: T | undefined, what: string): T {
  if (!row) throw new Error(`${what} missing from the read model`);
  return row;
}

function adoptionOf(ctx: GraphQLContext, where: { adopterCode: string; innovationId: string }) {
  const adoption = ctx.read.adoptions.adoption(where.adopterCode, where.innovationId);
  if (!adoption)
    throw notFound(
      'milestoneId',
      `adoption of ${where.innovationId} by ${where.adopterCode} has no milestone that counts any more`,
    );
  return adoption;
}

function milestoneOf(
  ctx: GraphQLContext,
  where: { adopterCode: string; innovationId: string; milestoneId: string },
) {
  const milestone = ctx.read.adoptions
    .milestones(where.adopterCode, where.innovationId)
    .find((m) => m.id === where.milestoneId);
  return found(milestone, `milestone ${where.milestoneId}`);
}

const accessTokenOf = (ctx: GraphQLContext, tokenId: string) =>
  found(ctx.read.accessTokens.accessToken(tokenId), `access token ${tokenId}`);
