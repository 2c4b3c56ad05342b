import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  defaultFieldResolver,
  GraphQLError,
  type GraphQLSchema,
  getNullableType,
  isListType,
  isObjectType,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';
import { queryPriceLimit } from './query-price.js';
import { queryTimeBudget } from './time-budget.js';

/**
 * Limits of the GraphQL edge, from the environment (validated with the rest of the configuration
 * in `src/config.ts`). Every limit answers a GraphQL error with its own `extensions.code`, the
 * `limit` and, where known, what was `found`; none of them turns off introspection.
 */
export const LimitsSchema = z.object({
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).default(10),
  MAX_ALIASES: z.coerce.number().int().min(0).default(15),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).default(10),
  MAX_TOKENS: z.coerce.number().int().min(1).default(2000),
  /** graphql-armor's static cost (objects 2, scalars 1, ×1.5 per level, × literal `first`). */
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(1_000_000),
  /**
   * List items one request may resolve, counted while it executes. Static limits cannot see
   * fan-out (`regencies { province { regencies { … } } }` multiplies by ~38 per level); this can.
   */
  MAX_LIST_ITEMS: z.coerce.number().int().min(1).default(50_000),
  /** What a query may make the server compute, priced per field (see query-price.ts). */
  MAX_QUERY_PRICE: z.coerce.number().int().min(1).default(5_000),
  /** Milliseconds a query may run before it is stopped with QUERY_TIMEOUT; 0 = no budget. */
  MAX_QUERY_MS: z.coerce.number().int().min(0).default(10_000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(102_400),
  /** Operations in one batched request (a JSON array body); 0 turns batching off. */
  MAX_BATCH: z.coerce.number().int().min(0).default(10),
  /** Sustained requests per second per bearer token (else per client address); 0 = no limit. */
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(50),
  /** Requests a client may send at once before the sustained rate applies. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(500),
});

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  maxListItems: number;
  maxPrice: number;
  maxQueryMs: number;
  maxBodyBytes: number;
  maxBatch: number;
  ratePerSecond: number;
  rateBurst: number;
}

export function limitsFrom(env: z.infer<typeof LimitsSchema>): Limits {
  return {
    maxDepth: env.MAX_QUERY_DEPTH,
    maxAliases: env.MAX_ALIASES,
    maxDirectives: env.MAX_DIRECTIVES,
    maxTokens: env.MAX_TOKENS,
    maxCost: env.MAX_QUERY_COST,
    maxListItems: env.MAX_LIST_ITEMS,
    maxPrice: env.MAX_QUERY_PRICE,
    maxQueryMs: env.MAX_QUERY_MS,
    maxBodyBytes: env.MAX_BODY_BYTES,
    maxBatch: env.MAX_BATCH,
    ratePerSecond: env.RATE_LIMIT_PER_SECOND,
    rateBurst: env.RATE_LIMIT_BURST,
  };
}

export const defaultLimits: Limits = limitsFrom(LimitsSchema.parse({}));

/** graphql-armor says "Syntax Error: Query depth limit of 10 exceeded, found 12."; keep the numbers. */
function limitError(code: string, limit: number, armorError: GraphQLError): GraphQLError {
  const message = armorError.message.replace(/^Syntax Error: /, '');
  const found = /found (\d+(?:\.\d+)?)/.exec(message)?.[1];
  return new GraphQLError(message, {
    extensions: {
      code,
      limit,
      ...(found !== undefined ? { found: Number(found) } : {}),
    },
  });
}

/** Report through the validation context (the request fails validation, nothing executes). */
const report =
  (code: string, limit: number) => (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(limitError(code, limit, error));

/** The yoga plugins that enforce the document limits, the batch limit and the list-item budget. */
export function hardeningPlugins(limits: Limits): Plugin[] {
  return [
    maxTokensPlugin({
      n: limits.maxTokens,
      // Parsing has no validation context: throw our error instead of armor's own.
      onReject: [
        (_context, error) => {
          throw limitError('TOO_MANY_TOKENS', limits.maxTokens, error);
        },
      ],
    }),
    maxDepthPlugin({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [report('QUERY_TOO_DEEP', limits.maxDepth)],
    }),
    maxAliasesPlugin({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [report('TOO_MANY_ALIASES', limits.maxAliases)],
    }),
    maxDirectivesPlugin({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [report('TOO_MANY_DIRECTIVES', limits.maxDirectives)],
    }),
    costLimitPlugin({
      maxCost: limits.maxCost,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [report('QUERY_TOO_COSTLY', limits.maxCost)],
    }),
    batchLimit(limits.maxBatch),
    listItemLimit(limits.maxListItems),
    queryPriceLimit(limits.maxPrice),
    ...(limits.maxQueryMs > 0 ? [queryTimeBudget(limits.maxQueryMs)] : []),
  ] as Plugin[];
}

/** Refuses a batched request with more operations than allowed, before any of them runs. */
function batchLimit(max: number): Plugin {
  return {
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (!Array.isArray(requestParserResult)) return;
          const found = requestParserResult.length;
          if (max === 0)
            throw new GraphQLError('batched requests are turned off on this server', {
              extensions: { code: 'BATCHING_DISABLED', limit: 0, http: { status: 400 } },
            });
          if (found > max)
            throw new GraphQLError(
              `a batched request may hold at most ${max} operations, this one has ${found}`,
              {
                extensions: {
                  code: 'TOO_MANY_OPERATIONS',
                  limit: max,
                  found,
                  http: { status: 413 },
                },
              },
            );
        },
      };
    },
  };
}

/** List items resolved so far, per request (keyed by the execution's context object). */
const listItems = new WeakMap<object, { n: number; exceeded: boolean }>();

function resultTooLarge(max: number): GraphQLError {
  return new GraphQLError(
    `this query resolves more than ${max} list items; ask for less (narrower filters, smaller pages)`,
    { extensions: { code: 'RESULT_TOO_LARGE', limit: max } },
  );
}

/**
 * Wraps every list-returning field of the schema (not introspection's) so that the items it
 * returns are counted against the request's budget; past the budget, list fields throw. Call it
 * on the schema before serving; `listItemLimit` reads the same budget.
 */
export function countListItems(schema: GraphQLSchema, max: number): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const spend = (value: unknown, context: object) => {
        const budget = listItems.get(context);
        // Only queries and mutations have a budget (set in onExecute); subscriptions do not.
        if (!budget || !Array.isArray(value)) return value;
        budget.n += value.length;
        if (budget.n > max) {
          budget.exceeded = true;
          throw resultTooLarge(max);
        }
        return value;
      };
      field.resolve = (source, args, context, info) => {
        if (listItems.get(context)?.exceeded) throw resultTooLarge(max);
        const value = resolve(source, args, context, info);
        return value instanceof Promise
          ? value.then((v) => spend(v, context))
          : spend(value, context);
      };
    }
  }
  return schema;
}

/** Opens each query's or mutation's budget; over it, one error and no partial data. */
function listItemLimit(max: number): Plugin {
  return {
    onExecute({ args }) {
      listItems.set(args.contextValue as object, { n: 0, exceeded: false });
      return {
        onExecuteDone({ result, setResult }) {
          const context = args.contextValue as object;
          if (!listItems.get(context)?.exceeded || Symbol.asyncIterator in result) return;
          setResult({ data: null, errors: [resultTooLarge(max)] });
        },
      };
    },
  };
}
