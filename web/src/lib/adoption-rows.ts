import { useEffect, useState } from 'preact/hooks';
import { gql } from './api';
import type { MilestoneRow, Stage } from './domain';
import type { QueryState } from './query';

export interface AdoptionFilter {
  minStage?: Stage;
  provinceCode?: string;
  occurredBetween?: { from?: string; to?: string };
  verification?: 'UNVERIFIED' | 'VERIFIED' | 'REJECTED';
  innovationId?: string;
}

export interface AdoptionRow {
  adopter: { code: string; name: string; province: { code: string; name: string } };
  innovation: { id: string; name: string; origin: { code: string; name: string } };
  stage: Stage;
  milestones: MilestoneRow[];
}

const ADOPTIONS = `query WorkbenchAdoptions($filter: AdoptionFilter, $first: Int, $after: String) {
  adoptions(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      adopter { code name province { code name } }
      innovation { id name origin { code name } }
      stage
      milestones { id kind occurredOn retracted verification }
    } }
  }
}`;

type Page = {
  adoptions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: AdoptionRow }>;
  };
};

const inFlight = new Map<string, Promise<AdoptionRow[]>>();

/** Every adoption the filter matches, page by page (the panels of one page share one fetch). */
function fetchAll(filter: AdoptionFilter): Promise<AdoptionRow[]> {
  const key = JSON.stringify(filter);
  const known = inFlight.get(key);
  if (known) return known;
  const run = (async () => {
    const rows: AdoptionRow[] = [];
    let after: string | null = null;
    do {
      const page: Page = await gql<Page>(ADOPTIONS, { filter, first: 500, after });
      rows.push(...page.adoptions.edges.map((e) => e.node));
      after = page.adoptions.pageInfo.hasNextPage ? page.adoptions.pageInfo.endCursor : null;
    } while (after);
    return rows;
  })();
  inFlight.set(key, run);
  // Kept only while the page is being drawn: a later visit asks the server again.
  const forget = () => setTimeout(() => inFlight.delete(key), 2000);
  run.then(forget, forget);
  return run;
}

/**
 * The adoptions list the API answers today, for the panels whose own figure (issue 12:
 * topInnovations, topAdopters, topOrigins, adoptionCurve) is not in the schema yet.
 */
export function useAdoptionRows(filter: AdoptionFilter): QueryState<AdoptionRow[]> {
  const [state, setState] = useState<QueryState<AdoptionRow[]>>({ loading: true });
  const key = JSON.stringify(filter);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    fetchAll(filter).then(
      (data) => current && setState({ data, loading: false }),
      (error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}

/** Clean filter: no empty strings or empty ranges (the API refuses nothing, but caches by it). */
export function cleanFilter(filter: AdoptionFilter): AdoptionFilter {
  const clean: AdoptionFilter = {};
  if (filter.minStage) clean.minStage = filter.minStage;
  if (filter.provinceCode) clean.provinceCode = filter.provinceCode;
  if (filter.verification) clean.verification = filter.verification;
  if (filter.innovationId) clean.innovationId = filter.innovationId;
  const { from, to } = filter.occurredBetween ?? {};
  if (from || to) clean.occurredBetween = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return clean;
}
