import type { SubscriptionResolvers } from '../generated.js';
import type { MilestoneNotice as Notice } from '../live-feed.js';

/** The live feed of milestones as the read model takes them in. */
export const Subscription: SubscriptionResolvers = {
  milestoneReported: {
    subscribe: (_, { originCode, adopterCode }, ctx) =>
      ctx.feed.subscribe(originCode, adopterCode, ['REPORTED']),
    resolve: (notice: Notice) => notice,
  },
  milestoneChanged: {
    subscribe: (_, { originCode, adopterCode, changes }, ctx) =>
      ctx.feed.subscribe(originCode, adopterCode, changes),
    resolve: (notice: Notice) => notice,
  },
};
