import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The price of a query: what it makes the server compute, counted before anything runs. The
 * document-shape limits (depth, aliases, graphql-armor's cost) cannot tell a name from a
 * diffusion figure, and the list-item budget (hardening.ts) counts items only as they are
 * produced; this prices the fields that compute something, each at what it costs (relative to
 * one indexed lookup), times the items of the lists it sits in (a `first` argument, else an
 * estimate of the list's size). Asking one at a point in time (`asOf`, `knownAt`) costs more:
 * it folds the timeline instead of reading the current tables. Plain fields and nested lists
 * (answered by batch loaders) cost nothing here: the list-item budget bounds them.
 * Over `MAX_QUERY_PRICE` the request is refused with `QUERY_TOO_COSTLY`, the `limit` and the
 * price `found`.
 */

/** What computing one of these fields costs. */
export const FIELD_PRICES: Readonly<Record<string, number>> = {
  'Query.diffusion': 100,
  'Innovation.diffusion': 100,
  'Query.originDiffusion': 400,
  'Regency.diffusion': 400,
  'Adoption.history': 20,
  'Query.adoptions': 10,
  'Query.innovations': 10,
  // The analysts' figures (issue 12), priced at their national answer (one row per adoption of
  // figure_reach; the network: an origin's milestone rows), whatever the scope. A national curve
  // or time to stage takes hundreds of milliseconds on the synthetic national dataset (see
  // docs/benchmarks.md), so a request holds at most two of them at the default limit.
  'Query.topInnovations': 200,
  'Query.topAdopters': 200,
  'Query.topOrigins': 200,
  'Query.topProvinces': 200,
  'Query.adoptionCurve': 2000,
  'Query.timeToStage': 1500,
  'Query.diffusionNetwork': 300,
  // Issue 12's second half, priced by what they read (not yet timed by bench/figures.ts): a
  // GROUP BY over the budget allocations; the visits with an indexed NOT EXISTS each; a visit's
  // outcomes (two indexed reads); an FTS5 match.
  'Query.budgetTotals': 200,
  'Query.studyVisits': 100,
  'StudyVisit.outcomes': 2,
  'Query.searchInnovations': 20,
};

/** Asking a priced field at a point in time multiplies its price. */
const TIME_TRAVEL_FACTOR = 3;

/** Items an unpaged list is expected to hold (Kepmendagri: 38 provinces, 514 regencies). */
const LIST_ESTIMATES: Readonly<Record<string, number>> = {
  'Query.regencies': 514,
  'Query.provinces': 38,
  'Province.regencies': 14,
  'Regency.innovations': 10,
};
const DEFAULT_LIST_ESTIMATE = 50;

export function queryPriceLimit(maxPrice: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const found = priceOf(
        args.schema,
        args.document,
        args.operationName,
        args.variableValues ?? {},
      );
      if (found === undefined || found <= maxPrice) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `this query would cost ${found} (price limit ${maxPrice}): diffusion figures, time travel and long lists are priced by what they compute; ask for fewer items or fewer figures per request`,
            { extensions: { code: 'QUERY_TOO_COSTLY', limit: maxPrice, found } },
          ),
        ],
      });
    },
  };
}

/** The price of the operation, or undefined when it is not a query or mutation. */
export function priceOf(
  schema: GraphQLSchema,
  document: Parameters<typeof getOperationAST>[0],
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): number | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation === 'subscription') return undefined;
  const root = operation.operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  if (!root) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const fieldsOf = (
    set: SelectionSetNode,
    type: GraphQLObjectType,
    seen: ReadonlySet<string>,
  ): FieldNode[] => {
    const out: FieldNode[] = [];
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) out.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        const on = s.typeCondition ? schema.getType(s.typeCondition.name.value) : type;
        if (on === type || (on && isAbstractType(on)))
          out.push(...fieldsOf(s.selectionSet, type, seen));
      } else if (!seen.has(s.name.value)) {
        const fragment = fragments.get(s.name.value);
        if (fragment)
          out.push(...fieldsOf(fragment.selectionSet, type, new Set([...seen, s.name.value])));
      }
    }
    return out;
  };

  const price = (
    set: SelectionSetNode,
    type: GraphQLObjectType,
    multiplier: number,
    paged: boolean,
  ): number => {
    let total = 0;
    for (const node of fieldsOf(set, type, new Set())) {
      const name = node.name.value;
      if (name.startsWith('__')) continue;
      const field = type.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
      if (!field) continue;
      let values: Record<string, unknown> = {};
      try {
        values = getArgumentValues(field, node, variables);
      } catch {
        // Bad arguments are refused by execution with their own error; price them as absent.
      }
      const key = `${type.name}.${name}`;
      const timeTravel = values.asOf != null || values.knownAt != null;
      const own = (FIELD_PRICES[key] ?? 0) * (timeTravel ? TIME_TRAVEL_FACTOR : 1);
      total += multiplier * own;
      const first = typeof values.first === 'number' ? Math.max(values.first, 1) : undefined;
      const list = isListType(getNullableType(field.type));
      // A page's items are counted once: at the field with `first`, not again at its edges.
      const items =
        first ?? (list ? (paged ? 1 : (LIST_ESTIMATES[key] ?? DEFAULT_LIST_ESTIMATE)) : 1);
      const target = getNamedType(field.type);
      if (node.selectionSet && isObjectType(target))
        total += price(node.selectionSet, target, multiplier * items, first !== undefined);
    }
    return total;
  };
  return price(operation.selectionSet, root, 1, false);
}
