import { type ASTNode, type DocumentNode, GraphQLError, visit } from 'graphql';
import { DomainError } from '../domain/shared/errors.js';
import { FreshnessTimeoutError } from '../read-model/projector.js';

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
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
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
  return new GraphQLError(error.message, {
    ...at,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', ...(field ? { field } : {}) },
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
