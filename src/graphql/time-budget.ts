import {
  defaultFieldResolver,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  isObjectType,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * A time budget per query (`MAX_QUERY_MS`): once it is spent, no further field resolves, and
 * the answer is one `QUERY_TIMEOUT` error without partial data. Work handed to the analytics
 * workers is bounded by the same budget (see analytics-pool.ts). Mutations have no budget here:
 * once their events are appended, they are answered (see the freshness timeout instead).
 */
interface Budget {
  deadline: number;
  exceeded: boolean;
  ms: number;
}
const budgets = new WeakMap<object, Budget>();

export class QueryTimeoutError extends Error {
  override readonly name = 'QueryTimeoutError';
  constructor(readonly ms: number) {
    super(
      `this query ran out of its time budget of ${ms} ms and was stopped; ask for less (fewer items, fewer figures, a narrower window)`,
    );
  }
}

export const queryTimeout = (ms: number) =>
  new GraphQLError(new QueryTimeoutError(ms).message, {
    extensions: { code: 'QUERY_TIMEOUT', limit: ms },
  });

/** The time left to the request's query, in ms (Infinity outside a budgeted query). */
export function timeLeft(context: object): number {
  const budget = budgets.get(context);
  return budget ? budget.deadline - performance.now() : Number.POSITIVE_INFINITY;
}

/** When the request's query runs out of time (performance.now()); undefined outside a budget. */
export function deadlineOf(context: object): number | undefined {
  return budgets.get(context)?.deadline;
}

/** Wraps every field of the schema (not introspection's) with the budget check. */
export function checkTimeBudget(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const budget = budgets.get(context);
        if (budget && (budget.exceeded || performance.now() > budget.deadline)) {
          budget.exceeded = true;
          throw queryTimeout(budget.ms);
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** Opens each query's budget; past it, one error and no partial data. */
export function queryTimeBudget(ms: number): Plugin {
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'query') return;
      const context = args.contextValue as object;
      budgets.set(context, { deadline: performance.now() + ms, exceeded: false, ms });
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const budget = budgets.get(context);
          const timedOut =
            budget?.exceeded ||
            result.errors?.some((e) => e.originalError instanceof QueryTimeoutError);
          if (timedOut) setResult({ data: null, errors: [queryTimeout(ms)] });
        },
      };
    },
  };
}
