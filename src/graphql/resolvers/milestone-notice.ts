import type { MilestoneNoticeResolvers } from '../generated.js';
import { loaders } from '../loaders.js';

export const MilestoneNotice: MilestoneNoticeResolvers = {
  position: (notice) => notice.position.toString(),
  milestone: async (notice, _, ctx) => {
    const milestone = await loaders(ctx).milestone.load(notice.milestoneId);
    if (!milestone) throw new Error(`milestone ${notice.milestoneId} missing from the read model`);
    return milestone;
  },
  adoption: (notice, _, ctx) =>
    ctx.read.adoptions.adoption(notice.adopterCode, notice.innovationId) ?? null,
};
