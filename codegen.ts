import type { CodegenConfig } from '@graphql-codegen/cli';

/** Generates resolver types from schema.graphql so schema and code cannot drift. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/graphql/generated.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: './context.js#GraphQLContext',
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string | Date', JSON: 'unknown' },
        mappers: {
          Regency: '../application/regions.js#Regency',
          Province: '../application/regions.js#Province',
          Innovation: '../../projections/innovations/readers.js#InnovationRow',
          Adoption: '../../projections/adoptions/readers.js#AdoptionRow',
          Milestone: '../../projections/adoptions/readers.js#MilestoneRow',
          StudyVisit: '../../projections/study-visits/readers.js#StudyVisitRow',
          Diffusion: '../../projections/timeline/diffusion.js#DiffusionFigures',
          OriginDiffusion: '../../projections/timeline/diffusion.js#OriginFigures',
          AuditEvent: '../eventstore/port.js#RecordedEvent',
          MilestoneNotice: '../graphql/live-feed.js#MilestoneNotice',
          AccessToken: '../../projections/access-tokens/readers.js#AccessTokenRow',
          VisitOutcome: '../../projections/study-visits/outcomes.js#VisitOutcomeRow',
          BudgetTotal: '../../projections/budgets/readers.js#BudgetTotalRow',
          InnovationRank: '../../projections/figures/readers.js#Ranked',
          RegencyRank: '../../projections/figures/readers.js#Ranked',
          ProvinceRank: '../../projections/figures/readers.js#Ranked',
          NetworkNode: '../../projections/figures/readers.js#NetworkNodeRow',
          NetworkEdge: '../../projections/figures/readers.js#NetworkEdgeRow',
        },
        mapperTypeSuffix: 'Model',
        optionalResolveType: true,
        resolverTypeWrapperSignature: 'T',
      },
    },
  },
};

export default config;
