import { GraphQLScalarType } from 'graphql';
import type { Resolvers } from '../generated.js';
import { DateScalar, DateTimeScalar } from '../scalars.js';
import { AccessToken } from './access-token.js';
import { Adoption } from './adoption.js';
import { AuditEvent } from './audit-event.js';
import { BudgetTotal } from './budget-total.js';
import { Diffusion } from './diffusion.js';
import { InnovationRank, NetworkEdge, NetworkNode, ProvinceRank, RegencyRank } from './figures.js';
import { Innovation } from './innovation.js';
import { Milestone } from './milestone.js';
import { MilestoneNotice } from './milestone-notice.js';
import { Mutation } from './mutation.js';
import { OriginDiffusion } from './origin-diffusion.js';
import { Province } from './province.js';
import { Query } from './query.js';
import { Regency } from './regency.js';
import { StudyVisit } from './study-visit.js';
import { Subscription } from './subscription.js';
import { VisitOutcome } from './visit-outcome.js';

const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (value) => value,
  parseValue: (value) => value,
});

/**
 * The resolvers, one file per GraphQL type: every field of a type (its `extend type` parts
 * included) is resolved in that type's file.
 */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query,
  Mutation,
  Subscription,
  Province,
  Regency,
  Innovation,
  Adoption,
  Milestone,
  StudyVisit,
  Diffusion,
  OriginDiffusion,
  AuditEvent,
  MilestoneNotice,
  AccessToken,
  VisitOutcome,
  BudgetTotal,
  InnovationRank,
  ProvinceRank,
  RegencyRank,
  NetworkNode,
  NetworkEdge,
};
