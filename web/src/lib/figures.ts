/**
 * The analyst API's figures as the workbench asks for them: the page's filters become a
 * `FigureFilter` (schema.graphql) for the rankings, curves, time to stage, network and budget
 * totals, and the same filters become the CSV export's query parameters.
 */
import type { Stage, VerificationFilter } from './domain';

/** What a page's filter form holds (empty strings for "not set"). */
export interface PageFilters {
  stage: Stage;
  from: string;
  to: string;
  province: string;
  verification: VerificationFilter;
}

export const initialFilters: PageFilters = {
  stage: 'AGREED',
  from: '',
  to: '',
  province: '',
  verification: 'EXCLUDE_REJECTED',
};

/** The API's `FigureFilter` input. */
export interface FigureFilter {
  verification: VerificationFilter;
  provinceCode?: string;
  period?: { from?: string; to?: string };
}

export function figureFilter(f: Omit<PageFilters, 'stage'>): FigureFilter {
  const filter: FigureFilter = { verification: f.verification };
  if (f.province) filter.provinceCode = f.province;
  if (f.from || f.to)
    filter.period = { ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) };
  return filter;
}

/**
 * The CSV export's URL for the page's filters (src/http/export-params.ts). The export takes
 * FigureFilter's own parameters: `verification` (ANY, EXCLUDE_REJECTED, VERIFIED_ONLY; the
 * default EXCLUDE_REJECTED is not sent) and the period as `periodFrom`/`periodTo`, so each row
 * is added up from the milestones the page's figures count.
 */
export function exportUrl(
  file: 'adoptions' | 'milestones',
  params: {
    filters?: Partial<PageFilters>;
    innovationId?: string;
    adopterCode?: string;
  },
): string {
  const query = new URLSearchParams();
  const f = params.filters ?? {};
  if (params.innovationId) query.set('innovationId', params.innovationId);
  if (params.adopterCode) query.set('adopterCode', params.adopterCode);
  if (f.stage && file === 'adoptions') query.set('minStage', f.stage);
  if (f.province) query.set('provinceCode', f.province);
  if (f.from) query.set('periodFrom', f.from);
  if (f.to) query.set('periodTo', f.to);
  if (f.verification && f.verification !== 'EXCLUDE_REJECTED')
    query.set('verification', f.verification);
  const search = query.toString();
  return `/export/${file}.csv${search ? `?${search}` : ''}`;
}

export interface InnovationRank {
  rank: number;
  count: number;
  innovation: { id: string; name: string; origin: { code: string; name: string } };
}
export interface RegencyRank {
  rank: number;
  count: number;
  regency: { code: string; name: string; province: { code: string; name: string } };
}
export interface ProvinceRank {
  rank: number;
  /** Regencies of the province whose adoption reached the stage. */
  count: number;
  province: { code: string; name: string };
}
export interface Rankings {
  topInnovations: InnovationRank[];
  topAdopters: RegencyRank[];
  topOrigins: RegencyRank[];
  topProvinces: ProvinceRank[];
}

const REGENCY = 'rank count regency { code name province { code name } }';
/**
 * The four rankings in one request: the top ten innovations, adopters and origins for their
 * panels, and every province (38) by adopting regencies for the map.
 */
export const RANKINGS = `query WorkbenchRankings($stage: AdoptionStage, $filter: FigureFilter) {
  topInnovations(minStage: $stage, filter: $filter, first: 10) {
    rank count innovation { id name origin { code name } }
  }
  topAdopters(minStage: $stage, filter: $filter, first: 10) { ${REGENCY} }
  topOrigins(minStage: $stage, filter: $filter, first: 10) { ${REGENCY} }
  topProvinces(minStage: $stage, filter: $filter, first: 50) { rank count province { code name } }
}`;

export interface CurvePeriod {
  period: string;
  adoptions: number;
  cumulativeAdoptions: number;
}
export interface Curve {
  adoptionCurve: { adoptions: number; adopters: number; periods: CurvePeriod[] };
}
export const CURVE = `query WorkbenchCurve($innovationId: ID, $stage: AdoptionStage, $filter: FigureFilter) {
  adoptionCurve(innovationId: $innovationId, stage: $stage, interval: YEAR, filter: $filter) {
    adoptions adopters periods { period adoptions cumulativeAdoptions }
  }
}`;

export interface BudgetTotal {
  province: { code: string; name: string } | null;
  innovation: { id: string; name: string } | null;
  fiscalYear: number | null;
  amountRupiah: string;
  allocations: number;
  adopters: number;
}
export interface BudgetTotals {
  budgetTotals: BudgetTotal[];
  total: BudgetTotal[];
}
/** Budget allocations (alokasi APBD) by province, innovation and fiscal year, and in all. */
export const BUDGET_FIELDS =
  'province { code name } innovation { id name } fiscalYear amountRupiah allocations adopters';
