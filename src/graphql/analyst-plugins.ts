import type { IncomingMessage } from 'node:http';
import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { parseLogPosition } from '../domain/shared/values.js';
import { markCacheable } from '../http/response-cache.js';
import { FreshnessTimeoutError, type Projector } from '../read-model/projector.js';
import type { GraphQLContext } from './context.js';

export const MIN_POSITION_HEADER = 'X-Replika-Min-Position';

/**
 * Freshness across instances: a request sent with `X-Replika-Min-Position: <position>` (the
 * position another instance's mutation reported) waits until this instance's read model has
 * reached it, at most `timeoutMs`, then fails with `extensions.code` READ_MODEL_BEHIND.
 */
export function minPositionHeader(
  projector: Projector,
  timeoutMs: number,
  /** Resolves the caller again once the read model is there: a token issued up to that position counts. */
  reauthenticate?: (context: GraphQLContext) => void,
): Plugin<GraphQLContext> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const header = args.contextValue.request.headers.get(MIN_POSITION_HEADER);
      if (header === null) return;
      const value = header.trim();
      let position: bigint;
      try {
        position = parseLogPosition(value, MIN_POSITION_HEADER);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        setResultAndStopExecution({
          errors: [
            new GraphQLError(message, {
              extensions: { code: 'BAD_USER_INPUT', field: MIN_POSITION_HEADER },
            }),
          ],
        });
        return;
      }
      try {
        await projector.waitFor(position, timeoutMs);
        reauthenticate?.(args.contextValue);
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

/**
 * Marks the queries whose answers the HTTP response cache (src/http/response-cache.ts) may
 * reuse: operations of type query, answered without errors, with the read model at the same
 * position from start to end. Queries also get `X-Replika-Cache: MISS` and
 * `X-Replika-Read-Position`; mutations and subscriptions get neither.
 */
export function cacheableQueries(projector: Projector): Plugin<GraphQLContext> {
  const started = new WeakMap<Request, bigint>();
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'query') return;
      const position = projector.position;
      started.set(args.contextValue.request, position);
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result || result.errors?.length) return;
          if (projector.position !== position) return;
          const req = (args.contextValue as { req?: IncomingMessage }).req;
          if (req) markCacheable(req, position);
        },
      };
    },
    onResponse({ request, response }) {
      const position = started.get(request);
      if (position === undefined) return;
      response.headers.set('X-Replika-Cache', 'MISS');
      response.headers.set('X-Replika-Read-Position', position.toString());
    },
  };
}
