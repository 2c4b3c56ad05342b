import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from './context.js';

/**
 * With `REPLIKA_READS_REQUIRE_TOKEN=true`, queries without a valid token are answered
 * UNAUTHENTICATED before anything is read. (Mutations check their token in the command layer.)
 */
export function requireTokenForReads(): Plugin<GraphQLContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation === 'mutation') return;
      const { actor } = args.contextValue;
      if (actor.role) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `reads need an access token (Authorization: Bearer <token>)${
              actor.authFailure ? `: ${actor.authFailure}` : ''
            }`,
            { extensions: { code: 'UNAUTHENTICATED' } },
          ),
        ],
      });
    },
  };
}
