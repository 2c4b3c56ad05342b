import type { Resolvers } from '../generated.js';
import { analyticsResolvers } from './analytics.js';
import { newsResolvers } from './news.js';
import { registryResolvers } from './registry.js';
import { reportingResolvers } from './reporting.js';

/**
 * Every resolver module, merged type by type. A feature adds its own module (its own file) here
 * rather than growing one big map.
 */

const modules: Resolvers[] = [
  registryResolvers,
  analyticsResolvers,
  reportingResolvers,
  newsResolvers,
];

export const resolvers: Resolvers = mergeResolvers(modules);

function mergeResolvers(list: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const module of list)
    for (const [type, fields] of Object.entries(module)) {
      if (fields && typeof fields === 'object' && !('serialize' in fields)) {
        merged[type] = { ...merged[type], ...(fields as Record<string, unknown>) };
      } else merged[type] = fields as never;
    }
  return merged as Resolvers;
}
