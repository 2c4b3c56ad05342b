import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { type ASTVisitor, GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * What each analysts' figure adds to a query's static cost, at the scale of draftFromReport's
 * price (200000 for about 0.1 s): each price is the figure's national answer time on the
 * synthetic national dataset (`npx tsx bench/figures.ts 1`, 1,000,000 events) at 2000 per
 * millisecond, rounded up. A narrower scope is cheaper to answer but priced the same, so a
 * request can never hold more national figures than the limit allows.
 */
export const FIGURE_PRICES: Readonly<Record<string, number>> = {
  topInnovations: 40_000,
  topAdopters: 40_000,
  topOrigins: 40_000,
  adoptionCurve: 60_000,
  timeToStage: 40_000,
  diffusionNetwork: 40_000,
  // Issue 12's second half: priced by what they read, not yet timed by bench/figures.ts — a
  // GROUP BY over the budget allocations, a scan of the visits with an indexed NOT EXISTS per
  // visit, an FTS5 match.
  budgetTotals: 20_000,
  studyVisits: 20_000,
  searchInnovations: 4_000,
};

/**
 * Prices the figures in the cost limit: the operation's static cost (graphql-armor's, as the
 * hardening plugins count it) plus the price of every figure the document asks for must stay
 * within the limit, or the request fails validation with QUERY_TOO_COSTLY, nothing executed.
 */
export function figureCost(maxCost: number): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule((context: ValidationContext): ASTVisitor => {
        let priced = 0;
        let base = 0;
        const armor = costLimitRule({
          maxCost: Number.MAX_SAFE_INTEGER,
          ignoreIntrospection: true,
          propagateOnRejection: false,
          onAccept: [(_context, { n }) => (base = Math.max(base, n))],
        })(context);
        return {
          OperationDefinition: { enter: (node) => armor.OperationDefinition.enter(node) },
          Field(node) {
            const price = FIGURE_PRICES[node.name.value];
            if (price !== undefined && context.getParentType()?.name === 'Query') priced += price;
          },
          Document: {
            leave() {
              const found = base + priced;
              if (priced === 0 || base > maxCost || found <= maxCost) return;
              context.reportError(
                new GraphQLError(
                  `Query Cost limit of ${maxCost} exceeded, found ${found} (figures are priced: ${Object.entries(
                    FIGURE_PRICES,
                  )
                    .map(([name, price]) => `${name} ${price}`)
                    .join(', ')}).`,
                  { extensions: { code: 'QUERY_TOO_COSTLY', limit: maxCost, found } },
                ),
              );
            },
          },
        };
      });
    },
  };
}
