import type { Place } from './gazetteer.js';
import type { InnovationMention } from './innovations.js';
import { breaksClause, fold, gapAfter, type Report, type Span, spanOf, titleCase } from './text.js';

/**
 * The places a delegation saw, read from enumerations after a cue ("mulai dari A, B, dan C",
 * "mengunjungi …", "termasuk ke …") and from any "Kantor Kecamatan X" / "Desa X": an item counts
 * as a site when it names one of the host's districts or villages, one of the host's
 * innovations, or starts with a facility word (kantor, mal, balai, pasar …). Villages are
 * matched against the host's official list; where two villages share the name, the district the
 * report names beside it decides.
 */

export interface SiteFinding {
  name: string;
  villageCode?: string;
  span: Span;
  confidence: number;
  reason: string;
}

const CUES: readonly string[][] = [
  ['mulai', 'dari'],
  ['antara', 'lain'],
  ['di', 'antaranya'],
  ['diantaranya'],
  ['meliputi'],
  ['mengunjungi'],
  ['meninjau'],
  ['menyambangi'],
  ['termasuk', 'ke'],
  ['melihat', 'langsung'],
  ['berkeliling', 'ke'],
];

const FACILITY = new Set([
  'kantor',
  'mal',
  'mall',
  'lounge',
  'balai',
  'pasar',
  'puskesmas',
  'rsud',
  'gedung',
  'pendopo',
  'pusat',
  'sekolah',
  'museum',
  'galeri',
  'sentra',
  'posyandu',
  'perpustakaan',
  'stadion',
  'kawasan',
  'gerai',
  'loket',
  'aula',
  'desa',
  'kelurahan',
  'kecamatan',
  'kampung',
  'rumah',
]);
/** Words an item may start with that are not part of the site's name. */
const LEADING = new Set([
  'meninjau',
  'mengunjungi',
  'menyambangi',
  'melihat',
  'langsung',
  'ke',
  'yakni',
  'yaitu',
  'seperti',
  'adalah',
  'juga',
  'pula',
  'lalu',
  'kemudian',
  'termasuk',
]);
const ITEM_ENDS = new Set(['dan', 'serta', 'untuk', 'yang', 'guna']);
const ADMIN: Readonly<Record<string, Place['kind']>> = {
  kecamatan: 'DISTRICT',
  kec: 'DISTRICT',
  desa: 'VILLAGE',
  kelurahan: 'VILLAGE',
  kel: 'VILLAGE',
  ds: 'VILLAGE',
};

interface Item {
  from: number;
  /** End of the site's own name (before "di …"). */
  nameTo: number;
  /** End including a location tail ("di Kecamatan Licin"). */
  to: number;
  /** Found after a cue ("mulai dari …"), not just by an administrative word. */
  listed: boolean;
}

export function findSites(
  report: Report,
  places: readonly Place[],
  hostInnovations: readonly InnovationMention[],
  innovationNames: ReadonlyMap<string, string>,
): SiteFinding[] {
  const byName = new Map<string, Place[]>();
  for (const p of places) {
    const key = fold(p.name).replace(/ /g, '');
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  const sites: SiteFinding[] = [];
  for (const item of items(report)) {
    const site = siteOf(report, item, byName, hostInnovations, innovationNames);
    if (!site || sites.some((s) => s.name.toLowerCase() === site.name.toLowerCase())) continue;
    if (sites.some((s) => s.span.start < site.span.end && site.span.start < s.span.end)) continue;
    sites.push(site);
  }
  return sites;
}

function items(report: Report): Item[] {
  const { tokens } = report;
  const word = (i: number) => tokens[i]?.word ?? '';
  const out: Item[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cue = CUES.find((c) => c.every((w, k) => word(i + k) === w));
    const admin = ADMIN[word(i)] !== undefined;
    if (!cue && !admin) continue;
    const sentence = tokens[i]?.sentence ?? 0;
    const facilityBefore = FACILITY.has(word(i - 1)) && !breaksClause(gapAfter(report, i - 1));
    let from = cue ? i + cue.length : facilityBefore ? i - 1 : i;
    while (from < tokens.length && tokens[from]?.sentence === sentence) {
      let to = from;
      let nameTo = -1;
      while (to < tokens.length && tokens[to]?.sentence === sentence) {
        if (to > from && ITEM_ENDS.has(word(to))) break;
        if (to > from && word(to) === 'di' && nameTo < 0) nameTo = to;
        to++;
        if (breaksClause(gapAfter(report, to - 1))) break;
      }
      if (to > from) out.push({ from, nameTo: nameTo < 0 ? to : nameTo, to, listed: !!cue });
      if (!cue) break;
      from = ITEM_ENDS.has(word(to)) ? to + 1 : to;
      if (/[.!?\n]/.test(gapAfter(report, to - 1))) break;
    }
    i = Math.max(i, (out.at(-1)?.to ?? i + 1) - 1);
  }
  return out;
}

function siteOf(
  report: Report,
  item: Item,
  byName: ReadonlyMap<string, Place[]>,
  hostInnovations: readonly InnovationMention[],
  innovationNames: ReadonlyMap<string, string>,
): SiteFinding | undefined {
  const { tokens } = report;
  const word = (i: number) => tokens[i]?.word ?? '';
  if (item.nameTo - item.from > 8) return undefined;
  const parts: string[] = [];
  let village: Place | undefined;
  let kind: 'place' | 'innovation' | 'facility' | undefined;
  const sentence = tokens[item.from]?.sentence ?? 0;
  const districts = districtsNamed(report, byName, sentence);
  while (item.from < item.nameTo - 1 && LEADING.has(word(item.from))) item.from++;
  for (let i = item.from; i < item.nameTo; ) {
    const innovation = hostInnovations.find((m) => m.from === i && m.to <= item.nameTo);
    if (innovation) {
      parts.push(innovationNames.get(innovation.id) ?? '');
      if (kind !== 'place') kind = 'innovation';
      i = innovation.to;
      continue;
    }
    const adminKind = ADMIN[word(i)];
    const place = adminKind
      ? placeAt(report, byName, i + 1, item.nameTo, adminKind, districts)
      : undefined;
    if (adminKind && place) {
      parts.push(titleCase([adminKindWord(word(i))]), place.place.name);
      if (place.place.kind === 'VILLAGE' && place.unique) village = place.place;
      kind = 'place';
      i = place.to;
      continue;
    }
    if (i === item.from && FACILITY.has(word(i))) kind ??= 'facility';
    parts.push(titleCase([word(i)]));
    i++;
  }
  if (!kind || (!item.listed && kind !== 'place')) return undefined;
  const name = parts.filter(Boolean).join(' ');
  return {
    name,
    ...(village ? { villageCode: village.code } : {}),
    span: spanOf(report, item.from, item.nameTo),
    confidence: kind === 'facility' ? 0.6 : 0.8,
    reason:
      kind === 'place'
        ? `names ${village ? `village ${village.name} (${village.code})` : 'a place'} of the host`
        : kind === 'innovation'
          ? "names one of the host's innovations"
          : 'a place visited, by its first word',
  };
}

function adminKindWord(word: string): string {
  return { kec: 'kecamatan', kel: 'kelurahan', ds: 'desa' }[word] ?? word;
}

function placeAt(
  report: Report,
  byName: ReadonlyMap<string, Place[]>,
  i: number,
  limit: number,
  kind: Place['kind'],
  districts: ReadonlySet<string>,
): { place: Place; to: number; unique: boolean } | undefined {
  let joined = '';
  let best: { place: Place; to: number; unique: boolean } | undefined;
  for (let k = 0; k < 4 && i + k < limit; k++) {
    joined += report.tokens[i + k]?.word ?? '';
    const all = (byName.get(joined) ?? []).filter((p) => p.kind === kind);
    if (all.length === 0) continue;
    const near = all.filter((p) => districts.has(p.districtCode));
    const pool = near.length ? near : all;
    best = { place: pool[0] as Place, to: i + k + 1, unique: pool.length === 1 };
  }
  return best;
}

/** Districts of the host a sentence names (bare or as "Kecamatan X"). */
function districtsNamed(
  report: Report,
  byName: ReadonlyMap<string, Place[]>,
  sentence: number,
): Set<string> {
  const codes = new Set<string>();
  const s = report.sentences[sentence];
  if (!s) return codes;
  for (let i = s.from; i < s.to; i++)
    for (const p of byName.get(report.tokens[i]?.word ?? '') ?? [])
      if (p.kind === 'DISTRICT') codes.add(p.code);
  return codes;
}
