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

const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * True for a real instant: a calendar date that exists (as `Date` demands: no 30 February), an
 * hour 00-23, minutes and seconds 00-59, and an offset of at most ±14:00. JavaScript's own
 * parser rolls impossible dates over (2019-02-30 becomes 2 March); this never does.
 */
function isInstant(value: string): boolean {
  const m = ISO_INSTANT.exec(value);
  if (!m) return false;
  const [, date, hh, mm, ss, , oh, om] = m;
  return (
    isCalendarDate(date ?? '') &&
    Number(hh) <= 23 &&
    Number(mm) <= 59 &&
    Number(ss ?? 0) <= 59 &&
    (oh === undefined || (Number(oh) * 60 + Number(om) <= 14 * 60 && Number(om) <= 59))
  );
}

function parseDateTime(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string' || !isInstant(value) || Number.isNaN(Date.parse(value)))
    throw invalid(
      `DateTime must be a real ISO-8601 instant with a zone, e.g. 2019-02-25T09:00:00+07:00, got ${JSON.stringify(value)}`,
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
