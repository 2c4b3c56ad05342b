import { createHash } from 'node:crypto';
import { type ExecutionResult, GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { FreshnessTimeoutError, type Projector } from '../read-model/projector.js';
import type { GraphQLContext } from './context.js';

export const MIN_POSITION_HEADER = 'X-Replika-Min-Position';

/**
 * Freshness across instances: a request sent with `X-Replika-Min-Position: <position>` (the
 * position another instance's mutation reported) waits until this instance's read model has
 * reached it, at most `timeoutMs`, then fails with `extensions.code` READ_MODEL_BEHIND.
 */
export function minPositionHeader(projector: Projector, timeoutMs: number): Plugin<GraphQLContext> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const header = args.contextValue.request.headers.get(MIN_POSITION_HEADER);
      if (header === null) return;
      const value = header.trim();
      if (!/^\d{1,20}$/.test(value)) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `${MIN_POSITION_HEADER} must be a log position (a non-negative integer), got "${header}"`,
              { extensions: { code: 'BAD_USER_INPUT', field: MIN_POSITION_HEADER } },
            ),
          ],
        });
        return;
      }
      try {
        await projector.waitFor(BigInt(value), timeoutMs);
      } catch (error) {
        const behind = error instanceof FreshnessTimeoutError;
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              behind
                ? `this instance's read model has not reached position ${value} within ${timeoutMs} ms (it is at ${projector.position}); retry later or ask another instance`
                : 'the read model is not available',
              {
                extensions: {
                  code: behind ? 'READ_MODEL_BEHIND' : 'READ_MODEL_UNAVAILABLE',
                  field: MIN_POSITION_HEADER,
                  position: projector.position.toString(),
                },
              },
            ),
          ],
        });
      }
    },
  };
}

interface Params {
  query?: string;
  variables?: unknown;
  operationName?: string;
  extensions?: unknown;
}

/**
 * Response cache keyed by the read model's position: a query answered at position P is served
 * from memory to the same query (same text, variables, operation and Authorization header) for
 * as long as the read model stays at P. Any new event moves the position and so retires every
 * entry. Only queries without errors are cached; mutations and subscriptions never are.
 * The response says `X-Replika-Cache: HIT | MISS` and `X-Replika-Read-Position`.
 */
export function positionKeyedCache(
  projector: Projector,
  options: { max?: number } = {},
): Plugin<GraphQLContext> {
  const cache = new Lru<ExecutionResult>(options.max ?? 1000);
  const params = new WeakMap<Request, Params>();
  const outcome = new WeakMap<Request, { hit: boolean; position: bigint }>();
  return {
    onParams({ request, params: p }) {
      params.set(request, p);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const request = args.contextValue.request;
      const operation = getOperationAST(args.document, args.operationName);
      const p = params.get(request);
      if (operation?.operation !== 'query' || !p?.query) return;
      const position = projector.position;
      const key = createHash('sha256')
        .update(
          JSON.stringify([
            position.toString(),
            request.headers.get('authorization') ?? '',
            p.query,
            p.variables ?? null,
            p.operationName ?? null,
            p.extensions ?? null,
          ]),
        )
        .digest('base64url');
      const cached = cache.get(key);
      if (cached) {
        outcome.set(request, { hit: true, position });
        setResultAndStopExecution(cached);
        return;
      }
      outcome.set(request, { hit: false, position });
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          // Store only what was answered entirely at `position`.
          if (!result.errors?.length && projector.position === position) cache.set(key, result);
        },
      };
    },
    onResponse({ request, response }) {
      const seen = outcome.get(request);
      if (!seen) return;
      response.headers.set('X-Replika-Cache', seen.hit ? 'HIT' : 'MISS');
      response.headers.set('X-Replika-Read-Position', seen.position.toString());
    },
  };
}

/** A least-recently-used map: a Map keeps insertion order, so the first key is the oldest. */
class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
