import type { MilestoneReviewRow, MilestoneRow } from '../../../projections/adoptions/readers.js';
import type { GraphQLContext } from '../context.js';
import type { MilestoneResolvers } from '../generated.js';
import { loaders } from '../loaders.js';

const reviews = new WeakMap<MilestoneRow, MilestoneReviewRow | undefined>();
function review(ctx: GraphQLContext, milestone: MilestoneRow): MilestoneReviewRow | undefined {
  if (!reviews.has(milestone))
    reviews.set(milestone, ctx.read.adoptions.milestoneReview(milestone.id));
  return reviews.get(milestone);
}

export const Milestone: MilestoneResolvers = {
  studyVisit: async (milestone, _, ctx) =>
    milestone.visitId ? ((await loaders(ctx).studyVisit.load(milestone.visitId)) ?? null) : null,
  details: (milestone, _, ctx) => review(ctx, milestone)?.details ?? null,
  verification: (milestone, _, ctx) => review(ctx, milestone)?.verification ?? 'UNVERIFIED',
  verifiedAt: (milestone, _, ctx) => review(ctx, milestone)?.verifiedAt ?? null,
  verificationNote: (milestone, _, ctx) => review(ctx, milestone)?.verificationNote ?? null,
};
