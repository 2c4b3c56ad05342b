import {
  AdoptionStage,
  type AdoptionStage as Stage,
  stageRank,
} from '../../src/domain/adoption/stages.js';
import { stageDates, summarize } from '../../src/domain/adoption/summary.js';

/**
 * Diffusion figures, computed from the timeline rows of the adoptions they cover: the funnel
 * (adoptions per stage), adopters per province and days from the first study visit to each
 * later stage (median and 75th percentile). Pure: no I/O.
 */

export interface StageCount {
  stage: Stage;
  reached: number;
  current: number;
}
export interface ProvinceCount {
  provinceCode: string;
  adopters: number;
}
export interface StageDuration {
  stage: Stage;
  adoptions: number;
  medianDays: number | null;
  p75Days: number | null;
}
export interface Figures {
  adoptions: number;
  funnel: StageCount[];
  provinces: ProvinceCount[];
  studyToStage: StageDuration[];
}
export interface DiffusionFigures extends Figures {
  innovationId: string;
}
export interface OriginFigures extends Figures {
  originCode: string;
  innovations: number;
  adopters: number;
  perInnovation: DiffusionFigures[];
}

/** Days between two YYYY-MM-DD dates. */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Linear-interpolation percentile (p in [0, 1]) of ascending-sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (rank - low);
}

export interface TimelineRow {
  adopter_code: string;
  innovation_id: string;
  kind: string;
  occurred_on: string;
}

interface AdoptionFacts {
  adopter: string;
  rank: number;
  firstVisit: string | undefined;
  /** Earliest date each rank (or a later one) was reached, by rank. */
  reached: Map<number, string>;
}

export function adoptionsOfRows(rows: readonly TimelineRow[]): Map<string, AdoptionFacts> {
  const byAdoption = new Map<string, TimelineRow[]>();
  for (const r of rows) {
    const key = `${r.adopter_code}|${r.innovation_id}`;
    const list = byAdoption.get(key);
    if (list) list.push(r);
    else byAdoption.set(key, [r]);
  }
  const out = new Map<string, AdoptionFacts>();
  for (const [key, list] of byAdoption) {
    const milestones = list.map((r) => ({ kind: r.kind, occurredOn: r.occurred_on, order: 0 }));
    const visits = list.filter((r) => r.kind === 'STUDY_VISIT').map((r) => r.occurred_on);
    out.set(key, {
      adopter: (list[0] as TimelineRow).adopter_code,
      rank: summarize(milestones).rank,
      firstVisit: visits.length ? visits.reduce((a, b) => (b < a ? b : a)) : undefined,
      reached: stageDates(milestones),
    });
  }
  return out;
}

export function figures(rows: readonly TimelineRow[]): Figures {
  const adoptions = [...adoptionsOfRows(rows).values()].filter((a) => a.rank > 0);
  const stages = AdoptionStage.options;
  const funnel = stages.map((stage) => {
    const rank = stageRank(stage);
    return {
      stage,
      reached: adoptions.filter((a) => a.rank >= rank).length,
      current: adoptions.filter((a) => a.rank === rank).length,
    };
  });
  const perProvince = new Map<string, Set<string>>();
  for (const a of adoptions) {
    const province = a.adopter.slice(0, 2);
    perProvince.set(province, (perProvince.get(province) ?? new Set()).add(a.adopter));
  }
  const provinces = [...perProvince]
    .map(([provinceCode, set]) => ({ provinceCode, adopters: set.size }))
    .sort((x, y) => y.adopters - x.adopters || x.provinceCode.localeCompare(y.provinceCode));
  const studyToStage = stages
    .filter((stage) => stageRank(stage) > stageRank('STUDIED'))
    .map((stage) => {
      const rank = stageRank(stage);
      const days = adoptions
        .flatMap((a) => {
          const reached = a.reached.get(rank);
          if (!a.firstVisit || !reached || reached < a.firstVisit) return [];
          return [daysBetween(a.firstVisit, reached)];
        })
        .sort((x, y) => x - y);
      return {
        stage,
        adoptions: days.length,
        medianDays: percentile(days, 0.5),
        p75Days: percentile(days, 0.75),
      };
    });
  return { adoptions: adoptions.length, funnel, provinces, studyToStage };
}
