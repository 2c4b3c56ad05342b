import geodata from '@amcharts/amcharts5-geodata/indonesiaLow';
import type { Geometry } from 'geojson';

/**
 * Province shapes from the amCharts 5 geodata package (linkware licence, attributed on the map),
 * keyed by ISO 3166-2; Kemendagri province codes map onto them here. The shapes predate the 2022
 * split of Papua: Papua Selatan, Papua Tengah and Papua Pegunungan are drawn inside Papua, and
 * Papua Barat Daya inside Papua Barat (the table under the map lists all 38 separately).
 */
// biome-ignore format: a lookup table
export const ISO_OF_PROVINCE: Record<string, string> = {
  '11': 'ID-AC', '12': 'ID-SU', '13': 'ID-SB', '14': 'ID-RI', '15': 'ID-JA', '16': 'ID-SS',
  '17': 'ID-BE', '18': 'ID-LA', '19': 'ID-BB', '21': 'ID-KR', '31': 'ID-JK', '32': 'ID-JB',
  '33': 'ID-JT', '34': 'ID-YO', '35': 'ID-JI', '36': 'ID-BT', '51': 'ID-BA', '52': 'ID-NB',
  '53': 'ID-NT', '61': 'ID-KB', '62': 'ID-KT', '63': 'ID-KS', '64': 'ID-KI', '65': 'ID-KU',
  '71': 'ID-SA', '72': 'ID-ST', '73': 'ID-SN', '74': 'ID-SG', '75': 'ID-GO', '76': 'ID-SR',
  '81': 'ID-MA', '82': 'ID-MU', '91': 'ID-PA', '92': 'ID-PB', '93': 'ID-PA', '94': 'ID-PA',
  '95': 'ID-PA', '96': 'ID-PB',
};

export interface Shape {
  type: 'Feature';
  id: string;
  indonesian: boolean;
  name: string;
  geometry: Geometry;
}

export const shapes: Shape[] = geodata.features.map((feature) => {
  const id = String(feature.id ?? feature.properties?.id);
  return {
    type: 'Feature',
    id,
    indonesian: id.startsWith('ID-'),
    name: String(feature.properties?.name ?? id),
    geometry: feature.geometry,
  };
});
