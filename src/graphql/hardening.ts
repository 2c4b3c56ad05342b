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
import type { Limits } from '../config.js';
import { queryPriceLimit } from './query-price.js';
import { queryTimeBudget } from './time-budget.js';

/**
 * The GraphQL edge's limits are configuration (`src/config.ts`). Every limit answers a GraphQL
 * error with its own `extensions.code`, the `limit` and, where known, what was `found`; none of
 * them turns off introspection.
 */
export { defaultLimits, type Limits } from '../config.js';

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
