import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { authenticate, type TokenLookup } from '../application/access.js';
import { projectRoot } from '../paths.js';
import { cacheableQueries, minPositionHeader } from './analyst-plugins.js';
import { requireTokenForReads } from './auth-plugin.js';
import type { GraphQLContext } from './context.js';
import { isInputValueError, logYogaError, structuredError } from './errors.js';
import { analystExamples } from './examples.js';
import { renderOfflineGraphiQL } from './graphiql.js';
import { countListItems, defaultLimits, hardeningPlugins, type Limits } from './hardening.js';
import { draftCost } from './news-drafts.js';
import { resolvers } from './resolvers/index.js';
import { checkTimeBudget } from './time-budget.js';

export const typeDefs = readFileSync(join(projectRoot(), 'schema.graphql'), 'utf8');

const EXAMPLE_QUERY = `# Which regencies adopted which Banyuwangi innovation, and how far?
{
  regency(code: "35.10") {
    name
    innovations {
      name
      adoptions { adopter { code name } stage maturity }
    }
  }
}
`;

export type BaseContext = Omit<GraphQLContext, 'written' | 'actor' | 'request'>;
/** Node's request and response, as the express adapter hands them to yoga. */
// biome-ignore lint/suspicious/noExplicitAny: yoga's server-context constraint
type ServerContext = Record<string, any>;

/**
 * Reports the log position written by the request's mutations: in the result's
 * `extensions.replika.position` and in the `X-Replika-Position` response header.
 */
function writtenPosition(): Plugin<GraphQLContext> {
  const byRequest = new WeakMap<Request, GraphQLContext['written']>();
  return {
    onExecute({ args }) {
      byRequest.set(args.contextValue.request, args.contextValue.written);
      return {
        onExecuteDone({ result, setResult }) {
          const position = args.contextValue.written.position;
          if (position === undefined || Symbol.asyncIterator in result) return;
          setResult({
            ...result,
            extensions: { ...result.extensions, replika: { position: position.toString() } },
          });
        },
      };
    },
    onResponse({ request, response }) {
      const position = byRequest.get(request)?.position;
      if (position !== undefined) response.headers.set('X-Replika-Position', position.toString());
    },
  };
}

/** Validation errors about an input literal get the same `field` as variable errors. */
function structuredValidationErrors(): Plugin<GraphQLContext> {
  return {
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        setResult(
          result.map((error) =>
            error.extensions.code === 'BAD_USER_INPUT' || isInputValueError(error)
              ? structuredError(error, error.message, params.documentAST, () => {})
              : error,
          ),
        );
      };
    },
  };
}

export interface GraphQLOptions {
  /** Queries need a valid token too (`REPLIKA_READS_REQUIRE_TOKEN`). */
  readsRequireToken?: boolean;
  /** How long a query with `X-Replika-Min-Position` may wait for the read model. */
  freshnessTimeoutMs?: number;
  /** Limits of the GraphQL edge (see hardening.ts). */
  limits?: Limits;
  /** How bearer tokens are checked (the configured admin token included); the read model's grants by default. */
  tokens?: TokenLookup;
}

export function createGraphQL(base: BaseContext, logger: Logger, options: GraphQLOptions = {}) {
  const limits = options.limits ?? defaultLimits;
  return createYoga<ServerContext, GraphQLContext>({
    schema: checkTimeBudget(
      countListItems(
        createSchema<ServerContext & GraphQLContext>({ typeDefs, resolvers: resolvers as never }),
        limits.maxListItems,
      ),
    ),
    graphqlEndpoint: '/graphql',
    maxRequestBodySize: limits.maxBodyBytes,
    batching: limits.maxBatch > 0 ? { limit: limits.maxBatch } : false,
    landingPage: false,
    // CORS is answered by the HTTP edge from configuration (src/http/cors.ts), before the cache.
    cors: false,
    graphiql: { title: 'replika', defaultQuery: EXAMPLE_QUERY, defaultTabs: analystExamples },
    // Every GraphiQL asset is served by replika itself (see graphiql.ts): it works offline.
    renderGraphiQL: renderOfflineGraphiQL,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logYogaError(logger, args),
    },
    context: ({ request }) => ({
      request,
      ...base,
      actor: authenticate(request.headers.get('authorization'), options.tokens ?? base.access),
      written: { position: undefined },
    }),
    maskedErrors: {
      maskError: (error, message) =>
        structuredError(error, message, undefined, (unexpected) =>
          logger.error({ err: unexpected }, 'unexpected error while answering a request'),
        ),
    },
    plugins: [
      ...hardeningPlugins(limits),
      draftCost(limits.maxCost),
      writtenPosition(),
      structuredValidationErrors(),
      // Before the token check: authentication waits for X-Replika-Min-Position like the rest.
      minPositionHeader(base.projector, options.freshnessTimeoutMs ?? 5000, (context) => {
        context.actor = authenticate(
          context.request.headers.get('authorization'),
          options.tokens ?? base.access,
        );
      }),
      ...(options.readsRequireToken ? [requireTokenForReads()] : []),
      cacheableQueries(base.projector),
    ],
  });
}
