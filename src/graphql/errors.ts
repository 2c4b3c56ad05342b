import { type ASTNode, type DocumentNode, GraphQLError, visit } from 'graphql';
import { DomainError } from '../domain/shared/errors.js';
import { StorageError } from '../eventstore/storage-error.js';
import { FreshnessTimeoutError } from '../read-model/projector.js';
import { QueryTimeoutError } from './time-budget.js';

/**
 * Turns every error into a structured one: `extensions.code` always, `extensions.field` (dotted
 * path inside the input) when it is about one input field. Unexpected errors are masked.
 */
export function structuredError(
  error: unknown,
  message: string,
  document: DocumentNode | undefined,
  onUnexpected: (error: unknown) => void,
): GraphQLError {
  if (!(error instanceof GraphQLError)) {
    onUnexpected(error);
    return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
  const original = error.originalError;
  const at = {
    nodes: error.nodes,
    path: error.path,
    source: error.source,
    positions: error.positions,
  };
  if (original instanceof DomainError)
    return new GraphQLError(original.message, {
      ...at,
      extensions: {
        code: original.code,
        ...(original.field ? { field: original.field } : {}),
        ...('retryable' in original && original.retryable === true ? { retryable: true } : {}),
      },
    });
  if (original instanceof StoredNotConfirmedError)
    return new GraphQLError(original.message, {
      ...at,
      extensions: { code: 'STORED_NOT_CONFIRMED', position: original.position.toString() },
    });
  if (original instanceof QueryTimeoutError)
    return new GraphQLError(original.message, {
      ...at,
      extensions: { code: 'QUERY_TIMEOUT', limit: original.ms },
    });
  if (original instanceof StorageError)
    return new GraphQLError(original.message, {
      ...at,
      extensions: { code: original.code, retryable: true },
    });
  if (original instanceof FreshnessTimeoutError)
    return new GraphQLError(original.message, { ...at, extensions: { code: 'READ_MODEL_BEHIND' } });
  if (original && !(original instanceof GraphQLError)) {
    onUnexpected(original);
    return new GraphQLError(message, { ...at, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
  if (error.extensions.code && error.extensions.code !== 'BAD_USER_INPUT') return error;
  // Request errors from graphql-js itself: bad variables or literals.
  const field = fieldOf(error, document);
  // graphql-tools marks a bad variable value HTTP 400; an inline bad literal is answered 200.
  // Marked `spec`, the 400 is kept for `application/graphql-response+json` (as the GraphQL over
  // HTTP spec asks) and dropped for `application/json`, where every request error answers 200.
  const http = error.extensions.http as { status?: number } | undefined;
  return new GraphQLError(error.message, {
    ...at,
    extensions: {
      ...error.extensions,
      ...(http?.status === 400 ? { http: { ...http, spec: true } } : {}),
      code: 'BAD_USER_INPUT',
      ...(field ? { field } : {}),
    },
  });
}

/** The input field an argument or variable error is about, e.g. `occurredOn` or `sites.0.name`. */
function fieldOf(error: GraphQLError, document: DocumentNode | undefined): string | undefined {
  const variable = /^Variable "\$([^"]+)" got invalid value .*? at "([^"]+)"/s.exec(error.message);
  // graphql-js writes list items as `evidence[0].kind`; fields are dotted (`evidence.0.kind`).
  if (variable?.[2])
    return (
      variable[2]
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .slice(1)
        .join('.') || variable[1]
    );
  const whole = /^Variable "\$([^"]+)"/.exec(error.message);
  if (whole?.[1]) return whole[1];
  const node = error.nodes?.[0];
  if (node && document) {
    const missing = /^Field "[^".]+\.([^"]+)" of required type/.exec(error.message)?.[1];
    const at = literalPath(document, node);
    if (!at) return missing;
    const path = missing ? [...at.names, missing] : at.names.length ? at.names : [at.argument];
    return path.filter(Boolean).join('.') || undefined;
  }
  return undefined;
}

/** Where a literal value node sits: the argument holding it and the input fields leading to it. */
function literalPath(
  document: DocumentNode,
  target: ASTNode,
): { argument: string | undefined; names: string[] } | undefined {
  let found: { argument: string | undefined; names: string[] } | undefined;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (found !== undefined) return false;
      if (node.loc?.start !== target.loc?.start || node.kind !== target.kind) return undefined;
      const names: string[] = [];
      let argument: string | undefined;
      for (const a of [...ancestors, parent, node] as Array<
        ASTNode | readonly ASTNode[] | undefined
      >) {
        if (!a || Array.isArray(a)) continue;
        const n = a as ASTNode;
        if (n.kind === 'ObjectField') names.push(n.name.value);
        if (n.kind === 'Argument') {
          names.length = 0;
          argument = n.name.value;
        }
      }
      found = { argument, names };
      return false;
    },
  });
  return found;
}

/** graphql-js's own errors about a wrong input literal (ValuesOfCorrectTypeRule). */
export function isInputValueError(error: GraphQLError): boolean {
  return /^(Expected value of type|Value ".*" does not exist in|Field ".*" of required type|Field ".*" is not defined by type|Enum ".*" cannot represent|(Int|Float|String|Boolean|ID) cannot represent)/s.test(
    error.message,
  );
}

/**
 * A refused request (bad input, no or wrong token, a domain rule, a limit): the client's
 * business, answered with its code, not a fault of the server. Anything else is a fault.
 */
export function isUserError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  if (error.extensions.code === 'INTERNAL_SERVER_ERROR' || error.extensions.unexpected)
    return false;
  const original = error.originalError;
  return (
    original === undefined ||
    original instanceof GraphQLError ||
    original instanceof DomainError ||
    original instanceof QueryTimeoutError ||
    original instanceof FreshnessTimeoutError
  );
}

/**
 * Where graphql-yoga's error log goes: refused requests at debug (they are answered to the
 * client, and one busy session refuses hundreds), faults at error.
 */
export function logYogaError(
  logger: { debug: (o: object, m: string) => void; error: (m: string) => void },
  args: unknown[],
): void {
  if (args.length > 0 && args.every(isUserError)) {
    const [first] = args as GraphQLError[];
    logger.debug(
      { code: first?.extensions.code ?? 'BAD_USER_INPUT', field: first?.extensions.field },
      `refused: ${first?.message ?? ''}`,
    );
    return;
  }
  logger.error(args.map(String).join(' '));
}

/**
 * A mutation's events are in the log, but the read model did not confirm them in time (it is
 * behind, or its projector stopped). The write is stored: a client must not send it again as a
 * new report; it reads it back with `X-Replika-Min-Position`, or resends it with the same
 * idempotency key (which answers the stored result).
 */
export class StoredNotConfirmedError extends Error {
  override readonly name = 'StoredNotConfirmedError';
  constructor(
    readonly position: bigint,
    cause: unknown,
  ) {
    super(
      `stored at log position ${position}, but this server's read model has not confirmed it (${cause instanceof FreshnessTimeoutError ? cause.message : 'the read model is not available'}). Do not send it again as a new report: read it back with X-Replika-Min-Position: ${position}, or resend it with the same idempotencyKey`,
      { cause },
    );
  }
}
