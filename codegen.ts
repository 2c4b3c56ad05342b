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
          Innovation: '../read-model/queries.js#InnovationRow',
          Adoption: '../read-model/queries.js#AdoptionRow',
          Milestone: '../read-model/queries.js#MilestoneRow',
          StudyVisit: '../read-model/queries.js#StudyVisitRow',
          Diffusion: '../read-model/diffusion.js#DiffusionFigures',
          OriginDiffusion: '../read-model/diffusion.js#OriginFigures',
          AuditEvent: '../eventstore/port.js#RecordedEvent',
          MilestoneNotice: '../graphql/live-feed.js#MilestoneNotice',
          AccessToken: '../read-model/access-queries.js#AccessTokenRow',
        },
        mapperTypeSuffix: 'Model',
        optionalResolveType: true,
        resolverTypeWrapperSignature: 'T',
      },
    },
  },
};

export default config;
