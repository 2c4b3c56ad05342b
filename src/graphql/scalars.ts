import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isCalendarDate } from '../domain/shared/values.js';

const invalid = (message: string, node?: ValueNode) =>
  new GraphQLError(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } });

function parseDate(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string' || !isCalendarDate(value))
    throw invalid(
      `Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`,
      node,
    );
  return value;
}

/** A calendar date, YYYY-MM-DD, kept as a string end to end (no time-zone surprises). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => parseDate(value),
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('Date must be a string written YYYY-MM-DD', ast);
    return parseDate(ast.value, ast);
  },
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value)))
    throw invalid(
      `DateTime must be an ISO-8601 instant with a zone, got ${JSON.stringify(value)}`,
      node,
    );
  return new Date(value).toISOString();
}

/** An ISO-8601 instant; always answered in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) =>
    value instanceof Date ? value.toISOString() : parseDateTime(value as unknown),
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('DateTime must be a string', ast);
    return parseDateTime(ast.value, ast);
  },
});
