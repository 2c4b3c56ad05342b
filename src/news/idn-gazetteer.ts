import { getDistricts, getVillages } from 'idn-area-data';
import type { Regions } from '../application/regions.js';
import type { Gazetteer, Place } from './gazetteer.js';

let places: Promise<ReadonlyMap<string, Place[]>> | undefined;

/** Districts and villages of every regency, from idn-area-data, loaded once per process. */
function placesByRegency(): Promise<ReadonlyMap<string, Place[]>> {
  places ??= Promise.all([
    getDistricts({ transform: true }),
    getVillages({ transform: true }),
  ]).then(([districts, villages]) => {
    const byRegency = new Map<string, Place[]>();
    const add = (regencyCode: string, place: Place) => {
      const list = byRegency.get(regencyCode);
      if (list) list.push(place);
      else byRegency.set(regencyCode, [place]);
    };
    for (const d of districts)
      add(d.regencyCode, { code: d.code, name: d.name, kind: 'DISTRICT', districtCode: d.code });
    for (const v of villages)
      add(v.districtCode.slice(0, 5), {
        code: v.code,
        name: v.name,
        kind: 'VILLAGE',
        districtCode: v.districtCode,
      });
    return byRegency;
  });
  return places;
}

/**
 * The extractor's view of Kemendagri's regions: the regencies the regions module holds and the
 * districts and villages of idn-area-data.
 */
export async function loadGazetteer(regions: Regions): Promise<Gazetteer> {
  const byRegency = await placesByRegency();
  return {
    regencies: regions.regencies().map((r) => ({ code: r.code, name: r.name })),
    placesOf: (code) => byRegency.get(code) ?? [],
  };
}
