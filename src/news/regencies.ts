import type { RegencyEntry, RegencyIndex, RegencyKind } from './gazetteer.js';
import { gapAfter, gapBefore, type Report, spanOf } from './text.js';

/**
 * Where the report names a kabupaten/kota: "Bupati Lahat", "Pemkab Pohuwato", "Kabupaten
 * Pasangkayu", "Kota Cilegon", a bare "Banyuwangi", or a dateline "BANYUWANGI -". Every mention
 * is matched against the official names; a bare name that is also an everyday word ("Batu",
 * "Malang", "Padang") counts only with a prefix or as a dateline.
 */

export type MentionForm = 'TITLE' | 'GOVERNMENT' | 'NAMED' | 'BARE' | 'DATELINE';

export interface RegencyMention {
  code: string;
  /** Token range [from, to), the prefix included. */
  from: number;
  to: number;
  /** First token of the name itself. */
  nameFrom: number;
  form: MentionForm;
  /** "Bupati", "Wakil Bupati", "Wali Kota", … when the form is TITLE. */
  title?: string;
  sentence: number;
  confidence: number;
  reason: string;
  /** For a bare name shared by a kabupaten and a kota: both codes, until one is chosen. */
  candidates?: string[];
}

interface Prefix {
  words: string[];
  kind?: RegencyKind;
  form: MentionForm;
  title?: string;
}

const PREFIXES: Prefix[] = [
  { words: ['wakil', 'wali', 'kota'], kind: 'KOTA', form: 'TITLE', title: 'Wakil Wali Kota' },
  { words: ['wakil', 'walikota'], kind: 'KOTA', form: 'TITLE', title: 'Wakil Wali Kota' },
  { words: ['wakil', 'bupati'], kind: 'KABUPATEN', form: 'TITLE', title: 'Wakil Bupati' },
  { words: ['wali', 'kota'], kind: 'KOTA', form: 'TITLE', title: 'Wali Kota' },
  { words: ['walikota'], kind: 'KOTA', form: 'TITLE', title: 'Wali Kota' },
  { words: ['wawali'], kind: 'KOTA', form: 'TITLE', title: 'Wakil Wali Kota' },
  { words: ['wabup'], kind: 'KABUPATEN', form: 'TITLE', title: 'Wakil Bupati' },
  { words: ['bupati'], kind: 'KABUPATEN', form: 'TITLE', title: 'Bupati' },
  { words: ['sekretaris', 'daerah'], form: 'TITLE', title: 'Sekretaris Daerah' },
  { words: ['sekda'], form: 'TITLE', title: 'Sekretaris Daerah' },
  { words: ['ketua', 'dprd'], form: 'TITLE', title: 'Ketua DPRD' },
  { words: ['pemerintah', 'kabupaten'], kind: 'KABUPATEN', form: 'GOVERNMENT' },
  { words: ['pemerintah', 'kota'], kind: 'KOTA', form: 'GOVERNMENT' },
  { words: ['pemkab'], kind: 'KABUPATEN', form: 'GOVERNMENT' },
  { words: ['pemkot'], kind: 'KOTA', form: 'GOVERNMENT' },
  { words: ['dprd'], form: 'GOVERNMENT' },
  { words: ['kabupaten'], kind: 'KABUPATEN', form: 'NAMED' },
  { words: ['kab'], kind: 'KABUPATEN', form: 'NAMED' },
  { words: ['kota'], kind: 'KOTA', form: 'NAMED' },
];

/** Words before a name that make it something else: a province, a street, a village. */
const NOT_A_REGENCY_BEFORE = new Set([
  'provinsi',
  'prov',
  'gubernur',
  'pemprov',
  'jalan',
  'jl',
  'desa',
  'kelurahan',
  'kecamatan',
  'dusun',
  'gunung',
  'sungai',
  'pulau',
  'danau',
  'teluk',
  'selat',
  'bandara',
  'stasiun',
  'pelabuhan',
  'hotel',
  'universitas',
]);

/** Regency names that are also everyday words or common given names: no bare mentions. */
const EVERYDAY = new Set([
  'agam',
  'bangka',
  'banjar',
  'batang',
  'batu',
  'batubara',
  'belu',
  'bima',
  'bone',
  'bungo',
  'buru',
  'depok',
  'empatlawang',
  'ende',
  'gunungmas',
  'intanjaya',
  'jayapura',
  'kapuas',
  'karo',
  'kaur',
  'ketapang',
  'kuburaya',
  'kudus',
  'landak',
  'lebak',
  'limapuluhkota',
  'malaka',
  'malang',
  'medan',
  'metro',
  'muna',
  'padang',
  'palu',
  'pati',
  'pesisirbarat',
  'pesisirselatan',
  'poso',
  'pulangpisau',
  'puncak',
  'puncakjaya',
  'rajaampat',
  'sabang',
  'serang',
  'siak',
  'sigi',
  'solok',
  'sumba',
  'sungaipenuh',
  'tanahbumbu',
  'tanahdatar',
  'tanahlaut',
  'tebingtinggi',
  'tegal',
  'toba',
  'tual',
  'tuban',
  'murungraya',
  'paser',
  'maros',
  'garut',
  'nias',
  'buol',
  'wajo',
]);

/** `unresolved` collects, in words, the bare names that stay ambiguous (kabupaten or kota). */
export function findRegencyMentions(
  report: Report,
  index: RegencyIndex,
  unresolved: string[] = [],
): RegencyMention[] {
  const { tokens } = report;
  const mentions: RegencyMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = mentionAt(report, index, i);
    if (found) {
      mentions.push(found);
      i = found.to;
    } else i++;
  }
  return resolveAmbiguous(mentions, (m) => {
    const names = (m.candidates ?? []).map((c) => index.byCode.get(c)?.officialName ?? c);
    unresolved.push(
      `"${spanOf(report, m.from, m.to).text}" could be ${names.join(' or ')}: name it with Kabupaten/Kota`,
    );
  });
}

function mentionAt(report: Report, index: RegencyIndex, i: number): RegencyMention | undefined {
  const { tokens } = report;
  const before = tokens[i - 1]?.word;
  if (before && NOT_A_REGENCY_BEFORE.has(before) && !/[,.;:\n]/.test(gapBefore(report, i)))
    return undefined;
  for (const prefix of PREFIXES) {
    if (!prefix.words.every((w, k) => tokens[i + k]?.word === w && !breakAt(report, i + k)))
      continue;
    const at = i + prefix.words.length;
    const name = nameAt(report, index, at);
    if (!name) continue;
    const entry = pick(name.entries, prefix.kind);
    const sure = prefix.kind === undefined || entry.kind === prefix.kind;
    return {
      code: entry.code,
      from: i,
      to: name.to,
      nameFrom: at,
      form: prefix.form,
      ...(prefix.title ? { title: titleFor(prefix, entry) } : {}),
      sentence: tokens[i]?.sentence ?? 0,
      confidence: sure ? (name.entries.length > 1 && !prefix.kind ? 0.6 : 0.95) : 0.7,
      reason: `"${prefix.words.join(' ')} ${entry.base}" names ${entry.officialName}`,
    };
  }
  const name = nameAt(report, index, i);
  if (!name) return undefined;
  const joined = name.entries[0]?.base.replace(/ /g, '') ?? '';
  const dateline = isDateline(report, i, name.to);
  if (!dateline && EVERYDAY.has(joined)) return undefined;
  const entry = pick(name.entries, 'KABUPATEN');
  return {
    code: entry.code,
    ...(name.entries.length > 1 ? { candidates: name.entries.map((e) => e.code) } : {}),
    from: i,
    to: name.to,
    nameFrom: i,
    form: dateline ? 'DATELINE' : 'BARE',
    sentence: tokens[i]?.sentence ?? 0,
    confidence: dateline ? 0.9 : 0.75,
    reason: dateline
      ? `the dateline "${entry.base.toUpperCase()} -" names ${entry.officialName}`
      : `"${entry.base}" is the name of ${entry.officialName}`,
  };
}

function titleFor(prefix: Prefix, entry: RegencyEntry): string {
  if (prefix.title === 'Bupati' && entry.kind === 'KOTA') return 'Wali Kota';
  if (prefix.title === 'Wakil Bupati' && entry.kind === 'KOTA') return 'Wakil Wali Kota';
  return prefix.title ?? '';
}

function pick(entries: readonly RegencyEntry[], kind: RegencyKind | undefined): RegencyEntry {
  return (entries.find((e) => e.kind === kind) ?? entries[0]) as RegencyEntry;
}

/** A name of 1..n tokens at i, joined without spaces ("Labuhan Batu", "Bau-Bau"); longest wins. */
function nameAt(
  report: Report,
  index: RegencyIndex,
  i: number,
): { entries: readonly RegencyEntry[]; to: number } | undefined {
  const { tokens } = report;
  let joined = '';
  let best: { entries: readonly RegencyEntry[]; to: number } | undefined;
  for (let k = 0; k < index.maxTokens && i + k < tokens.length; k++) {
    if (k > 0 && !/^[\s-]*$/.test(gapBefore(report, i + k))) break;
    joined += tokens[i + k]?.word ?? '';
    const entries = index.byJoined.get(joined);
    if (entries) best = { entries, to: i + k + 1 };
  }
  return best;
}

function breakAt(report: Report, i: number): boolean {
  return /[,;:()\n]/.test(gapAfter(report, i));
}

/** "BANYUWANGI - …", "TRIBUNNEWS.COM, BANYUWANGI - …", "MEDAN, KOMPAS.com - …". */
function isDateline(report: Report, from: number, to: number): boolean {
  const before = gapBefore(report, from);
  const opens = from === 0 || /[,\n]/.test(before);
  if (!opens) return false;
  const after = gapAfter(report, to - 1);
  if (/^\s*[-–—]+\s/.test(after)) return true;
  if (!/^\s*,\s*$/.test(after)) return false;
  for (let k = to; k < to + 4 && k < report.tokens.length; k++) {
    const word = report.tokens[k]?.word;
    if ((word === 'com' || word === 'id') && /^\s*[-–—]+\s/.test(gapAfter(report, k))) return true;
  }
  return false;
}

/** A bare name shared by a kabupaten and a kota takes the one the report names with a prefix. */
function resolveAmbiguous(
  mentions: RegencyMention[],
  onUnresolved: (m: RegencyMention) => void,
): RegencyMention[] {
  const sure = new Set(mentions.filter((m) => !m.candidates).map((m) => m.code));
  return mentions.flatMap((m) => {
    if (!m.candidates) return [m];
    const chosen = m.candidates.filter((c) => sure.has(c));
    if (chosen.length !== 1) {
      onUnresolved(m);
      return [];
    }
    const { candidates: _, ...rest } = m;
    return [{ ...rest, code: chosen[0] as string, confidence: 0.7 }];
  });
}
