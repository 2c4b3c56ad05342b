import { requireRole } from '../../application/access.js';
import type { MilestoneReviewRow } from '../../read-model/access-queries.js';
import type { MilestoneRow } from '../../read-model/queries.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated.js';
import { write } from './shared.js';

const reviews = new WeakMap<MilestoneRow, MilestoneReviewRow | undefined>();
function review(ctx: GraphQLContext, milestone: MilestoneRow): MilestoneReviewRow | undefined {
  if (!reviews.has(milestone)) reviews.set(milestone, ctx.access.milestoneReview(milestone.id));
  return reviews.get(milestone);
}

function milestoneOf(
  ctx: GraphQLContext,
  where: { adopterCode: string; innovationId: string; milestoneId: string },
): MilestoneRow {
  const found = ctx.queries
    .milestones(where.adopterCode, where.innovationId)
    .find((m) => m.id === where.milestoneId);
  if (!found) throw new Error(`milestone ${where.milestoneId} missing from the read model`);
  return found;
}

function accessTokenOf(ctx: GraphQLContext, tokenId: string) {
  const token = ctx.access.accessToken(tokenId);
  if (!token) throw new Error(`access token ${tokenId} missing from the read model`);
  return token;
}

/** Access tokens, milestone details and the ministry's verification. */
export const reportingResolvers: Resolvers = {
  Query: {
    viewer: (_, __, ctx) => ({
      authenticated: ctx.actor.role !== undefined,
      role: ctx.actor.role ?? null,
      regency: ctx.actor.regencyCode ? (ctx.regions.regency(ctx.actor.regencyCode) ?? null) : null,
    }),
    accessTokens: (_, __, ctx) => {
      requireRole(ctx.actor, ['ADMIN'], 'accessTokens');
      return ctx.access.accessTokens();
    },
  },

  Milestone: {
    details: (milestone, _, ctx) => review(ctx, milestone)?.details ?? null,
    verification: (milestone, _, ctx) => review(ctx, milestone)?.verification ?? 'UNVERIFIED',
    verifiedAt: (milestone, _, ctx) => review(ctx, milestone)?.verifiedAt ?? null,
    verificationNote: (milestone, _, ctx) => review(ctx, milestone)?.verificationNote ?? null,
  },

  AccessToken: {
    regency: (token, _, ctx) =>
      token.regencyCode ? (ctx.regions.regency(token.regencyCode) ?? null) : null,
  },

  Mutation: {
    verifyMilestone: async (_, { input }, ctx) =>
      milestoneOf(ctx, await write(ctx, ctx.commands.verifyMilestone(input, ctx.actor))),
    rejectMilestone: async (_, { input }, ctx) =>
      milestoneOf(ctx, await write(ctx, ctx.commands.rejectMilestone(input, ctx.actor))),
    issueAccessToken: async (_, { input }, ctx) => {
      const issued = await write(ctx, ctx.commands.issueAccessToken(input, ctx.actor));
      return { token: issued.token, accessToken: accessTokenOf(ctx, issued.tokenId) };
    },
    revokeAccessToken: async (_, { input }, ctx) => {
      const { tokenId } = await write(ctx, ctx.commands.revokeAccessToken(input, ctx.actor));
      return accessTokenOf(ctx, tokenId);
    },
  },
};
