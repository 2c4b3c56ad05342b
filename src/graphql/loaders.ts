import DataLoader from 'dataloader';
import type { AdoptionRow, MilestoneRow } from '../../projections/adoptions/readers.js';
import type { InnovationRow } from '../../projections/innovations/readers.js';
import type { StudyVisitRow } from '../../projections/study-visits/readers.js';
import type { AtTime, TimePoint } from '../../projections/timeline/time-point.js';
import type { GraphQLContext } from './context.js';

/**
 * Per-request batch loaders: every field that would otherwise run one SQL query per parent
 * (an adoption's innovation, its milestones, a milestone's study visit, an innovation's or a
 * regency's adoptions) collects its keys during one tick and runs one query for all of them.
 * Loaders answering at a time point are kept per time point.
 */
export interface Loaders {
  innovation: DataLoader<string, InnovationRow | undefined>;
  studyVisit: DataLoader<string, StudyVisitRow | undefined>;
  milestone: DataLoader<string, MilestoneRow | undefined>;
  innovationsOfOrigin: DataLoader<string, InnovationRow[]>;
  visitsHosted: DataLoader<string, StudyVisitRow[]>;
  visitsMade: DataLoader<string, StudyVisitRow[]>;
  milestones(at: TimePoint | undefined): DataLoader<readonly [string, string], MilestoneRow[]>;
  adoptionsOfInnovation(
    minRank: number,
    at: TimePoint | undefined,
  ): DataLoader<string, AtTime<AdoptionRow>[]>;
  adoptionsOfAdopter(at: TimePoint | undefined): DataLoader<string, AtTime<AdoptionRow>[]>;
}

const byContext = new WeakMap<object, Loaders>();

const atKey = (at: TimePoint | undefined) => `${at?.asOf ?? ''}|${at?.knownAt ?? ''}`;

function keyed<K, V>(make: (key: string) => DataLoader<K, V>) {
  const loaders = new Map<string, DataLoader<K, V>>();
  return (key: string) => {
    let loader = loaders.get(key);
    if (!loader) {
      loader = make(key);
      loaders.set(key, loader);
    }
    return loader;
  };
}

export function loaders(ctx: GraphQLContext): Loaders {
  const found = byContext.get(ctx);
  if (found) return found;
  const { innovations, studyVisits, adoptions, adoptionLists } = ctx.read;
  const milestones = keyed(
    (key) =>
      new DataLoader<readonly [string, string], MilestoneRow[], string>(
        async (keys) => {
          const [asOf, knownAt] = key.split('|');
          const map = adoptions.milestonesOf(keys, {
            asOf: asOf || null,
            knownAt: knownAt || null,
          });
          return keys.map(([a, i]) => map.get(`${a}|${i}`) ?? []);
        },
        { cacheKeyFn: ([a, i]) => `${a}|${i}` },
      ),
  );
  const adoptionsOf = (by: 'innovation_id' | 'adopter_code') =>
    keyed(
      (key) =>
        new DataLoader<string, AtTime<AdoptionRow>[]>(async (keys) => {
          const [rank, asOf, knownAt] = key.split('|');
          const map = adoptionLists.of(by, keys, Number(rank), {
            asOf: asOf || null,
            knownAt: knownAt || null,
          });
          return keys.map((k) => map.get(k) ?? []);
        }),
    );
  const ofInnovation = adoptionsOf('innovation_id');
  const ofAdopter = adoptionsOf('adopter_code');
  const made: Loaders = {
    innovation: new DataLoader(async (ids) => {
      const map = innovations.byIds(ids);
      return ids.map((id) => map.get(id));
    }),
    studyVisit: new DataLoader(async (ids) => {
      const map = studyVisits.byIds(ids);
      return ids.map((id) => map.get(id));
    }),
    milestone: new DataLoader(async (ids) => {
      const map = adoptions.milestonesByIds(ids);
      return ids.map((id) => map.get(id));
    }),
    innovationsOfOrigin: new DataLoader(async (codes) => {
      const map = innovations.ofOrigins(codes);
      return codes.map((code) => map.get(code) ?? []);
    }),
    visitsHosted: new DataLoader(async (codes) => {
      const map = studyVisits.of('host', codes);
      return codes.map((code) => map.get(code) ?? []);
    }),
    visitsMade: new DataLoader(async (codes) => {
      const map = studyVisits.of('visitor', codes);
      return codes.map((code) => map.get(code) ?? []);
    }),
    milestones: (at) => milestones(atKey(at)),
    adoptionsOfInnovation: (minRank, at) => ofInnovation(`${minRank}|${atKey(at)}`),
    adoptionsOfAdopter: (at) => ofAdopter(`1|${atKey(at)}`),
  };
  byContext.set(ctx, made);
  return made;
}
